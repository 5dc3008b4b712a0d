package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviours of the generation loop that no closed form covers, each checked exactly (bit for bit
 * or by recomputation from the recorded rows): no false-failure rate. Cells that differ only in
 * mechanism share their random streams (README, Random streams and determinism), which is what
 * makes most of these comparisons exact.
 */
class LoopBehaviourTest {

  private static final String WORLD =
      Arrays.asList(
              "categorical: {model_size: 6, samples: 30}",
              "markov: {model_size: 4, samples: 40, sequence_length: 10}",
              "gmm: {model_size: 2, samples: 60}",
              "linreg: {model_size: 3, samples: 12}",
              "gaussian: {model_size: 2, samples: 15}")
          .toString();

  private static String world(String family) {
    int at = WORLD.indexOf(family + ": {") + family.length() + 3;
    return WORLD.substring(at, WORLD.indexOf('}', at));
  }

  private static ChainRunner run(String family, String params, int generations, String extra) {
    return run(family, params, generations, extra, 4);
  }

  private static ChainRunner run(
      String family, String params, int generations, String extra, int replicates) {
    return ChainRunner.run(
        "name: b\nseed: 99\nreplicates: "
            + replicates
            + "\ngenerations: "
            + generations
            + "\nfamily: "
            + family
            + "\n"
            + extra
            + "params: {"
            + world(family)
            + (params.isEmpty() ? "" : ", " + params)
            + "}\noutput: {dir: unused}\n");
  }

  private static double[] metricsAt(ChainRunner run, int replicate, int t) {
    return run.rows(replicate).get(t).metrics();
  }

  /** alpha 1 with the fixed anchor: every generation refits D_0 itself, so nothing moves. */
  @ParameterizedTest
  @ValueSource(strings = {"categorical", "linreg", "gaussian", "markov"})
  void fixedAnchorRefitsGenerationZeroDataEveryGeneration(String family) {
    ChainRunner anchored = run(family, "alpha: 1.0, fixed_anchor: true", 5, "");
    ChainRunner fresh = run(family, "alpha: 1.0", 5, "");
    for (int r = 0; r < 4; r++) {
      for (int t = 1; t <= 5; t++) {
        assertArrayEquals(metricsAt(anchored, r, 0), metricsAt(anchored, r, t), family + " t=" + t);
      }
      assertFalse(
          Arrays.equals(metricsAt(fresh, r, 0), metricsAt(fresh, r, 5)),
          family + ": fresh exogenous draws must differ from D_0");
    }
  }

  /**
   * Cells that differ only in mechanism (mixing mode, decoding) draw the same exogenous data: with
   * alpha 1 every generation is the truth's draw of that generation, so the chains are identical.
   */
  @ParameterizedTest
  @ValueSource(strings = {"markov", "gmm", "linreg", "categorical"})
  void exogenousDrawsAreCommonRandomNumbersAcrossMechanisms(String family) {
    String decoding =
        switch (family) {
          case "markov", "categorical" -> ", temperature: 0.5, top_k: 2";
          case "gmm" -> ", sampling_bias: 0.5";
          default -> "";
        };
    ChainRunner count = run(family, "alpha: 1.0, mixing: count", 4, "");
    ChainRunner perSample = run(family, "alpha: 1.0, mixing: per-sample" + decoding, 4, "");
    for (int r = 0; r < 4; r++) {
      for (int t = 0; t <= 4; t++) {
        assertArrayEquals(metricsAt(count, r, t), metricsAt(perSample, r, t), family + " t=" + t);
      }
    }
  }

  /**
   * Decoding acts on sampling only, never on the metrics: generation 0 (fitted on D_0, before
   * anything is decoded) is identical whatever the temperature, top_k or top_p, while the decoded
   * chains then part.
   */
  @ParameterizedTest
  @ValueSource(strings = {"markov", "categorical"})
  void decodingNeverReachesTheMetrics(String family) {
    ChainRunner plain = run(family, "", 2, "");
    for (String decoding : List.of("temperature: 0.5", "top_k: 2", "top_p: 0.6")) {
      ChainRunner decoded = run(family, decoding, 2, "");
      boolean parted = false;
      for (int r = 0; r < 4; r++) {
        assertArrayEquals(metricsAt(plain, r, 0), metricsAt(decoded, r, 0), decoding);
        parted |= !Arrays.equals(metricsAt(plain, r, 2), metricsAt(decoded, r, 2));
      }
      assertTrue(parted, decoding + " changed no later generation");
    }
  }

  /** record_every k keeps generations 0, k, 2k, ... and the last, with unchanged values. */
  @Test
  void recordEveryKeepsEveryKthAndTheLastGeneration() {
    ChainRunner all = run("categorical", "", 10, "");
    ChainRunner some = run("categorical", "", 10, "record_every: 3\n");
    List<Integer> kept = some.rows(0).stream().map(GenerationRecord::generation).toList();
    assertEquals(List.of(0, 3, 6, 9, 10), kept);
    for (int r = 0; r < 4; r++) {
      for (GenerationRecord row : some.rows(r)) {
        assertArrayEquals(metricsAt(all, r, row.generation()), row.metrics());
      }
      assertEquals(
          all.chains().get(r).collapseGeneration(), some.chains().get(r).collapseGeneration());
    }
  }

  /**
   * Schedules through the loop: alpha_t is recorded as the schedule says, and a generation whose
   * alpha_t is 1 is the truth's draw of that generation, identical to the constant-1 cell's.
   */
  @Test
  void schedulesDriveTheLoopGenerationByGeneration() {
    ChainRunner one = run("categorical", "alpha: 1.0", 4, "");
    assertSchedule("{schedule: exponential, alpha0: 0.1, rate: 2}", 0.1, 0.2, 0.4, 0.8);
    assertSchedule("{schedule: power, alpha0: 0.25, exponent: -1}", 0.25, 0.5, 0.75, 1.0);
    ChainRunner step = assertSchedule("{schedule: step, alpha0: 1.0, until: 2}", 1, 1, 0, 0);
    ChainRunner list = assertSchedule("{schedule: list, values: [0.5, 0, 1, 0]}", 0.5, 0, 1, 0);
    for (int r = 0; r < 4; r++) {
      assertArrayEquals(metricsAt(one, r, 2), metricsAt(step, r, 2), "step, t = 2");
      assertArrayEquals(metricsAt(one, r, 3), metricsAt(list, r, 3), "list, t = 3");
      assertFalse(Arrays.equals(metricsAt(one, r, 3), metricsAt(step, r, 3)), "step, t = 3");
    }
  }

  private static ChainRunner assertSchedule(String schedule, double... expected) {
    ChainRunner run = run("categorical", "alpha: " + schedule, 4, "");
    for (int t = 1; t <= 4; t++) {
      assertEquals(expected[t - 1], run.rows(0).get(t).alphaT(), 1e-15, schedule + " t=" + t);
    }
    return run;
  }

  /**
   * collapse_generation is the first generation where the rule holds, recomputed from the recorded
   * metrics: the default rules (categorical entropy <= 0.1 H*, linreg test_error >= 10 sigma^2 d /
   * (T - d - 1)) and an `above` rule; some chains must collapse in mid-chain for this to test
   * anything.
   */
  @Test
  void collapseGenerationIsTheFirstGenerationWhereTheRuleHolds() {
    ChainRunner categorical = run("categorical", "", 40, "", 30);
    double entropyLimit = 0.1 * Math.log(6);
    assertFirstGeneration(categorical, "entropy", v -> v <= entropyLimit);

    ChainRunner linreg = run("linreg", "", 40, "", 30);
    double linregLimit = 10 * 1.0 * 3 / (12 - 3 - 1.0);
    assertFirstGeneration(linreg, "test_error", v -> v >= linregLimit);

    ChainRunner above = run("categorical", "", 40, "collapse: {metric: tv, above: 0.4}\n", 30);
    assertFirstGeneration(above, "tv", v -> v >= 0.4);
  }

  private static void assertFirstGeneration(
      ChainRunner run, String metric, java.util.function.DoublePredicate rule) {
    int midChain = 0;
    int generations = run.config().generations();
    for (ChainRecord chain : run.chains()) {
      int expected = -1;
      for (int t = 0; t <= generations && expected < 0; t++) {
        if (rule.test(run.metric(metric, t)[chain.replicate()])) {
          expected = t;
        }
      }
      assertEquals(
          expected, chain.collapseGeneration(), metric + " replicate " + chain.replicate());
      if (expected > 0) {
        midChain++;
      }
    }
    assertTrue(midChain > 0, metric + ": no chain collapsed in mid-chain");
  }
}
