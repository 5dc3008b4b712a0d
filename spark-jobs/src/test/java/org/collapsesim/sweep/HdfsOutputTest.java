package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.FsPath;
import org.collapsesim.testing.MiniHdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outputs on a real HDFS: a MiniDFSCluster (one NameNode, one DataNode) on 127.0.0.1, started and
 * stopped here. A sweep written to {@code hdfs://} has the tables of the same sweep on the local
 * disk, and a sweep killed and resumed there too.
 */
class HdfsOutputTest {

  private static MiniDFSCluster hdfs;
  private static SparkSession spark;

  @TempDir static Path base;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    hdfs = MiniHdfs.start(base.resolve("hdfs"));
    spark = SweepTestSupport.session("local[2]", Map.of());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
  }

  private static String uri(String path) {
    return MiniHdfs.uri(hdfs, path);
  }

  /** With either engine on HDFS; the reference on the local disk runs on Spark. */
  @ParameterizedTest
  @ValueSource(strings = {"spark", "local"})
  void aSweepOnHdfsHasTheTablesOfTheSameSweepOnTheLocalDisk(String engine) throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, KilledSweepScenario.YAML);
    String out = uri("/sweeps/whole-" + engine);
    SweepTestSupport.CommandResult onHdfs =
        SweepTestSupport.sweep(config.toString(), "--engine", engine, "--out", out);
    assertEquals(0, onHdfs.exitCode(), onHdfs.stderr());
    Path local = tmp.resolve("local");
    SweepTestSupport.CommandResult onDisk =
        SweepTestSupport.sweep(config.toString(), "--engine", "spark", "--out", local.toString());
    assertEquals(0, onDisk.exitCode(), onDisk.stderr());

    FsPath dir = FsPath.of(out, Configuration::new);
    for (FsPath entry : dir.list()) {
      assertFalse(AtomicOutput.isTemporaryName(entry.name()), "temporary left: " + entry);
    }
    assertFalse(dir.resolve(WorkParts.WORK_DIR).exists(), "work parts left");
    Path copy = SweepTestSupport.localCopy(dir, tmp.resolve("copy"));
    SweepConfig sweep = SweepTestSupport.parse(config);
    SweepTestSupport.assertSameOutput(spark, sweep, local, copy);
    // --resume of a finished sweep on HDFS reads its manifest there and does nothing.
    SweepTestSupport.CommandResult again =
        SweepTestSupport.sweep(config.toString(), "--engine", engine, "--out", out, "--resume");
    assertEquals(0, again.exitCode(), again.stderr());
  }

  @Test
  void aSweepKilledAndResumedOnHdfsGivesTheUninterruptedResult() throws Exception {
    KilledSweepScenario.run(spark, tmp, FsPath.of(uri("/sweeps/killed"), Configuration::new));
  }
}
