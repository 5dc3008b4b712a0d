package org.collapsesim.sweep;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.io.FsPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --resume: a sweep whose driver is killed mid-run and then resumed gives every chain exactly once,
 * keeps the committed chains without rerunning them, and equals an uninterrupted run ({@link
 * KilledSweepScenario}, here on the local disk; {@code HdfsOutputTest} runs it on HDFS).
 */
class SweepResumeTest {

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
  void resumeAfterAKilledDriverGivesEveryChainOnceAndTheUninterruptedResult() throws Exception {
    KilledSweepScenario.run(spark, tmp, FsPath.local(tmp.resolve("killed")));
  }
}
