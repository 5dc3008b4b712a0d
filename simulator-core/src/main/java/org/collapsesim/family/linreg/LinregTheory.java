package org.collapsesim.family.linreg;

import java.util.Set;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Mixing;
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
 * <p>Under {@code replace} a generation whose T rows are all labelled by the truth (alpha_t = 1, or
 * under count mixing any alpha_t with floor(alpha_t T + 0.5) = T) restarts the walk: fresh labels
 * give a new first fit, and a fixed anchor's generation-0 labels give back w_0 itself, whose error
 * is independent of the later noise. So with n_t = the fits since the last such generation
 * (generation 0 is one), E||w_t - w*||^2 = n_t sigma^2 d / (T - d - 1): exact for every schedule
 * whose generations label all rows or none (step schedules from 1 to 0, lists of 0s and 1s). In
 * between (0 < k < T real rows) the error given the design follows a linear recursion
 * (docs/families.md) whose mean over designs has no closed form; null there.
 *
 * <p>Valid for regimes replace (as above) and accumulate (alpha_t = 0 for t >= 1), no ridge and T >
 * d + 1; null otherwise.
 */
final class LinregTheory {

  /**
   * The mechanisms the formula covers: exogenous data, fresh (a full generation is a new first fit)
   * or fixed (a full generation gives back w_0).
   */
  static final Set<String> SUPPORTED = Set.of(ExogenousSource.FRESH, ExogenousSource.FIXED);

  private LinregTheory() {}

  /** sigma^2 d / (T - d - 1): the expected excess test error added by one fit. */
  static double perFit(int rows, int d, double noise) {
    return noise * noise * d / (rows - d - 1.0);
  }

  /**
   * E[test_error] at generations 0..G (replace: n_t fits since the last generation labelled
   * entirely by the truth; accumulate: the harmonic sum), or null where the formula does not apply.
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
    double perFit = perFit(rows, d, noise);
    double[] out = new double[settings.generations() + 1];
    double harmonicSquares = 0;
    int fits = 0; // since the last generation labelled entirely by the truth
    for (int t = 0; t < out.length; t++) {
      int real = t == 0 ? rows : realRows(settings, t);
      if ((real != 0 && real != rows) || (accumulate && t > 0 && real != 0)) {
        return null;
      }
      fits = real == rows ? 1 : fits + 1;
      double n = t + 1.0;
      harmonicSquares += 1.0 / (n * n);
      out[t] = (accumulate ? harmonicSquares : fits) * perFit;
    }
    return out;
  }

  /**
   * The rows generation t labels with the truth when that is all or none of them, otherwise -1:
   * count mixing k = floor(alpha_t T + 0.5); per-sample mixing all rows when alpha_t = 1 (every
   * coin u < 1), none when 0.
   */
  private static int realRows(ChainSettings settings, int t) {
    double alpha = settings.alpha(t);
    if (settings.mixing() == Mixing.COUNT) {
      return settings.exogenousCount(alpha);
    }
    return alpha == 0 ? 0 : alpha == 1 ? settings.samples() : -1;
  }
}
