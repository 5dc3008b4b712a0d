package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7 --resume: a sweep whose driver is killed mid-run (a child JVM, destroyForcibly once some
 * work parts are committed) and then resumed gives every chain exactly once, keeps the committed
 * chains without rerunning them, and equals an uninterrupted run.
 */
class SweepResumeTest {

  private static final String YAML =
      "name: resume-test\nseed: 5\nreplicates: 8\ngenerations: 150\n"
          + "family: categorical\nrecord_every: 10\n"
          + "grid:\n  alpha: [0.0, 0.1, 0.4]\n"
          + "params:\n  model_size: 200\n  samples: 2000\n";

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
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path out = tmp.resolve("killed");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent"))
            .toList());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            SweepMain.class.getName(),
            config.toString(),
            "--out",
            out.toString(),
            "--master",
            "local[1]",
            "--conf",
            SparkSweep.BATCH_SIZE_CONF + "=1"));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    FsPath parts = WorkParts.partsDir(FsPath.local(out));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    int committed = 0;
    while (System.nanoTime() < deadline && child.isAlive()) {
      committed = WorkParts.readCommitted(FsPath.local(out)).parts().size();
      if (committed >= 3) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(child.isAlive(), () -> "the child sweep ended before it could be killed:\n" + log());
    child.destroyForcibly();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    WorkParts.Committed before = WorkParts.readCommitted(FsPath.local(out));
    assertTrue(before.parts().size() >= 3, "parts committed before the kill: " + before.parts());
    assertTrue(
        before.okCount() < 24,
        "the kill came before the end: " + before.okCount() + " chains committed");
    assertFalse(
        Files.exists(out.resolve("summary.arrow")), "no table of an unfinished sweep is visible");

    SweepConfig sweep = SweepTestSupport.parse(config);
    SparkSweep.Preparation prep = SparkSweep.prepareOutput(sweep, FsPath.local(out), true, false);
    assertFalse(prep.nothingToDo());
    SweepSource source =
        new SweepSource(Files.readString(config), tmp.toString(), List.of(), sweep.configHash());
    SparkSweep.Result resumed =
        SparkSweep.run(
            spark, sweep, source, FsPath.local(out), prep.startTime(), "test", null, false);
    assertEquals(24 - before.okCount(), resumed.chainsRun(), "committed chains are not rerun");
    assertEquals(24, resumed.chainsOk());

    Path reference = tmp.resolve("reference");
    SweepTestSupport.CommandResult full =
        SweepTestSupport.sweep(config.toString(), "--out", reference.toString());
    assertEquals(0, full.exitCode(), full.stderr());

    ReadTable chains = OutputTestSupport.readArrow(out.resolve("chains.arrow"));
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < chains.rows().size(); i++) {
      assertTrue(
          keys.add(chains.value(i, "cell_id") + "/" + chains.value(i, "replicate")),
          "chain listed twice: row " + i);
    }
    assertEquals(24, keys.size());
    ReadTable gens = SweepTestSupport.readGenerationsWithSpark(spark, sweep, out);
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
    for (String table : List.of("summary", "chains", "cells")) {
      SweepTestSupport.assertSameTable(
          OutputTestSupport.readArrow(reference.resolve(table + ".arrow")),
          OutputTestSupport.readArrow(out.resolve(table + ".arrow")),
          table,
          "cell_id",
          table.equals("summary")
              ? "generation"
              : table.equals("chains") ? "replicate" : "cell_id");
    }
    SweepTestSupport.assertSameTable(
        SweepTestSupport.readGenerationsWithSpark(spark, sweep, reference),
        gens,
        "generations",
        "cell_id",
        "replicate",
        "generation");
  }

  private String log() {
    try {
      return Files.readString(tmp.resolve("child.log"));
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
