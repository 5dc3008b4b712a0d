package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.sweep.FaultInjection;
import org.collapsesim.sweep.LocalSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which engine {@code collapse sweep --engine} runs ({@link EngineChoice}), and the refusals that
 * name the flag, the value and what is allowed, before anything is written.
 */
class EngineChoiceTest {

  @TempDir Path dir;

  private static final String SMALL =
      "name: e\nseed: 1\nreplicates: 4\ngenerations: 5\nfamily: gaussian\n"
          + "params: {model_size: 1, samples: 100}\n";

  private static SweepConfig config(String yaml, String... sets) throws Exception {
    return ConfigLoader.parse(Families.catalogue(), yaml, null, List.of(sets));
  }

  private static String auto(SweepConfig config) throws Exception {
    return EngineChoice.choose("auto", null, null, false, Set.of(), FaultInjection.NONE, config);
  }

  @Test
  void autoRunsASmallSweepInProcessAndEverythingElseOnSpark() throws Exception {
    SweepConfig small = config(SMALL);
    assertEquals("local", auto(small));
    FaultInjection none = FaultInjection.NONE;
    assertEquals(
        "spark", EngineChoice.choose("auto", "local[2]", null, false, Set.of(), none, small));
    assertEquals(
        "spark", EngineChoice.choose("auto", null, "spark://h:7077", false, Set.of(), none, small));
    assertEquals("spark", EngineChoice.choose("auto", null, null, true, Set.of(), none, small));
    assertEquals(
        "spark",
        EngineChoice.choose(
            "auto", null, null, false, Set.of("spark.executor.memory"), none, small));
    assertEquals(
        "local",
        EngineChoice.choose(
            "auto", null, null, false, Set.of("spark.hadoop.fs.defaultFS"), none, small));
    assertEquals(
        "spark",
        EngineChoice.choose(
            "auto", null, null, false, Set.of(), FaultInjection.parse("executor-exit:0/0"), small));
    assertEquals(
        "local",
        EngineChoice.choose(
            "auto", null, null, false, Set.of(), FaultInjection.parse("chain:0/0@1"), small));
  }

  /** The two thresholds, each crossed on its own. */
  @Test
  void autoTakesSparkAboveTheCoreSecondsOrTheRowsOfACell() throws Exception {
    // 1e6 samples x 5000 generations x 10 replicates at ~10 ns a sample: ~500 core-seconds
    SweepConfig costly =
        config(SMALL, "replicates=10", "generations=5000", "params.samples=1000000");
    assertTrue(EngineChoice.coreSeconds(costly) > EngineChoice.LOCAL_CORE_SECONDS);
    assertTrue(LocalSweep.heldRows(costly) <= EngineChoice.LOCAL_CELL_ROWS);
    assertEquals("spark", auto(costly));
    // cheap chains, many recorded rows: 1000 replicates x 1001 generations
    SweepConfig tall = config(SMALL, "replicates=1000", "generations=1000", "params.samples=2");
    assertTrue(EngineChoice.coreSeconds(tall) <= EngineChoice.LOCAL_CORE_SECONDS);
    assertTrue(LocalSweep.heldRows(tall) > EngineChoice.LOCAL_CELL_ROWS);
    assertEquals("spark", auto(tall));
    assertEquals("local", auto(config(SMALL, "replicates=1000", "generations=100")));
  }

  @Test
  void explicitEnginesAreKeptOrRefusedWithTheReason() throws Exception {
    SweepConfig small = config(SMALL);
    FaultInjection none = FaultInjection.NONE;
    assertEquals("spark", EngineChoice.choose("spark", null, null, false, Set.of(), none, small));
    assertEquals("local", EngineChoice.choose("local", null, null, true, Set.of(), none, small));
    String[][] refused = {
      {"local", "local[2]", "", "--master local[2]"},
      {"local", null, "spark.executor.memory", "--conf spark.executor.memory"},
      {"fast", null, "", "--engine: \"fast\" is not an engine (allowed: auto, local or spark)"},
      {"Local", null, "", "allowed: auto, local or spark"}
    };
    for (String[] r : refused) {
      Set<String> conf = r[2].isEmpty() ? Set.of() : Set.of(r[2]);
      EngineChoice.Refusal e =
          assertThrows(
              EngineChoice.Refusal.class,
              () -> EngineChoice.choose(r[0], r[1], null, false, conf, none, small));
      assertTrue(e.getMessage().contains(r[3]), e.getMessage());
    }
    EngineChoice.Refusal exit =
        assertThrows(
            EngineChoice.Refusal.class,
            () ->
                EngineChoice.choose(
                    "local",
                    null,
                    null,
                    false,
                    Set.of(),
                    FaultInjection.parse("executor-exit:0/1"),
                    small));
    assertTrue(exit.getMessage().contains("executor-exit"), exit.getMessage());
  }

  /** Through the command line: exit 2, the message on stderr, no output directory. */
  @Test
  void badEngineFlagsExitTwoBeforeAnythingIsWritten() throws Exception {
    Path file = dir.resolve("e.yaml");
    Files.writeString(file, SMALL);
    Path out = dir.resolve("out");
    String[][] cases = {
      {"--engine", "fast", "allowed: auto, local or spark"},
      {"--threads", "0", "--threads 0 must be at least 1"},
      {"--threads", "2", "--engine spark", "sets the in-process engine's threads"},
    };
    for (String[] c : cases) {
      List<String> args =
          new java.util.ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString()));
      args.add(c[0]);
      args.add(c[1]);
      String expected = c[c.length - 1];
      if (c.length == 4) {
        args.addAll(List.of(c[2].split(" ")));
      }
      CliRun r = CliRun.execute(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains(expected), r.err());
      assertFalse(Files.exists(out), "nothing written for " + args);
    }
  }
}
