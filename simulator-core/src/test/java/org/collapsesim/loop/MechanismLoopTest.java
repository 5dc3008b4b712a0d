package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mechanisms' exact facts, no statistics: neutral settings are the plain loop bit for bit, a
 * verifier that drops everything keeps the previous model, an impossible refill stops at max_draws
 * and is counted, and the real data a chain consumed is counted.
 */
class MechanismLoopTest {

  private static String config(String family, String sampling, String params) {
    return "name: m\nseed: 77\nreplicates: 6\ngenerations: 12\nfamily: "
        + family
        + "\nsampling: "
        + sampling
        + "\nparams: {model_size: "
        + (family.equals("gaussian") ? 2 : 15)
        + ", samples: 60, alpha: 0.1"
        + params
        + "}\n";
  }

  /** The family's metrics and n_train of every chain of a and b agree bit for bit. */
  static void assertSameChains(ChainRunner a, ChainRunner b) {
    for (int r = 0; r < a.config().replicates(); r++) {
      List<GenerationRecord> x = a.rows(r);
      List<GenerationRecord> y = b.rows(r);
      assertEquals(x.size(), y.size());
      for (int g = 0; g < x.size(); g++) {
        assertEquals(x.get(g).nTrain(), y.get(g).nTrain(), "n_train, replicate " + r);
        double[] plain = x.get(g).metrics();
        assertArrayEquals( // the family's metrics; the mechanism adds its diagnostics after them
            plain,
            java.util.Arrays.copyOf(y.get(g).metrics(), plain.length),
            0.0,
            "replicate " + r + ", generation " + g);
      }
    }
  }

  /** A reservoir of fraction 0 and a verifier that accepts everything change no number. */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "categorical|explicit|, reservoir: {fraction: 0.0}",
        "categorical|exact|, reservoir: {fraction: 0.0}",
        "categorical|explicit|, verifier: {false_accept: 1.0}",
        "categorical|exact|, verifier: {false_accept: 1.0}",
        "categorical|explicit|, verifier: {false_accept: 1.0, refill: true}",
        "gaussian|explicit|, reservoir: {fraction: 0.0}",
        "gaussian|exact|, reservoir: {fraction: 0.0}",
        "gaussian|explicit|, verifier: {false_accept: 1.0, refill: true}"
      })
  void neutralMechanismsAreThePlainLoop(String family, String sampling, String mechanism) {
    ChainRunner plain = ChainRunner.run(config(family, sampling, ""));
    ChainRunner with = ChainRunner.run(config(family, sampling, mechanism));
    assertSameChains(plain, with);
  }

  /**
   * Everything rejected, no exogenous data: n_train = 0 and the generation-0 model stays, on both
   * paths (the exact one thins the counts to nothing).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"explicit", "exact"})
  void aVerifierThatDropsEverythingKeepsThePreviousModel(String sampling) {
    ChainRunner run =
        ChainRunner.run(
            config("categorical", sampling, ", alpha: 0.0, verifier: {false_reject: 1.0}")
                .replace("alpha: 0.1, ", ""));
    for (int r = 0; r < 6; r++) {
      List<GenerationRecord> rows = run.rows(r);
      int metrics = run.cell().metricNames().indexOf("verifier_accept_rate");
      for (int g = 1; g < rows.size(); g++) {
        assertEquals(0, rows.get(g).nTrain());
        assertArrayEquals(
            java.util.Arrays.copyOf(rows.get(0).metrics(), metrics),
            java.util.Arrays.copyOf(rows.get(g).metrics(), metrics),
            0.0);
        assertEquals(0.0, rows.get(g).metrics()[metrics], "verifier_accept_rate");
      }
    }
  }

  /**
   * FNR = 1 with refill: no candidate is ever accepted; each generation stops after max_draws
   * candidates, trains on its exogenous part alone, and is counted as short.
   */
  @Test
  void anImpossibleRefillStopsAtMaxDrawsAndIsCounted() {
    ChainRunner run =
        ChainRunner.run(
            config(
                "categorical",
                "explicit",
                ", verifier: {false_reject: 1.0, refill: true, max_draws: 5000}"));
    for (int r = 0; r < 6; r++) {
      assertEquals(12, run.chains().get(r).verifierShortGenerations());
      int exhausted = run.cell().metricNames().indexOf("verifier_exhausted");
      for (GenerationRecord row : run.rows(r).subList(1, 13)) {
        assertEquals(6, row.nTrain(), "the 6 exogenous samples of 60");
        assertEquals(1.0, row.metrics()[exhausted], "verifier_exhausted");
      }
    }
  }

  /**
   * The categorical verifier without refill keeps the exact path under auto (binomial thinning);
   * with refill, or in a family that cannot thin statistics, auto takes the explicit path.
   */
  @Test
  void autoKeepsTheExactPathForTheCategoricalVerifierWithoutRefill() {
    assertEquals(
        true,
        ChainRunner.run(config("categorical", "auto", ", verifier: {false_reject: 0.3}"))
            .cell()
            .settings()
            .exactPath(true, true));
    assertEquals(
        false,
        ChainRunner.run(
                config("categorical", "auto", ", verifier: {false_reject: 0.3, refill: true}"))
            .cell()
            .settings()
            .exactPath(true, true));
    assertEquals(
        false,
        ChainRunner.run(config("gaussian", "auto", ", verifier: {false_reject: 0.3}"))
            .cell()
            .settings()
            .exactPath(true, false));
  }

  @Test
  void realSamplesCountTheExogenousDataConsumed() {
    ChainRecord fresh = ChainRunner.run(config("categorical", "auto", "")).chains().get(0);
    assertEquals(60 + 12 * 6, fresh.realSamples());
    ChainRecord fixed =
        ChainRunner.run(config("categorical", "auto", ", fixed_anchor: true")).chains().get(0);
    assertEquals(60, fixed.realSamples(), "the fixed anchor reuses D_0");
    ChainRecord perSample =
        ChainRunner.run(config("categorical", "explicit", ", mixing: per-sample")).chains().get(0);
    assertEquals(true, perSample.realSamples() > 60 && perSample.realSamples() < 60 + 12 * 60);
  }
}
