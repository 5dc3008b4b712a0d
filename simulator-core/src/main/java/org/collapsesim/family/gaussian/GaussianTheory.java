package org.collapsesim.family.gaussian;

import java.util.Set;
import java.util.function.IntFunction;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.PartWeights;
import org.collapsesim.loop.Regime;
import org.collapsesim.loop.ReservoirSource;

/**
 * Closed forms for the Gaussian family (docs/theory.md, "Gaussian: mean error and variance with
 * sources and weights"): the exact one-step recursion of m_t = E[||mu_t - mu*||^2] and v_t = E[tr
 * Sigma_t] with exogenous data, an entropy reservoir N(mu_r, s^2 I), a sampling bias lambda and
 * real-data weighting, in d dimensions.
 *
 * <p>D_new's parts j (exogenous ~ N(mu*, Sigma*), reservoir ~ N(mu_r, s^2 I), synthetic ~
 * N(mu_{t-1}, lambda Sigma_{t-1})) have means a_j and covariance traces C_j, and weights W_j in the
 * fit ({@link PartWeights}); the fit is the weighted mean mu_t = sum_j W_j xbar_j and the weighted
 * second moment minus its square. With delta = mu_r - mu*, D = ||delta||^2, E[mu_t - mu*] = beta_t
 * delta and T* = tr Sigma*:
 *
 * <pre>
 *   C = (T*, d s^2, lambda v_{t-1});   G = E&lt;a_j - mu*, a_l - mu*&gt; = [[0, 0, 0], [0, D, beta D], [0, beta D, m]]_{t-1}
 *   m_t    = sum_j E[W_j^2 / n_j] C_j + sum_{j,l} E[W_j W_l] G_jl
 *   v_t    = (sum_j E[W_j] (C_j + G_jj) - m_t) M / D_fit,   D_fit = M (mle) or M - 1 (unbiased, pooled)
 *   beta_t = E[W_r] + E[W_s] beta_{t-1}
 * </pre>
 *
 * since sum_i w_i ||x_i - mu*||^2 = tr Sigma_t + ||mu_t - mu*||^2 for weights summing to 1.
 * Generation 0 is a fit on M draws of P*: m_0 = T* / M, v_0 = T* (M - 1) / D_fit. With alpha = 0,
 * lambda = 1 and no reservoir this is shared theory's E[var] = sigma0^2 (1 - 1/M)^n (mle) and E[(mu
 * - mu0)^2] = n sigma0^2 / M (unbiased). Valid for regime replace with fresh exogenous draws and no
 * verifier; the caller returns null otherwise.
 */
final class GaussianTheory {

  private GaussianTheory() {}

  /**
   * The mechanisms the recursion covers: fresh exogenous draws, the reservoir and real-data
   * weighting (not the fixed anchor, whose data repeat, nor the verifier, whose effect depends on
   * the drifting model).
   */
  static final Set<String> SUPPORTED =
      Set.of(ExogenousSource.FRESH, ReservoirSource.NAME, ChainSettings.REAL_WEIGHT);

  /** Whether the recursion holds for this chain: regime replace and supported mechanisms only. */
  static boolean applies(ChainSettings settings) {
    return settings.regime() == Regime.REPLACE && settings.onlyMechanisms(SUPPORTED);
  }

  /** The reservoir's law as the recursion sees it: its covariance trace d s^2 and D. */
  record Reservoir(double trace, double offsetSquared) {
    static final Reservoir NONE = new Reservoir(0, 0);
  }

  /**
   * {var_ratio, mean_sq_err} for t = 0..G.
   *
   * @param traceStar T* = tr Sigma*
   * @param reservoir the reservoir's trace and squared offset from mu*
   * @param lambda the sampling bias
   * @param unbiased whether the covariance divides by M - 1 (pooled fit only)
   * @param weights the three parts' weights (exogenous, reservoir, synthetic) of generation t >= 1
   */
  static double[][] moments(
      double traceStar,
      Reservoir reservoir,
      double lambda,
      boolean unbiased,
      int samples,
      int generations,
      IntFunction<PartWeights> weights) {
    double m = samples;
    double fitScale = unbiased ? m / (m - 1) : 1.0;
    double d = reservoir.offsetSquared();
    double[] varRatio = new double[generations + 1];
    double[] meanSq = new double[generations + 1];
    double v = 0; // no model before generation 0: its part carries no weight
    double ms = 0;
    double beta = 0;
    for (int t = 0; t <= generations; t++) {
      PartWeights w = t == 0 ? PartWeights.truthOnly(samples, 3) : weights.apply(t);
      double[] trace = {traceStar, reservoir.trace(), lambda * v};
      double[][] bias = {{0, 0, 0}, {0, d, beta * d}, {0, beta * d, ms}};
      double nextMs = 0;
      double scatter = 0;
      for (int j = 0; j < 3; j++) {
        nextMs += w.noise()[j] * trace[j];
        scatter += w.mean()[j] * (trace[j] + bias[j][j]);
        for (int l = 0; l < 3; l++) {
          nextMs += w.cross()[j][l] * bias[j][l];
        }
      }
      v = (scatter - nextMs) * fitScale;
      ms = nextMs;
      beta = w.mean()[1] + w.mean()[2] * beta;
      varRatio[t] = v / traceStar;
      meanSq[t] = ms;
    }
    return new double[][] {varRatio, meanSq};
  }
}
