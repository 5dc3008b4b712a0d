package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;

/**
 * --resume after a killed driver, on any file system: a sweep run by a child JVM into {@code out}
 * is killed (destroyForcibly) once some work parts are committed, then resumed here; every chain
 * must appear once, committed chains must not rerun, and the tables must equal an uninterrupted run
 * on the local disk.
 */
final class KilledSweepScenario {

  static final String YAML =
      "name: resume-test\nseed: 5\nreplicates: 8\ngenerations: 150\n"
          + "family: categorical\nrecord_every: 10\n"
          + "grid:\n  alpha: [0.0, 0.1, 0.4]\n"
          + "params:\n  model_size: 200\n  samples: 2000\n";

  private KilledSweepScenario() {}

  static void run(SparkSession spark, Path tmp, FsPath out) throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Process child =
        SweepTestSupport.startChild(
            tmp,
            SweepMain.class,
            config.toString(),
            "--out",
            out.uri(),
            "--master",
            "local[1]",
            "--conf",
            SparkSweep.BATCH_SIZE_CONF + "=1");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    int committed = 0;
    while (System.nanoTime() < deadline && child.isAlive()) {
      committed = WorkParts.readCommitted(out).parts().size();
      if (committed >= 3) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(
        child.isAlive(),
        () ->
            "the child sweep ended before it could be killed:\n" + SweepTestSupport.childLog(tmp));
    child.destroyForcibly();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    WorkParts.Committed before = WorkParts.readCommitted(out);
    assertTrue(before.parts().size() >= 3, "parts committed before the kill: " + before.parts());
    assertTrue(
        before.okCount() < 24,
        "the kill came before the end: " + before.okCount() + " chains committed");
    assertFalse(
        out.resolve("summary.arrow").exists(), "no table of an unfinished sweep is visible");

    SweepTestSupport.resume(new SparkSweep(spark, "test"), config, out, before, 24);
    SweepConfig sweep = SweepTestSupport.parse(config);
    Path copy = SweepTestSupport.localCopy(out, tmp.resolve("copy"));

    Path reference = tmp.resolve("reference");
    SweepTestSupport.CommandResult full =
        SweepTestSupport.sweep(config.toString(), "--out", reference.toString());
    assertEquals(0, full.exitCode(), full.stderr());

    ReadTable chains = OutputTestSupport.readArrow(copy.resolve("chains.arrow"));
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < chains.rows().size(); i++) {
      assertTrue(
          keys.add(chains.value(i, "cell_id") + "/" + chains.value(i, "replicate")),
          "chain listed twice: row " + i);
    }
    assertEquals(24, keys.size());
    ReadTable gens = SweepTestSupport.readGenerationsWithSpark(spark, sweep, copy);
    Set<String> genKeys = new HashSet<>();
    for (int i = 0; i < gens.rows().size(); i++) {
      assertTrue(
          genKeys.add(
              gens.value(i, "cell_id")
                  + "/"
                  + gens.value(i, "replicate")
                  + "/"
                  + gens.value(i, "generation")),
          "generation row twice: " + i);
    }
    assertEquals(24 * 16, genKeys.size());
    SweepTestSupport.assertSameOutput(spark, sweep, reference, copy);
  }
}
