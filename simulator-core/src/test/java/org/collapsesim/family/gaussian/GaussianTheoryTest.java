package org.collapsesim.family.gaussian;

import static org.collapsesim.loop.TheoryAssert.assertMeanNear;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.loop.ChainRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Gaussian family against shared/THEORY.md. Each assertion compares a mean over R replicates
 * with the closed form within 4 standard errors measured from the replicates: a false failure has
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
    // THEORY.md: M = 100, n = 10 fits (generation 9): E[var] = 0.90438, E[(mu - mu0)^2] = 0.09562
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
}
