package org.collapsesim.random;

import org.collapsesim.math.DetMath;

/**
 * Exact Binomial(n, p) deviates without a normal approximation.
 *
 * <p>Large means are reduced by order statistics (Devroye, "Non-Uniform Random Variate Generation",
 * 1986, X.4.3): Binomial(n, p) counts the uniforms U_1..U_n below p. The i-th order statistic X =
 * U_(i) is Beta(i, n + 1 - i); if X &lt; p, the i smallest are below p and the other n - i are
 * uniform on (X, 1), so the count is i + Binomial(n - i, (p - X) / (1 - X)); otherwise the i - 1
 * smaller ones are uniform on (0, X) and the count is Binomial(i - 1, p / X). Choosing i near n p
 * shrinks the mean to about its square root per step. Small means (n min(p, 1 - p) &lt;= {@value
 * #INVERSION_MEAN}) are drawn by sequential inversion from 0 (Kachitvichyanukul and Schmeiser's
 * BINV, CACM 1988), with (1 - p)^n from an accurate log1p so that tiny p keep full relative
 * precision. Deterministic operations only (SPEC §8).
 */
public final class BinomialSampler {

  /** Means up to this are drawn by inversion (expected cost about mean + 1 steps). */
  static final double INVERSION_MEAN = 16.0;

  private BinomialSampler() {}

  /** A Binomial(n, p) deviate; {@code n >= 0}, p clamped to [0, 1]. */
  public static long sample(RandomStream rng, long n, double p) {
    long offset = 0;
    while (true) {
      if (n == 0 || !(p > 0.0)) {
        return offset;
      }
      if (p >= 1.0) {
        return offset + n;
      }
      double small = p <= 0.5 ? p : 1.0 - p;
      if (n * small <= INVERSION_MEAN) {
        long x = inversion(rng, n, small);
        return offset + (p <= 0.5 ? x : n - x);
      }
      long i = (long) (n * p);
      if (i < 1) {
        i = 1;
      } else if (i > n) {
        i = n;
      }
      double x = GammaSampler.beta(rng, i, n + 1 - i);
      if (x < p) {
        offset += i;
        n -= i;
        p = (p - x) / (1.0 - x);
      } else {
        n = i - 1;
        p = p / x;
      }
    }
  }

  /** BINV: walk the CDF from 0, f(x + 1) = f(x) ((n + 1) s / (x + 1) - s), s = p / (1 - p). */
  private static long inversion(RandomStream rng, long n, double p) {
    double q = 1.0 - p;
    double s = p / q;
    double a = (n + 1) * s;
    double f = DetMath.exp(n * log1pNegative(p, q));
    double u = rng.nextDouble();
    long x = 0;
    while (u >= f) {
      if (x == n) { // only through round-off in the running subtraction (probability ~1e-16)
        return n;
      }
      u -= f;
      x++;
      f *= a / x - s;
    }
    return x;
  }

  /** log(1 - p) to a few ulp for small p, given q = fl(1 - p) (Goldberg's log1p correction). */
  private static double log1pNegative(double p, double q) {
    if (q == 1.0) {
      return -p;
    }
    return DetMath.log(q) * (-p / (q - 1.0));
  }
}
