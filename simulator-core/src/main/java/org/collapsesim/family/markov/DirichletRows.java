package org.collapsesim.family.markov;

import org.collapsesim.math.DetMath;
import org.collapsesim.random.GammaSampler;
import org.collapsesim.random.RandomStream;

/**
 * Dirichlet rows from Gamma variates in log form ({@link GammaSampler#logGamma}, Marsaglia and
 * Tsang 2000), normalised after subtracting the largest log, so tiny concentrations do not
 * underflow every weight. Only DetMath and IEEE operations.
 */
final class DirichletRows {

  private DirichletRows() {}

  /** A Dirichlet(a, ..., a) vector of length n into out. */
  static void dirichlet(RandomStream rng, double a, int n, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      out[i] = GammaSampler.logGamma(rng, a);
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
