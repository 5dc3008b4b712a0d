package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.LocalOutput;
import org.collapsesim.io.ManifestJson;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** The Spark sweep end to end on one shared local[2] session. */
class SparkSweepTest {

  static final String YAML =
      "name: spark-test\nseed: 11\nreplicates: 4\ngenerations: 6\nfamily: categorical\n"
          + "record_every: 2\n"
          + "grid:\n  alpha: [0.0, 0.3]\n  model_size: [5, 8]\n"
          + "params:\n  samples: 20\n"
          + "output:\n  formats: [arrow, parquet, csv]\n";

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SweepTestSupport.session("local[2]", Map.of());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sparkRunsWithKryoAndEveryShippedClassRegistered() {
    SparkConf conf = spark.sparkContext().getConf();
    assertEquals("org.apache.spark.serializer.KryoSerializer", conf.get("spark.serializer"));
    assertEquals("true", conf.get("spark.kryo.registrationRequired"));
    // the sweep below ships batches, broadcasts and results through this serializer: an
    // unregistered class would fail it
    SerializerInstance kryo = spark.sparkContext().env().serializer().newInstance();
    ClassTag<ChainBatch> tag = ClassTag$.MODULE$.apply(ChainBatch.class);
    ChainBatch batch = new ChainBatch(2, 7, 3, new int[] {4, 5, 9});
    assertEquals(batch, kryo.deserialize(kryo.serialize(batch, tag), tag));
  }

  @Test
  void sweepGivesTheNumbersOfAnInProcessRunOfEachCell() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path out = tmp.resolve("out");
    SweepTestSupport.CommandResult result =
        SweepTestSupport.sweep(config.toString(), "--out", out.toString());
    assertEquals(0, result.exitCode(), result.stderr());
    for (String f :
        List.of(
            "manifest.json",
            "summary.arrow",
            "chains.arrow",
            "cells.arrow",
            "summary.csv",
            "chains.csv",
            "cells.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertFalse(
        Files.exists(out.resolve(WorkParts.WORK_DIR)),
        "work parts are removed after a clean sweep");
    Map<String, Object> manifest = ManifestJson.read(FsPath.local(out.resolve("manifest.json")));
    assertEquals("complete", manifest.get("status"));

    SweepConfig sweep = SweepTestSupport.parse(config);
    assertEquals(4, sweep.cells().size());
    ReadTable summary = OutputTestSupport.readArrow(out.resolve("summary.arrow"));
    ReadTable chains = OutputTestSupport.readArrow(out.resolve("chains.arrow"));
    ReadTable cells = OutputTestSupport.readArrow(out.resolve("cells.arrow"));
    ReadTable generations = SweepTestSupport.readGenerationsWithSpark(spark, sweep, out);
    assertEquals(4 * 4, summary.rows().size(), "4 cells x generations 0, 2, 4, 6");
    assertEquals(4 * 4, chains.rows().size());
    assertEquals(4, cells.rows().size());
    assertEquals(4 * 4 * 4, generations.rows().size());
    // Grid order: rows come sorted by cell index, then generation.
    assertEquals(sweep.cells().get(0).cellId(), summary.value(0, "cell_id"));
    assertEquals(sweep.cells().get(3).cellId(), cells.value(3, "cell_id"));

    List<ReadTable> local = new ArrayList<>();
    for (CellSpec spec : sweep.cells()) {
      PreparedCell cell = PreparedCell.prepare(sweep, spec);
      List<GenerationRecord> rows = new ArrayList<>();
      List<ChainRecord> records = new ArrayList<>();
      for (int r = 0; r < sweep.replicates(); r++) {
        records.add(cell.runChain(r, rows::add, BlockRunner.SEQUENTIAL));
      }
      Path dir = tmp.resolve("local-" + spec.index());
      LocalOutput.writeCell(sweep, cell, rows, records, FsPath.local(dir), false);
      local.add(OutputTestSupport.readArrow(dir.resolve("summary.arrow")));
      local.add(OutputTestSupport.readArrow(dir.resolve("chains.arrow")));
      local.add(OutputTestSupport.readArrow(dir.resolve("cells.arrow")));
      local.add(OutputTestSupport.readParquetDir(dir.resolve("generations")));
    }
    SweepTestSupport.assertSameTable(concat(local, 0), summary, "summary", "cell_id", "generation");
    SweepTestSupport.assertSameTable(concat(local, 1), chains, "chains", "cell_id", "replicate");
    SweepTestSupport.assertSameTable(concat(local, 2), cells, "cells", "cell_id");
    SweepTestSupport.assertSameTable(
        concat(local, 3), generations, "generations", "cell_id", "replicate", "generation");
  }

  private static ReadTable concat(List<ReadTable> tables, int which) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = which; i < tables.size(); i += 4) {
      rows.addAll(tables.get(i).rows());
    }
    return new ReadTable(tables.get(which).columns(), rows, Map.of());
  }

  @Test
  void refusesBadConfigsNonEmptyDirectoriesAndResumingAnotherConfig() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path out = tmp.resolve("out");

    SweepTestSupport.CommandResult bad =
        SweepTestSupport.sweep(
            config.toString(),
            "--out",
            out.toString(),
            "--set",
            "grid.alpha=[0.5,1.5]",
            "--set",
            "replicates=0");
    assertEquals(2, bad.exitCode(), bad.stderr());
    assertTrue(bad.stderr().lines().count() >= 2, "one line per problem:\n" + bad.stderr());
    assertTrue(bad.stderr().contains("grid.alpha[1]"), bad.stderr());
    assertFalse(Files.exists(out), "nothing is written for a bad config");

    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    SweepTestSupport.CommandResult busy =
        SweepTestSupport.sweep(config.toString(), "--out", out.toString());
    assertEquals(2, busy.exitCode(), busy.stderr());
    assertTrue(busy.stderr().contains("not empty"), busy.stderr());
    Files.delete(out.resolve("notes.txt"));

    assertEquals(0, SweepTestSupport.sweep(config.toString(), "--out", out.toString()).exitCode());
    SweepTestSupport.CommandResult other =
        SweepTestSupport.sweep(
            config.toString(), "--out", out.toString(), "--resume", "--set", "seed=12");
    assertEquals(2, other.exitCode(), other.stderr());
    assertTrue(other.stderr().contains("config hash"), other.stderr());

    FileTime before = Files.getLastModifiedTime(out.resolve("summary.arrow"));
    SweepTestSupport.CommandResult again =
        SweepTestSupport.sweep(config.toString(), "--out", out.toString(), "--resume");
    assertEquals(0, again.exitCode(), again.stderr());
    assertTrue(again.stderr().contains("nothing to do"), again.stderr());
    assertEquals(
        before,
        Files.getLastModifiedTime(out.resolve("summary.arrow")),
        "a finished sweep is left as is");

    SweepTestSupport.CommandResult both =
        SweepTestSupport.sweep(
            config.toString(), "--out", out.toString(), "--resume", "--overwrite");
    assertEquals(2, both.exitCode(), both.stderr());
    assertEquals(
        0,
        SweepTestSupport.sweep(config.toString(), "--out", out.toString(), "--overwrite")
            .exitCode());
  }
}
