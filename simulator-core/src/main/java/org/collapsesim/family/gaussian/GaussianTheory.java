package org.collapsesim.family.gaussian;

import java.util.Set;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Mixing;
import org.collapsesim.loop.Regime;

/**
 * Closed forms of shared/THEORY.md for the Gaussian family, generalized to exogenous data, a
 * sampling bias lambda and d dimensions by the exact one-step moment recursion.
 *
 * <p>Let v_t = E[tr Sigma_t], m_t = E[||mu_t - mu*||^2], T* = tr Sigma*, and let generation t draw
 * k exogenous samples from P* and M - k from N(mu_{t-1}, lambda Sigma_{t-1}). Then
 *
 * <pre>
 *   m_t = (E[k] T* + E[M - k] lambda v_{t-1} + E[(M - k)^2] m_{t-1}) / M^2
 *   E[sum ||x_i - mu*||^2] = E[k] T* + E[M - k] (lambda v_{t-1} + m_{t-1})
 *   v_t = (E[sum ||x_i - mu*||^2] - M m_t) / D,   D = M (mle) or M - 1 (unbiased)
 * </pre>
 *
 * since the scatter about the sample mean is the scatter about mu* less M ||x_bar - mu*||^2. Count
 * mixing has k = floor(a_t M + 0.5); per-sample mixing has k ~ Binomial(M, a_t), so E[(M - k)^2] =
 * M a (1 - a) + M^2 (1 - a)^2. Generation 0 is a fit on M draws of P*: m_0 = T* / M, v_0 = T* (M -
 * 1) / D. With a = 0 and lambda = 1 this is THEORY.md's E[var] = sigma0^2 (1 - 1/M)^n (mle) and
 * E[(mu - mu0)^2] = n sigma0^2 / M (unbiased). Valid for regime replace with fresh exogenous draws;
 * null otherwise.
 */
final class GaussianTheory {

  /** The mechanisms the recursion covers: fresh exogenous draws only. */
  static final Set<String> SUPPORTED = Set.of(ExogenousSource.FRESH);

  private GaussianTheory() {}

  /** {var_ratio, mean_sq_err} for t = 0..G, or null. */
  static double[][] moments(
      double traceStar, double lambda, boolean unbiased, ChainSettings settings) {
    if (settings.regime() != Regime.REPLACE || !settings.onlyMechanisms(SUPPORTED)) {
      return null;
    }
    int g = settings.generations();
    double m = settings.samples();
    double denominator = unbiased ? m - 1 : m;
    double[] varRatio = new double[g + 1];
    double[] meanSq = new double[g + 1];
    double ms = traceStar / m;
    double v = traceStar * (m - 1) / denominator;
    varRatio[0] = v / traceStar;
    meanSq[0] = ms;
    for (int t = 1; t <= g; t++) {
      double alpha = settings.alpha(t);
      double k;
      double synthetic;
      double syntheticSquared;
      if (settings.mixing() == Mixing.COUNT) {
        k = settings.exogenousCount(alpha);
        synthetic = m - k;
        syntheticSquared = synthetic * synthetic;
      } else {
        k = alpha * m;
        synthetic = m - k;
        syntheticSquared = m * alpha * (1 - alpha) + synthetic * synthetic;
      }
      double msNext = (k * traceStar + synthetic * lambda * v + syntheticSquared * ms) / (m * m);
      double scatterAboutTruth = k * traceStar + synthetic * (lambda * v + ms);
      v = (scatterAboutTruth - m * msNext) / denominator;
      ms = msNext;
      varRatio[t] = v / traceStar;
      meanSq[t] = ms;
    }
    return new double[][] {varRatio, meanSq};
  }
}
