package org.collapsesim.family.gmm;

import org.collapsesim.linalg.Cholesky;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/** Distances between Gaussian mixtures: the closed-form L2 distance and a Monte Carlo KL. */
final class MixtureDistances {

  private static final double HALF_LN_2PI = 0.91893853320467274178;

  private MixtureDistances() {}

  /**
   * The integral of (f - g)^2 for mixtures f = sum w_i N(mu_i, S_i) and g = sum v_j N(nu_j, T_j),
   * in closed form: sum_ij w_i w_j N(mu_i; mu_j, S_i + S_j) - 2 sum_ij w_i v_j N(mu_i; nu_j, S_i +
   * T_j) + sum_ij v_i v_j N(nu_i; nu_j, T_i + T_j); clamped at 0 against rounding.
   */
  static double l2Squared(Mixture f, Mixture g) {
    double s = cross(f, f) - 2.0 * cross(f, g) + cross(g, g);
    return Math.max(s, 0.0);
  }

  /** sum_ij a_i b_j N(mu_i; nu_j, S_i + T_j). */
  static double cross(Mixture a, Mixture b) {
    int d = a.d;
    int dd = d * d;
    double[] sum = new double[dd];
    double[] l = new double[dd];
    double[] y = new double[d];
    double total = 0.0;
    for (int i = 0; i < a.k; i++) {
      if (!(a.weights[i] > 0.0)) {
        continue;
      }
      for (int j = 0; j < b.k; j++) {
        if (!(b.weights[j] > 0.0)) {
          continue;
        }
        for (int e = 0; e < dd; e++) {
          sum[e] = a.covs[i * dd + e] + b.covs[j * dd + e];
        }
        if (!Cholesky.decompose(sum, d, l)) {
          throw new IllegalStateException("gmm: S_i + T_j not positive definite");
        }
        double q = 0.0;
        for (int r = 0; r < d; r++) {
          double s = a.means[i * d + r] - b.means[j * d + r];
          for (int c = 0; c < r; c++) {
            s -= l[r * d + c] * y[c];
          }
          y[r] = s / l[r * d + r];
          q += y[r] * y[r];
        }
        double logN = -d * HALF_LN_2PI - 0.5 * Cholesky.logDet(l, d) - 0.5 * q;
        total += a.weights[i] * b.weights[j] * DetMath.exp(logN);
      }
    }
    return total;
  }

  /**
   * KL(P* || P_t) by Monte Carlo: the mean of ln p*(x) - ln p_t(x) over {@code samples} draws of
   * the truth from {@code rng}. An unbiased estimate (it may come out slightly negative when the
   * two are close); finite, since every component density is positive everywhere.
   */
  static double klMonteCarlo(Mixture truth, Mixture model, RandomStream rng, int samples) {
    int d = truth.d;
    PointSet xs = new PointSet(d, samples);
    truth.draw(truth.lower, rng, samples, xs);
    double[] st = new double[truth.k];
    double[] sm = new double[model.k];
    double[] y = new double[d];
    double s = 0.0;
    for (int i = 0; i < samples; i++) {
      s += truth.logDensity(xs.x, i * d, st, y) - model.logDensity(xs.x, i * d, sm, y);
    }
    return s / samples;
  }
}
