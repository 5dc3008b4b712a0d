package org.collapsesim.family.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.loop.ChainRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Gaussian fitted on a training set whose points span fewer than d dimensions is singular: its
 * log-determinant and entropy are -Infinity and KL(P* || P_t) is +Infinity (README, Families and
 * metrics), on every chain and both sampling paths, whatever round-off lets a Cholesky
 * factorization compute. Two ways in: n_train = M <= d (replace), and accumulate from a singular
 * D_0, where n_train grows past d but every new sample stays in D_0's affine span (decided by the
 * eigenvalue threshold). The control (M > d) must stay finite. Deterministic assertions: no
 * false-failure rate.
 */
class GaussianSingularityTest {

  @ParameterizedTest(name = "{0} {1} M={2}")
  @CsvSource({
    "replace, exact, 3",
    "replace, explicit, 3",
    "accumulate, exact, 3",
    "accumulate, explicit, 3",
    "replace, exact, 20",
    "replace, explicit, 20"
  })
  void singularFitsGetInfiniteMetrics(String regime, String sampling, int samples) {
    int d = 4;
    int generations = 8;
    ChainRunner runner =
        ChainRunner.run(
            String.join(
                "\n",
                "name: singular",
                "seed: 4242",
                "replicates: 300",
                "generations: " + generations,
                "family: gaussian",
                "sampling: " + sampling,
                "params: {model_size: " + d + ", samples: " + samples + ", regime: " + regime + "}",
                "output: {dir: unused}",
                ""));
    boolean singular = samples <= d;
    for (int t = 0; t <= generations; t++) {
      double[] logdet = runner.metric("logdet_ratio", t);
      double[] entropy = runner.metric("entropy", t);
      double[] kl = runner.metric("kl_true_model", t);
      double[] varRatio = runner.metric("var_ratio", t);
      for (int r = 0; r < logdet.length; r++) {
        String where = "replicate " + r + " generation " + t;
        assertTrue(Double.isFinite(varRatio[r]), where);
        if (singular) {
          assertEquals(Double.NEGATIVE_INFINITY, logdet[r], where);
          assertEquals(Double.NEGATIVE_INFINITY, entropy[r], where);
          assertEquals(Double.POSITIVE_INFINITY, kl[r], where);
        } else {
          assertTrue(Double.isFinite(logdet[r]) && Double.isFinite(entropy[r]), where);
          assertTrue(Double.isFinite(kl[r]), where);
        }
      }
    }
  }

  /**
   * The unbiased estimator on one sample (a verifier rejecting all but one of M = 2, which happens
   * in about half the generations here) is the point model at it, as mle gives: var_ratio 0 and the
   * singular metrics, never NaN. Deterministic assertions: no false-failure rate.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"unbiased", "mle"})
  void oneTrainingSampleGivesThePointModel(String estimator) {
    int generations = 12;
    ChainRunner runner =
        ChainRunner.run(
            String.join(
                "\n",
                "name: one-sample",
                "seed: 7",
                "replicates: 40",
                "generations: " + generations,
                "family: gaussian",
                "params: {model_size: 1, samples: 2, estimator: " + estimator + ",",
                "  verifier: {false_accept: 0.0, false_reject: 0.5}}",
                "output: {dir: unused}",
                ""));
    int pointModels = 0;
    for (int t = 1; t <= generations; t++) {
      double[] varRatio = runner.metric("var_ratio", t);
      double[] kl = runner.metric("kl_true_model", t);
      for (int r = 0; r < varRatio.length; r++) {
        String where = "replicate " + r + " generation " + t;
        assertTrue(!Double.isNaN(varRatio[r]) && !Double.isNaN(kl[r]), where);
        if (varRatio[r] == 0.0) {
          pointModels++;
          assertEquals(Double.POSITIVE_INFINITY, kl[r], where);
        }
      }
    }
    assertTrue(pointModels > 0, "no generation trained on a single sample");
  }
}
