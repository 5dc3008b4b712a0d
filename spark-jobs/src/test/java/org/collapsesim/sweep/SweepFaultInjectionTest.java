package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deliberate failures ({@link FaultInjection}): a chain that fails once is rerun by {@code
 * --resume} and nothing else is; a chain that always fails ends as a failed row with its error
 * (exit 1, or 0 with --allow-failures), with either engine, and a sweep failed under one engine
 * resumes under the other; an executor that dies on its first attempt is retried by Spark with
 * identical output (the in-process engine refuses that fault).
 */
class SweepFaultInjectionTest {

  private static final String SPARK = "spark";
  private static final String LOCAL = "local";

  private static final String YAML =
      "name: faults\nseed: 99\nreplicates: 4\ngenerations: 6\n"
          + "family: categorical\nrecord_every: 2\n"
          + "grid:\n  alpha: [0.0, 0.2]\n"
          + "params:\n  model_size: 20\n  samples: 60\n";

  @TempDir Path tmp;

  @AfterEach
  void clearFaults() {
    System.clearProperty(FaultInjection.PROPERTY);
  }

  /**
   * {@code collapse sweep CONFIG --engine ENGINE ARGS...}: on Spark local[2] with 2 chains per
   * task, or in-process ({@code local}, no Spark session).
   */
  private SweepTestSupport.CommandResult sweep(String engine, Path config, String... args) {
    List<String> all = new ArrayList<>(List.of(config.toString(), "--engine", engine));
    all.addAll(List.of(args));
    if (engine.equals("local")) {
      return SweepTestSupport.sweep(all.toArray(String[]::new));
    }
    SparkSession spark =
        SweepTestSupport.session("local[2]", Map.of(SparkSweep.BATCH_SIZE_CONF, "2"));
    try {
      return SweepTestSupport.sweep(all.toArray(String[]::new));
    } finally {
      spark.stop();
    }
  }

  private static List<String> failedChains(Path out) throws Exception {
    ReadTable chains = OutputTestSupport.readArrow(out.resolve("chains.arrow"));
    int status = chains.columns().indexOf("status");
    int replicate = chains.columns().indexOf("replicate");
    int alpha = chains.columns().indexOf("alpha");
    int error = chains.columns().indexOf("error");
    List<String> failed = new ArrayList<>();
    for (Object[] row : chains.rows()) {
      if ("failed".equals(String.valueOf(row[status]))) {
        failed.add(row[alpha] + "/" + row[replicate] + ": " + row[error]);
      } else {
        assertNull(row[error], "an ok chain has no error");
      }
    }
    failed.sort(null);
    return failed;
  }

  /** The sweep without faults, the reference the faulty runs must end equal to. */
  private Path cleanRun(Path config) {
    Path clean = tmp.resolve("clean");
    assertEquals(0, sweep(SPARK, config, "--out", clean.toString()).exitCode());
    return clean;
  }

  @ParameterizedTest
  @ValueSource(strings = {SPARK, LOCAL})
  void resumeRerunsExactlyTheChainsThatFailedOnce(String engine) throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path clean = cleanRun(config);

    System.setProperty(FaultInjection.PROPERTY, "chain:0/1@4; chain:1/3@0");
    Path out = tmp.resolve("faulty");
    SweepTestSupport.CommandResult first = sweep(engine, config, "--out", out.toString());
    assertEquals(1, first.exitCode(), first.stderr());
    assertEquals(
        List.of(
            "0.0/1: IllegalStateException: injected fault (collapse.faults) at generation 4",
            "0.2/3: IllegalStateException: injected fault (collapse.faults) at generation 0"),
        failedChains(out));
    ReadTable generations = OutputTestSupport.readParquetDir(out.resolve("generations"));
    assertEquals(
        6 * 4, generations.rows().size(), "6 ok chains x generations 0,2,4,6; none of the failed");

    SweepTestSupport.CommandResult resumed =
        sweep(engine, config, "--out", out.toString(), "--resume");
    assertEquals(0, resumed.exitCode(), resumed.stderr());
    assertTrue(resumed.stderr().contains("8 chains (2 run now), 8 ok, 0 failed"), resumed.stderr());
    assertEquals(List.of(), failedChains(out));
    SweepTestSupport.assertSameTables(clean, out);
    assertFalse(Files.exists(out.resolve(WorkParts.WORK_DIR)), "work parts deleted once all ok");
  }

  /**
   * A work part damaged after it was committed (a Parquet file cut short, an index that lost its
   * end) is found by --resume through the index's checksums and end line, deleted, and its chains
   * run again: the output equals an undisturbed run.
   */
  @Test
  void resumeRecomputesWorkPartsThatWereTruncatedOrCorrupted() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path clean = cleanRun(config);

    System.setProperty(FaultInjection.PROPERTY, "chain:0/1@4");
    Path out = tmp.resolve("damaged");
    assertEquals(1, sweep(SPARK, config, "--out", out.toString()).exitCode());
    List<Path> okParts = new ArrayList<>();
    try (var parts = Files.list(out.resolve(WorkParts.WORK_DIR).resolve("parts"))) {
      for (Path part : parts.sorted().toList()) {
        if (!Files.readString(part.resolve(WorkParts.INDEX_FILE)).contains("failed")) {
          okParts.add(part);
        }
      }
    }
    assertEquals(3, okParts.size(), "4 parts of 2 chains, one holding the failed chain");
    Path parquet = okParts.get(0).resolve(WorkParts.GENERATIONS_FILE);
    byte[] bytes = Files.readAllBytes(parquet);
    Files.write(parquet, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path index = okParts.get(1).resolve(WorkParts.INDEX_FILE);
    String text = Files.readString(index);
    Files.writeString(index, text.substring(0, text.indexOf(WorkParts.END)));

    SweepTestSupport.CommandResult resumed =
        sweep(SPARK, config, "--out", out.toString(), "--resume");
    assertEquals(0, resumed.exitCode(), resumed.stderr());
    assertTrue(
        resumed.stderr().contains("8 chains (5 run now), 8 ok, 0 failed"),
        "the failed chain and the 4 chains of the two damaged parts: " + resumed.stderr());
    SweepTestSupport.assertSameTables(clean, out);
  }

  @ParameterizedTest
  @ValueSource(strings = {SPARK, LOCAL})
  void aChainThatAlwaysFailsEndsAsAFailedRowAndExitOneUnlessFailuresAreAllowed(String engine)
      throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    System.setProperty(FaultInjection.PROPERTY, "chain:1/0@2:always");
    Path out = tmp.resolve("always");
    assertEquals(1, sweep(engine, config, "--out", out.toString()).exitCode());
    SweepTestSupport.CommandResult again =
        sweep(engine, config, "--out", out.toString(), "--resume");
    assertEquals(1, again.exitCode(), again.stderr());
    assertTrue(again.stderr().contains("8 chains (1 run now), 7 ok, 1 failed"), again.stderr());
    assertEquals(
        List.of("0.2/0: IllegalStateException: injected fault (collapse.faults) at generation 2"),
        failedChains(out));
    ReadTable chains = OutputTestSupport.readArrow(out.resolve("chains.arrow"));
    assertEquals(8, chains.rows().size(), "one row per chain: the rerun duplicated nothing");

    Path allowed = tmp.resolve("allowed");
    SweepTestSupport.CommandResult r =
        sweep(engine, config, "--out", allowed.toString(), "--allow-failures");
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(1, failedChains(allowed).size());
  }

  /**
   * The work parts are the engines' common ground: chains that failed under one engine are rerun by
   * --resume under the other, and the output equals a clean run.
   */
  @Test
  void chainsThatFailedInProcessAreResumedOnSparkAndTheOtherWayRound() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path clean = cleanRun(config);
    String[][] orders = {{LOCAL, SPARK}, {SPARK, LOCAL}};
    for (String[] order : orders) {
      System.setProperty(FaultInjection.PROPERTY, "chain:0/1@4; chain:1/3@0");
      Path out = tmp.resolve("from-" + order[0]);
      assertEquals(1, sweep(order[0], config, "--out", out.toString()).exitCode());
      System.clearProperty(FaultInjection.PROPERTY);
      SweepTestSupport.CommandResult resumed =
          sweep(order[1], config, "--out", out.toString(), "--resume");
      assertEquals(0, resumed.exitCode(), resumed.stderr());
      assertTrue(
          resumed.stderr().contains("8 chains (2 run now), 8 ok, 0 failed"), resumed.stderr());
      SweepTestSupport.assertSameTables(clean, out);
    }
  }

  @Test
  void anExecutorExitFaultIsRefusedInProcess() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    System.setProperty(FaultInjection.PROPERTY, "executor-exit:1/2");
    Path out = tmp.resolve("refused");
    SweepTestSupport.CommandResult r =
        SweepTestSupport.sweep(config.toString(), "--engine", LOCAL, "--out", out.toString());
    assertEquals(2, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains("--engine local") && r.stderr().contains("executor-exit"));
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aFaultThatNamesNoChainIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    for (String[] c :
        List.of(
            new String[] {"chain:2/0@1", "cells 0..1"},
            new String[] {"chain:0/4@1", "replicates 0..3"},
            new String[] {"chain:0/0@7", "generations 0..6"},
            new String[] {"chain:0/0", "is not a fault"},
            new String[] {"executor-exit:x/1", "is not a fault"})) {
      System.setProperty(FaultInjection.PROPERTY, c[0]);
      Path out = tmp.resolve("refused");
      SweepTestSupport.CommandResult r =
          SweepTestSupport.sweep(config.toString(), "--out", out.toString());
      assertEquals(2, r.exitCode(), c[0] + ": " + r.stderr());
      assertTrue(r.stderr().contains("collapse.faults") && r.stderr().contains(c[1]), r.stderr());
      assertFalse(Files.exists(out), "nothing written for " + c[0]);
    }
    assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("chain:1/2@3:once"));
  }

  @Test
  void anExecutorThatDiesOnItsFirstAttemptIsRetriedWithIdenticalOutput() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, YAML);
    Path clean = cleanRun(config);

    System.setProperty(FaultInjection.PROPERTY, "executor-exit:1/2");
    Path out = tmp.resolve("retried");
    SweepTestSupport.CommandResult r;
    try {
      SparkSession spark =
          SweepTestSupport.session(
              "local-cluster[2,1,1024]", SweepTestSupport.localClusterConf(tmp));
      AtomicInteger executorsLost = new AtomicInteger();
      spark
          .sparkContext()
          .addSparkListener(
              new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                  if (end.reason() instanceof ExecutorLostFailure) {
                    executorsLost.incrementAndGet();
                  }
                }
              });
      try {
        r = SweepTestSupport.sweep(config.toString(), "--engine", SPARK, "--out", out.toString());
        // listener events are delivered asynchronously: wait for the bus to drain
        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertEquals(1, executorsLost.get(), "one task lost its executor, then was retried");
      } finally {
        spark.stop();
      }
    } finally {
      System.clearProperty("spark.testing");
      System.clearProperty("spark.test.home");
    }
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(List.of(), failedChains(out));
    SweepTestSupport.assertSameTables(clean, out);
  }
}
