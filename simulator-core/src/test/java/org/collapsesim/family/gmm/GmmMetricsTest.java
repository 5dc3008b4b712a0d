package org.collapsesim.family.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The gmm metrics of a hand-made model against the truth 0.5 N(-3, 1) + 0.5 N(3, 1), computed here
 * independently: the L2 distance from the Gaussian product integral, the weight entropy and minimum
 * weight by hand, the total variance of a mixture, and KL(P* || P_t) by numerical integration on a
 * fine grid. The Monte Carlo KL (n = 200,000 truth draws) must be within 4 of its standard errors
 * (the sd of ln p* - ln p_t under P*, also integrated numerically): false failure about 6.3e-5. A
 * swapped direction, sign or weight fails by many standard errors.
 */
class GmmMetricsTest {

  private static final int MC = 200_000;

  /** A one-dimensional mixture of the given weights, means and variances. */
  static Mixture oneDimensional(double[] w, double[] mu, double[] var) {
    Mixture m = new Mixture(w.length, 1);
    for (int c = 0; c < w.length; c++) {
      m.weights[c] = w[c];
      m.means[c] = mu[c];
      m.covs[c] = var[c];
    }
    m.factor(0.0);
    return m;
  }

  private static double normal(double x, double mu, double var) {
    return Math.exp(-(x - mu) * (x - mu) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
  }

  private static double density(double x, double[] w, double[] mu, double[] var) {
    double s = 0;
    for (int c = 0; c < w.length; c++) {
      s += w[c] * normal(x, mu[c], var[c]);
    }
    return s;
  }

  @Test
  void metricsOfAHandMadeModel() {
    double[] tw = {0.5, 0.5};
    double[] tmu = {-3, 3};
    double[] tvar = {1, 1};
    double[] mw = {0.3, 0.7};
    double[] mmu = {-2, 3};
    double[] mvar = {0.5, 2};
    Mixture truth = oneDimensional(tw, tmu, tvar);
    Mixture model = oneDimensional(mw, mmu, mvar);
    GmmCell cell = new GmmCell(truth, new GmmCell.Settings(2, 1.0, 1e-8, 100, 1e-6, MC));
    double[] out = new double[GmmFamily.METRIC_NAMES.size()];
    cell.metrics(model, out, new RandomStream(2026));

    // int (f - g)^2 = sum over pairs of w_i w_j N(mu_i - mu_j; 0, var_i + var_j)
    double ff = 0;
    double gg = 0;
    double fg = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        ff += tw[i] * tw[j] * normal(tmu[i], tmu[j], tvar[i] + tvar[j]);
        gg += mw[i] * mw[j] * normal(mmu[i], mmu[j], mvar[i] + mvar[j]);
        fg += tw[i] * mw[j] * normal(tmu[i], mmu[j], tvar[i] + mvar[j]);
      }
    }
    assertEquals(Math.sqrt(ff + gg - 2 * fg), out[GmmCell.L2_DISTANCE], 1e-12, "l2_distance");
    assertEquals(
        -(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7)),
        out[GmmCell.WEIGHT_ENTROPY],
        1e-12,
        "weight_entropy");
    assertEquals(0.3, out[GmmCell.MIN_WEIGHT], 0.0, "min_weight");
    // total variance: sum w (var + mu^2) - (sum w mu)^2 = 6.8 for the model, 10 for the truth
    assertEquals(6.8 / 10.0, out[GmmCell.VAR_RATIO], 1e-12, "var_ratio");

    // KL(P* || P_t) and the variance of its integrand, by the midpoint rule on [-20, 20]
    double h = 1e-4;
    double kl = 0;
    double second = 0;
    for (double x = -20 + h / 2; x < 20; x += h) {
      double p = density(x, tw, tmu, tvar);
      double lr = Math.log(p) - Math.log(density(x, mw, mmu, mvar));
      kl += p * lr * h;
      second += p * lr * lr * h;
    }
    double se = Math.sqrt((second - kl * kl) / MC);
    double z = (out[GmmCell.KL_TRUE_MODEL] - kl) / se;
    assertEquals(
        0.0,
        z,
        4.0,
        "kl_true_model " + out[GmmCell.KL_TRUE_MODEL] + " vs integral " + kl + ", se " + se);
  }
}
