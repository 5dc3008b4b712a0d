package org.collapsesim.family.linreg;

import java.util.Set;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Regime;

/**
 * Closed forms of docs/theory.md for linear regression refitted on its own labels: with T rows of
 * an isotropic Gaussian design, d features, label noise sigma^2 and OLS, each refit adds the
 * independent error (X^T X)^-1 X^T e to w, and E tr((X^T X)^-1) = d / (T - d - 1) (inverse
 * Wishart), so after n fits E||w_n - w*||^2 = n sigma^2 d / (T - d - 1); since E[w_n] = w*,
 * E||w_n||^2 = ||w*||^2 + that.
 *
 * <p>Under {@code accumulate} every generation adds T rows of the same design, so the pooled fit
 * averages the previous fits: w_n - w* = delta_1 + delta_2 / 2 + ... + delta_n / n with independent
 * per-fit errors delta_j, and E||w_n - w*||^2 = sigma^2 d / (T - d - 1) * sum_{j=1..n} 1/j^2,
 * bounded by pi^2/6 times the first fit's error (Gerstgrasser et al. 2024, Theorem 2 with a
 * Gaussian design).
 *
 * <p>Valid for regimes replace and accumulate, no ridge, alpha_t = 0 for t >= 1 and T > d + 1; null
 * otherwise.
 */
final class LinregTheory {

  /**
   * The mechanisms the formula covers: exogenous data, fresh or fixed, since it needs alpha_t = 0
   * for t >= 1 and then neither draws a sample.
   */
  static final Set<String> SUPPORTED = Set.of(ExogenousSource.FRESH, ExogenousSource.FIXED);

  private LinregTheory() {}

  /** sigma^2 d / (T - d - 1): the expected excess test error added by one fit. */
  static double perFit(int rows, int d, double noise) {
    return noise * noise * d / (rows - d - 1.0);
  }

  /**
   * E[test_error] at generations 0..G (n = t + 1 fits), or null where the formula does not apply.
   */
  static double[] testError(ChainSettings settings, int d, double noise, double ridge) {
    int rows = settings.samples();
    boolean accumulate = settings.regime() == Regime.ACCUMULATE;
    if ((settings.regime() != Regime.REPLACE && !accumulate)
        || !settings.onlyMechanisms(SUPPORTED)
        || ridge != 0
        || rows <= d + 1) {
      return null;
    }
    for (int t = 1; t <= settings.generations(); t++) {
      if (settings.alpha(t) != 0) {
        return null;
      }
    }
    double perFit = perFit(rows, d, noise);
    double[] out = new double[settings.generations() + 1];
    double harmonicSquares = 0;
    for (int t = 0; t < out.length; t++) {
      double n = t + 1.0;
      harmonicSquares += 1.0 / (n * n);
      out[t] = (accumulate ? harmonicSquares : n) * perFit;
    }
    return out;
  }
}
