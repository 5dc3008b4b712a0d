package org.collapsesim.family.markov;

import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/**
 * Gamma(a, 1) variates in log form for Dirichlet rows: Marsaglia and Tsang (2000), "A simple method
 * for generating gamma variables", with the boost G(a) = G(a + 1) U^(1/a) for a < 1, done in logs
 * so tiny concentrations do not underflow every weight. Only DetMath and IEEE operations.
 */
final class GammaVariates {

  private GammaVariates() {}

  static double logGamma(RandomStream rng, double a) {
    if (a < 1) {
      return logGamma(rng, a + 1) + DetMath.log(rng.nextOpenDouble()) / a;
    }
    double d = a - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x;
      double v;
      do {
        x = rng.nextGaussian();
        v = 1.0 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = rng.nextOpenDouble();
      double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2) {
        return DetMath.log(d * v);
      }
      if (DetMath.log(u) < 0.5 * x2 + d * (1.0 - v + DetMath.log(v))) {
        return DetMath.log(d * v);
      }
    }
  }

  /** A Dirichlet(a, ..., a) vector of length n into out. */
  static void dirichlet(RandomStream rng, double a, int n, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      out[i] = logGamma(rng, a);
      max = Math.max(max, out[i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      out[i] = DetMath.exp(out[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < n; i++) {
      out[i] /= sum;
    }
  }
}
