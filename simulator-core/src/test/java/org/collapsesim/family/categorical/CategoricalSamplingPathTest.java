package org.collapsesim.family.categorical;

import org.collapsesim.random.SamplingPathFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The categorical exact path (Multinomial counts by conditional binomials or by alias draws and
 * counting, chosen by M against the live categories) against the explicit path: two-sample
 * Kolmogorov-Smirnov per metric after several generations, each at alpha = 1e-4 (15 comparisons:
 * about 1.5e-3 for the class). Seeds fixed, not chosen.
 */
class CategoricalSamplingPathTest {

  private static final String HEAD =
      "name: paths\nseed: 4242\nreplicates: 1\ngenerations: 1\nfamily: categorical\n";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // M large against V: conditional binomials every generation
        "params: {model_size: 10, samples: 200}",
        // M small against V: alias draws and counting, the live set shrinking
        "params: {model_size: 400, samples: 150}",
        // count mixing with exogenous data, temperature decoding, add-k
        "params: {model_size: 50, samples: 300, alpha: 0.2, temperature: 0.7, estimator: add-k}",
        // per-sample mixing (binomial split of M), top-p, accumulate
        "params: {model_size: 30, samples: 60, alpha: 0.1, mixing: per-sample, top_p: 0.8, regime: accumulate}"
      })
  void explicitAndExactPathsAgree(String params) {
    SamplingPathFixture.assertPathsAgree(
        HEAD + params + "\n", 3000, 8, "gini_simpson", "entropy", "kl_true_model");
  }

  /**
   * A generation over several category groups (the exact path draws group totals, then each group
   * from its own substream) and several sample blocks (the explicit path), M large enough that each
   * group starts with binomials and ends with alias draws. 3 comparisons at 1e-4 (fewer replicates:
   * each chain draws 2 x 300k samples).
   */
  @org.junit.jupiter.api.Test
  void groupedExactPathAgreesWithBlockedExplicitPath() {
    SamplingPathFixture.assertPathsAgree(
        HEAD + "params: {model_size: 70000, samples: 300000}\n",
        300,
        1,
        "gini_simpson",
        "entropy",
        "kl_true_model");
  }
}
