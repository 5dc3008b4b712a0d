package org.collapsesim.family.sequence;

import static org.collapsesim.loop.TheoryAssert.assertMeanNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.ChainRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sequence family in the generation loop: the closed-loop Gini-Simpson law, its generalisation
 * with exogenous data, and config errors. Theory comparisons allow 4 standard errors measured from
 * the replicates (about 6e-5 false-failure probability each, 15 comparisons: under 1e-3 for the
 * class). Seeds fixed, not chosen.
 */
class SequenceFamilyTest {

  private static final String HEADER =
      "name: s\nseed: 20261204\nreplicates: 300\nfamily: sequence\n";

  @Test
  void closedLoopGiniSimpsonIsWrightFisherDriftAtEveryPosition() {
    ChainRunner run =
        ChainRunner.run(
            HEADER
                + "generations: 100\n"
                + "truth: {program: periodic, block: '0010111', noise: 0.1}\n"
                + "params: {model_size: 32, samples: 100}\n");
    // G* (1 - 1/M)^(t+1) worked by hand: binary, r = 0.1, M = 100: 0.10781 at t = 50, 0.06523 at
    // 100
    assertEquals(0.10781, run.theory("gini_simpson", 50), 5e-6);
    assertEquals(0.06523, run.theory("gini_simpson", 100), 5e-6);
    assertTheoryHolds(run, 0, 10, 50, 100);
  }

  @Test
  void exogenousDataHoldsTheMarkovTruthsDiversity() {
    ChainRunner run =
        ChainRunner.run(
            HEADER
                + "generations: 40\n"
                + "truth: {program: markov, stay: 0.8}\n"
                + "params: {model_size: 12, samples: 50, alphabet: 3, alpha: 0.2,"
                + " mixing: per-sample}\n");
    // G* = 1 - 1/3 at every position (the stationary law is uniform); per-sample mixing
    assertTrue(run.theory("gini_simpson", 40) > 0.5, "held up by the exogenous fifth");
    assertTheoryHolds(run, 5, 40);
  }

  /**
   * The reservoir (uniform strings) and real-data weighting: each position follows the categorical
   * recursion with the alphabet's uniform law in the reservoir's place, so the mean over positions
   * does too. The truth's positions are far from uniform (S* about 0.82 against 0.5), so a
   * reservoir moves the index well away from the closed loop's.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "reservoir: {fraction: 0.2}",
        "reservoir: {fraction: 0.2}, mixing: per-sample",
        "alpha: 0.1, real_weight: 0.6"
      })
  void theReservoirAndWeightingFollowTheCategoricalRecursionAtEveryPosition(String mechanism) {
    ChainRunner run =
        ChainRunner.run(
            HEADER
                + "generations: 40\n"
                + "truth: {program: periodic, block: '0010111', noise: 0.1}\n"
                + "params: {model_size: 16, samples: 40, "
                + mechanism
                + "}\n");
    if (mechanism.startsWith("reservoir")) {
      assertTrue(
          run.theory("gini_simpson", 40) > run.theory("gini_simpson", 0) + 0.1,
          "the reservoir raises the index above the truth's");
    }
    assertTheoryHolds(run, 1, 10, 40);
  }

  private static void assertTheoryHolds(ChainRunner run, int... generations) {
    for (int t : generations) {
      assertMeanNear(
          "E[gini_simpson] at generation " + t,
          run.theory("gini_simpson", t),
          run.metric("gini_simpson", t),
          4);
    }
  }

  @Test
  void badTruthsAreRejectedWithTheirKeys() {
    String base = "name: s\nseed: 1\nreplicates: 1\ngenerations: 1\nfamily: sequence\n";
    ConfigException block =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    Families.catalogue(),
                    base + "truth: {block: '0120'}\nparams: {model_size: 8}\n",
                    null,
                    List.of()));
    assertTrue(
        block
            .getMessage()
            .contains("truth.block: \"0120\" has symbol '2', not in the alphabet 0..1"),
        block.getMessage());
    ConfigException unquoted =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    Families.catalogue(),
                    base + "truth: {block: 0010111}\nparams: {model_size: 8}\n",
                    null,
                    List.of()));
    assertTrue(unquoted.getMessage().contains("quote the block"), unquoted.getMessage());
    ConfigException thueMorse =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    Families.catalogue(),
                    base + "truth: {program: thue-morse}\nparams: {model_size: 8, alphabet: 3}\n",
                    null,
                    List.of()));
    assertTrue(thueMorse.getMessage().contains("thue-morse is binary"), thueMorse.getMessage());
    ConfigException alphabet =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    Families.catalogue(),
                    base + "params: {model_size: 8, alphabet: 37}\n",
                    null,
                    List.of()));
    assertTrue(
        alphabet.getMessage().contains("37 is not an integer in 2..36"), alphabet.getMessage());
  }
}
