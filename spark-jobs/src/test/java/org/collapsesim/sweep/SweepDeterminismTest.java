package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README, Random streams and determinism: the same sweep under local[1], local[2] and
 * local-cluster[2,1,1024] (two executor JVMs) writes identical tables, compared sorted by (cell_id,
 * replicate, generation), wall_ms excepted. Batch sizes differ between the runs (1 chain per task
 * versus the default), so the test also shows that batching does not change a number; so do the
 * assembly's partitions (one, or ranges of 7 rows).
 */
class SweepDeterminismTest {

  private static final String YAML =
      "name: determinism\nseed: 314159\nreplicates: 5\ngenerations: 12\n"
          + "family: categorical\nrecord_every: 3\n"
          + "grid:\n  alpha: [0.0, {schedule: power, alpha0: 0.3, exponent: 1.0}]\n  regime: [replace, accumulate]\n"
          + "params:\n  model_size: 7\n  samples: 25\n";

  @TempDir Path tmp;

  private Path run(String master, Map<String, String> conf, Path config) {
    Path out = tmp.resolve(master.replaceAll("[^a-z0-9]", "_"));
    SparkSession spark = SweepTestSupport.session(master, conf);
    try {
      SweepTestSupport.CommandResult r =
          SweepTestSupport.sweep(config.toString(), "--engine", "spark", "--out", out.toString());
      assertEquals(0, r.exitCode(), master + ": " + r.stderr());
    } finally {
      spark.stop();
    }
    return out;
  }

  @Test
  void localOneLocalTwoAndALocalClusterWriteIdenticalTables() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    SweepConfig sweep = SweepTestSupport.parse(config);
    Path one = run("local[1]", Map.of(SparkSweep.BATCH_SIZE_CONF, "1"), config);
    // 7 rows per partition: the summary and chains tables take the range-partitioned assembly
    Path two = run("local[2]", Map.of(SweepAssembly.ROWS_PER_PARTITION_CONF, "7"), config);
    Path cluster;
    try {
      cluster = run("local-cluster[2,1,1024]", SweepTestSupport.localClusterConf(tmp), config);
    } finally {
      System.clearProperty("spark.testing");
      System.clearProperty("spark.test.home");
    }

    SparkSession reader = SweepTestSupport.session("local[2]", Map.of());
    try {
      ReadTable expectedGens = SweepTestSupport.readGenerationsWithSpark(reader, sweep, one);
      assertEquals(
          4 * 5 * 5, expectedGens.rows().size(), "4 cells x 5 replicates x generations 0,3,6,9,12");
      for (Path other : List.of(two, cluster)) {
        SweepTestSupport.assertSameTable(
            expectedGens,
            SweepTestSupport.readGenerationsWithSpark(reader, sweep, other),
            "generations of " + other.getFileName(),
            "cell_id",
            "replicate",
            "generation");
        SweepTestSupport.assertSameTable(
            OutputTestSupport.readArrow(one.resolve("summary.arrow")),
            OutputTestSupport.readArrow(other.resolve("summary.arrow")),
            "summary of " + other.getFileName(),
            "cell_id",
            "generation");
        SweepTestSupport.assertSameTable(
            OutputTestSupport.readArrow(one.resolve("chains.arrow")),
            OutputTestSupport.readArrow(other.resolve("chains.arrow")),
            "chains of " + other.getFileName(),
            "cell_id",
            "replicate");
        SweepTestSupport.assertSameTable(
            OutputTestSupport.readArrow(one.resolve("cells.arrow")),
            OutputTestSupport.readArrow(other.resolve("cells.arrow")),
            "cells of " + other.getFileName(),
            "cell_id");
      }
    } finally {
      reader.stop();
    }
  }

  /**
   * One chain on two cores: its generations (131073 samples over 100000 categories, drawn as
   * counts: two category groups) run their blocks on both cores ({@link SweepPlan#blockThreads}),
   * and the tables equal those of local[1], where they run in order.
   */
  @Test
  void aLoneChainSpreadsItsBlocksOverIdleCoresWithoutChangingANumber() throws Exception {
    assertEquals(2, SweepPlan.blockThreads(1, 2));
    assertEquals(1, SweepPlan.blockThreads(1, 1));
    Path config =
        SweepTestSupport.writeConfig(
            tmp,
            "name: blocks\nseed: 2718\nreplicates: 1\ngenerations: 3\n"
                + "family: categorical\n"
                + "params:\n  model_size: 100000\n  samples: 131073\n");
    Path one = run("local[1]", Map.of(), config);
    Path two = run("local[2]", Map.of(SparkSweep.BATCH_SIZE_CONF, "1"), config);
    SweepTestSupport.assertSameTable(
        OutputTestSupport.readArrow(one.resolve("summary.arrow")),
        OutputTestSupport.readArrow(two.resolve("summary.arrow")),
        "summary",
        "cell_id",
        "generation");
    SweepTestSupport.assertSameTable(
        OutputTestSupport.readArrow(one.resolve("chains.arrow")),
        OutputTestSupport.readArrow(two.resolve("chains.arrow")),
        "chains",
        "cell_id",
        "replicate");
  }
}
