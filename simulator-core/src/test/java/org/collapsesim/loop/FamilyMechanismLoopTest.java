package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mechanisms of the markov, gmm, linreg and sequence families, exact facts without statistics:
 * a reservoir of fraction 0 and a verifier that accepts everything (with and without refill) give
 * the plain loop bit for bit, a verifier that drops everything keeps the previous model, and real
 * weighting at w = n_exo / M is the pooled fit in law (same sizes, same data).
 */
class FamilyMechanismLoopTest {

  /** A small cell of {@code family}, 4 replicates of 8 generations, with extra params. */
  static String config(String family, String params) {
    String base =
        switch (family) {
          case "markov" -> "model_size: 6, sequence_length: 10";
          case "gmm" -> "model_size: 2, dimension: 1, mc_samples: 50";
          case "linreg" -> "model_size: 3";
          case "sequence" -> "model_size: 12, truth.program: periodic, truth.block: '011'";
          default -> throw new IllegalArgumentException(family);
        };
    return "name: m\nseed: 91\nreplicates: 4\ngenerations: 8\nfamily: "
        + family
        + "\nparams: {"
        + base
        + ", samples: 60, alpha: 0.1"
        + params
        + "}\n";
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "markov|, reservoir: {fraction: 0.0}",
        "markov|, verifier: {false_accept: 1.0}",
        "markov|, verifier: {false_accept: 1.0, refill: true}",
        "gmm|, reservoir: {fraction: 0.0}",
        "gmm|, verifier: {false_accept: 1.0, refill: true}",
        "linreg|, reservoir: {fraction: 0.0}",
        "linreg|, verifier: {false_accept: 1.0}",
        "linreg|, verifier: {false_accept: 1.0, refill: true}",
        "sequence|, reservoir: {fraction: 0.0}",
        "sequence|, verifier: {false_accept: 1.0, refill: true}"
      })
  void neutralMechanismsAreThePlainLoop(String family, String mechanism) {
    MechanismLoopTest.assertSameChains(
        ChainRunner.run(config(family, "")), ChainRunner.run(config(family, mechanism)));
  }

  /**
   * No exogenous data and FNR = 1: every generation trains on nothing, records n_train = 0 and
   * keeps the generation-0 model (gmm's Monte Carlo KL draws a fresh METRIC stream each generation,
   * so only its closed-form metrics are compared).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"markov", "gmm", "linreg", "sequence"})
  void aVerifierThatDropsEverythingKeepsThePreviousModel(String family) {
    ChainRunner run =
        ChainRunner.run(
            config(family, ", verifier: {false_reject: 1.0}").replace("alpha: 0.1", "alpha: 0.0"));
    List<String> names = run.cell().metricNames();
    int compared =
        family.equals("gmm")
            ? names.indexOf("kl_true_model")
            : names.indexOf("verifier_accept_rate");
    for (int r = 0; r < 4; r++) {
      List<GenerationRecord> rows = run.rows(r);
      for (int g = 1; g < rows.size(); g++) {
        assertEquals(0, rows.get(g).nTrain());
        assertArrayEquals(
            java.util.Arrays.copyOf(rows.get(0).metrics(), compared),
            java.util.Arrays.copyOf(rows.get(g).metrics(), compared),
            0.0,
            family + " replicate " + r + " generation " + g);
        assertEquals(0.0, rows.get(g).metrics()[names.indexOf("verifier_accept_rate")]);
      }
    }
  }

  /**
   * linreg refills a rejected row by relabelling the same row: with refill every generation trains
   * on all T rows, and a verifier that rejects half the candidates tries about twice as many.
   */
  @ParameterizedTest(name = "refill {0}")
  @ValueSource(booleans = {false, true})
  void linregRefillRelabelsTheRejectedRows(boolean refill) {
    ChainRunner run =
        ChainRunner.run(
            config(
                "linreg",
                ", verifier: {false_reject: 0.5, false_accept: 0.5, refill: " + refill + "}"));
    int rate = run.cell().metricNames().indexOf("verifier_accept_rate");
    for (int r = 0; r < 4; r++) {
      for (GenerationRecord row : run.rows(r).subList(1, 9)) {
        if (refill) {
          assertEquals(60, row.nTrain(), "every row labelled");
        } else {
          assertTrue(row.nTrain() < 60, "rejected rows leave n_train short");
        }
        double accepted = row.metrics()[rate];
        assertTrue(accepted > 0.2 && accepted < 0.8, "accept rate " + accepted);
      }
    }
  }
}
