package org.collapsesim.family.gaussian;

import org.collapsesim.random.SamplingPathFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Gaussian exact path (sample mean N(mu, Sigma / M), scatter Wishart(M - 1, Sigma), pooled
 * across exogenous and synthetic parts) against the explicit path: two-sample Kolmogorov-Smirnov
 * per metric after several generations, each at alpha = 1e-4 (10 comparisons: about 1e-3 for the
 * class). Seeds fixed, not chosen.
 */
class GaussianSamplingPathTest {

  private static final String HEAD =
      "name: paths\nseed: 8675309\nreplicates: 1\ngenerations: 1\nfamily: gaussian\n";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // d = 1, mle, replace: chi-square scatter
        "params: {model_size: 1, samples: 20}",
        // d = 1 unbiased with exogenous per-sample mixing, accumulated: pooled statistics, binomial
        // split
        "params: {model_size: 1, samples: 15, alpha: 0.3, mixing: per-sample, regime: accumulate, estimator: unbiased}",
        // d = 3, Bartlett (M - 1 >= d), sampling bias, window
        "params: {model_size: 3, samples: 12, sampling_bias: 0.8, regime: window, window: 2, alpha: 0.2}",
        // d = 4 with M - 1 < d: a singular Wishart from outer products
        "params: {model_size: 4, samples: 3}"
      })
  void explicitAndExactPathsAgree(String params) {
    int generations = params.contains("samples: 3}") ? 1 : 6;
    String[] metrics =
        params.contains("samples: 3}")
            ? new String[] {"var_ratio", "mean_sq_err"}
            : new String[] {"var_ratio", "mean_sq_err", "logdet_ratio"};
    SamplingPathFixture.assertPathsAgree(HEAD + params + "\n", 3000, generations, metrics);
  }
}
