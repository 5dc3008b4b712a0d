package org.collapsesim.family.gaussian;

import static org.collapsesim.loop.TheoryAssert.assertMeanNear;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.Mixing;
import org.collapsesim.loop.PartWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Gaussian family against docs/theory.md. Each assertion compares a mean over R replicates with
 * the closed form within 4 standard errors measured from the replicates: a false failure has
 * probability about 6e-5 per comparison, under 2e-3 for the whole class. Seeds are fixed and were
 * not chosen. The laws hold on both sampling paths: auto (the exact sufficient-statistic draws) and
 * explicit (raw samples), so each main case runs on both.
 */
class GaussianTheoryTest {

  private static String config(int replicates, int generations, String params) {
    return "name: gaussian-theory\nseed: 20261126\nreplicates: "
        + replicates
        + "\ngenerations: "
        + generations
        + "\nfamily: gaussian\nparams:\n  model_size: 1\n  samples: 100\n"
        + params;
  }

  @Test
  void closedFormReproducesTheoryExamples() {
    ChainRunner run = ChainRunner.run(config(1, 9, ""));
    // docs/theory.md: M = 100, n = 10 fits (generation 9): E[var] = 0.90438, E[(mu - mu0)^2] =
    // 0.09562
    assertEquals(0.90438, run.theory("var_ratio", 9), 5e-6);
    assertEquals(0.09562, run.theory("mean_sq_err", 9), 5e-6);
  }

  @ParameterizedTest(name = "sampling {0}")
  @ValueSource(strings = {"auto", "explicit"})
  void mleVarianceDecaysAndTheSumIsConserved(String sampling) {
    ChainRunner run = ChainRunner.run(config(400, 30, "") + "sampling: " + sampling + "\n");
    for (int t : new int[] {0, 9, 30}) {
      double[] var = run.metric("var_ratio", t);
      double[] msq = run.metric("mean_sq_err", t);
      assertMeanNear("E[var] at generation " + t, 0.99 * Math.pow(0.99, t), var, 4);
      assertMeanNear("E[(mu - mu0)^2] at generation " + t, 1 - Math.pow(0.99, t + 1), msq, 4);
      double[] sum = new double[var.length];
      for (int r = 0; r < sum.length; r++) {
        sum[r] = var[r] + msq[r];
      }
      assertMeanNear("conservation E[var] + E[(mu - mu0)^2] at generation " + t, 1.0, sum, 4);
    }
  }

  @Test
  void unbiasedMeanIsALinearRandomWalk() {
    ChainRunner run = ChainRunner.run(config(400, 40, "  estimator: unbiased\n"));
    for (int t : new int[] {0, 10, 40}) {
      assertMeanNear(
          "E[(mu - mu0)^2] = n/M at generation " + t,
          (t + 1) / 100.0,
          run.metric("mean_sq_err", t),
          4);
      assertMeanNear(
          "E[var] = sigma0^2 (martingale) at generation " + t, 1.0, run.metric("var_ratio", t), 4);
      assertEquals((t + 1) / 100.0, run.theory("mean_sq_err", t), 1e-12);
    }
  }

  @ParameterizedTest(
      name = "alpha {0}, mixing {1}, sampling_bias {2}, estimator {3}, d = {4}, sampling {5}")
  @CsvSource({
    "0.2, count, 1.0, mle, 1, auto",
    "0.2, per-sample, 1.0, mle, 1, auto",
    "0.1, count, 0.9, unbiased, 1, auto",
    "0.3, per-sample, 1.1, mle, 3, auto",
    "0.2, per-sample, 1.0, mle, 1, explicit",
    "0.3, count, 1.1, mle, 3, explicit",
  })
  void exogenousDataMatchTheMomentRecursion(
      double alpha, String mixing, double bias, String estimator, int d, String sampling) {
    ChainRunner run =
        ChainRunner.run(
            "name: g\nseed: 7\nreplicates: 300\ngenerations: 25\nfamily: gaussian\nparams:\n"
                + "  model_size: "
                + d
                + "\n  samples: 20\n  alpha: "
                + alpha
                + "\n  mixing: "
                + mixing
                + "\n  sampling_bias: "
                + bias
                + "\n  estimator: "
                + estimator
                + "\nsampling: "
                + sampling
                + "\n");
    for (int t : new int[] {1, 5, 25}) {
      assertMeanNear(
          "var_ratio at generation " + t,
          run.theory("var_ratio", t),
          run.metric("var_ratio", t),
          4);
      assertMeanNear(
          "mean_sq_err at generation " + t,
          run.theory("mean_sq_err", t),
          run.metric("mean_sq_err", t),
          4);
    }
  }

  @Test
  void samplingBiasMultipliesEachSyntheticFitByLambdaTimesOneMinusOneOverM() {
    ChainRunner run = ChainRunner.run(config(1, 5, "  sampling_bias: 0.5\n"));
    double expected = 0.99;
    for (int t = 0; t <= 5; t++) {
      assertEquals(expected, run.theory("var_ratio", t), 1e-12);
      expected *= 0.5 * 0.99;
    }
  }

  /** Weighting the real part by its share n_exo / M is the pooled fit, number for number. */
  @Test
  void realWeightAtTheShareIsThePooledFit() {
    double[][] pooled =
        GaussianTheory.moments(
            3.0,
            GaussianTheory.Reservoir.NONE,
            1.0,
            false,
            40,
            25,
            t -> PartWeights.of(40, Mixing.COUNT, new double[] {0.25, 0.0}, null));
    double[][] weighted =
        GaussianTheory.moments(
            3.0,
            GaussianTheory.Reservoir.NONE,
            1.0,
            false,
            40,
            25,
            t -> PartWeights.of(40, Mixing.COUNT, new double[] {0.25, 0.0}, 0.25));
    assertArrayEquals(pooled[0], weighted[0], 1e-14);
    assertArrayEquals(pooled[1], weighted[1], 1e-14);
  }

  /**
   * The extremes: w = 1 fits the n real samples alone (E||mu - mu*||^2 = T* / n, E[var] = (1 - 1/n)
   * T*); w = 0 ignores them, so the synthetic part drifts as a closed loop on M - n samples.
   */
  @Test
  void realWeightExtremes() {
    int m = 40;
    int n = 10;
    double[][] real =
        GaussianTheory.moments(
            2.0,
            GaussianTheory.Reservoir.NONE,
            1.0,
            false,
            m,
            5,
            t -> PartWeights.of(m, Mixing.COUNT, new double[] {0.25, 0.0}, 1.0));
    assertEquals(2.0 / n, real[1][5], 1e-15);
    assertEquals(1 - 1.0 / n, real[0][5], 1e-15);
    double[][] synthetic =
        GaussianTheory.moments(
            2.0,
            GaussianTheory.Reservoir.NONE,
            1.0,
            false,
            m,
            5,
            t -> PartWeights.of(m, Mixing.COUNT, new double[] {0.25, 0.0}, 0.0));
    double v = 1 - 1.0 / m;
    double ms = 2.0 / m;
    for (int t = 1; t <= 5; t++) {
      ms += 2.0 * v / (m - n);
      v *= 1 - 1.0 / (m - n);
    }
    assertEquals(v, synthetic[0][5], 1e-14);
    assertEquals(ms, synthetic[1][5], 1e-14);
  }

  /** A reservoir alone: the mean's bias tends to delta, the variance to the reservoir's. */
  @Test
  void aReservoirAloneIsTheNewTruth() {
    double[][] all =
        GaussianTheory.moments(
            1.0,
            new GaussianTheory.Reservoir(9.0, 4.0),
            1.0,
            false,
            50,
            3,
            t -> PartWeights.of(50, Mixing.COUNT, new double[] {0.0, 1.0}, null));
    // every sample from N(mu_r, 9 I) in d = 1: E||mu - mu*||^2 = D + 9/M, E[var] = 9 (1 - 1/M)
    assertEquals(4.0 + 9.0 / 50, all[1][3], 1e-13);
    assertEquals(9.0 * (1 - 1.0 / 50), all[0][3], 1e-13);
  }

  /**
   * Real-data weighting and the reservoir against simulation (docs/theory.md): var_ratio and
   * mean_sq_err within 4 SE at 3 generations (6 comparisons per case, about 4e-4).
   */
  @ParameterizedTest(name = "{0}, sampling {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alpha: 0.1, real_weight: 0.5|explicit",
        "alpha: 0.1, real_weight: 0.5|exact",
        "alpha: 0.2, real_weight: 0.8|exact",
        "alpha: 0.1, real_weight: 0.3, reservoir: {fraction: 0.1, mean: 1.0, scale: 2.0}|exact",
        "alpha: 0.0, reservoir: {fraction: 0.2, mean: 0.5}|explicit",
        "alpha: 0.05, mixing: per-sample, reservoir: {fraction: 0.1}|exact"
      })
  void weightingAndTheReservoirMatchTheirRecursion(String mechanism, String sampling) {
    ChainRunner run =
        ChainRunner.run(
            "name: g\nseed: 31\nreplicates: 400\ngenerations: 30\nfamily: gaussian\n"
                + "sampling: "
                + sampling
                + "\nparams: {model_size: 2, samples: 40, "
                + mechanism
                + "}\n");
    run.assertTheory("var_ratio", 1, 10, 30);
    run.assertTheory("mean_sq_err", 1, 10, 30);
  }
}
