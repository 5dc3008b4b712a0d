package org.collapsesim.random;

import org.collapsesim.math.DetMath;

/**
 * Gamma and chi-square deviates by Marsaglia and Tsang's squeeze-rejection method ("A simple method
 * for generating gamma variables", ACM TOMS 26(3), 2000), exact in distribution given exact normal
 * and uniform deviates. Shapes below 1 use the boost Gamma(a) = Gamma(a + 1) U^(1/a) (same paper,
 * section 6). Only IEEE operations, {@code sqrt} and {@link DetMath} are used, so the bits do not
 * depend on the JIT or the CPU (README, Random streams and determinism).
 */
public final class GammaSampler {

  private GammaSampler() {}

  /** A Gamma(shape, 1) deviate, {@code shape > 0}. */
  public static double gamma(RandomStream rng, double shape) {
    if (shape < 1.0) {
      double g = marsagliaTsang(rng, shape + 1.0);
      double u = rng.nextOpenDouble();
      return g * DetMath.exp(DetMath.log(u) / shape);
    }
    return marsagliaTsang(rng, shape);
  }

  /**
   * The logarithm of a Gamma(shape, 1) deviate, {@code shape > 0}, for Dirichlet weights of tiny
   * concentration: below 1 the boost is taken in logs, ln Gamma(a + 1) + ln(U) / a, so a small
   * shape does not underflow to 0.
   */
  public static double logGamma(RandomStream rng, double shape) {
    if (shape < 1.0) {
      return logGamma(rng, shape + 1.0) + DetMath.log(rng.nextOpenDouble()) / shape;
    }
    return DetMath.log(marsagliaTsang(rng, shape));
  }

  /**
   * A chi-square deviate with {@code k >= 1} degrees of freedom: Z^2 for k = 1, 2 Gamma(k / 2)
   * otherwise.
   */
  public static double chiSquare(RandomStream rng, long k) {
    return new ChiSquare(k).sample(rng);
  }

  /**
   * The chi-square law with k &gt;= 1 degrees of freedom prepared for repeated draws: Z^2 for k =
   * 1, 2 Gamma(k / 2) otherwise, with Marsaglia-Tsang's constants (a square root and a division)
   * computed once rather than per draw.
   */
  public static final class ChiSquare {
    private final long k;
    private final double d;
    private final double c;

    public ChiSquare(long k) {
      this.k = k;
      this.d = 0.5 * k - 1.0 / 3.0;
      this.c = 1.0 / Math.sqrt(9.0 * d);
    }

    /** The degrees of freedom. */
    public long k() {
      return k;
    }

    /** A deviate, the same as {@code chiSquare(rng, k)}. */
    public double sample(RandomStream rng) {
      if (k == 1) {
        double z = rng.nextGaussian();
        return z * z;
      }
      return 2.0 * marsagliaTsang(rng, d, c);
    }
  }

  /** A Beta(a, b) deviate as Ga / (Ga + Gb), {@code a, b > 0}. */
  public static double beta(RandomStream rng, double a, double b) {
    double x = gamma(rng, a);
    double y = gamma(rng, b);
    return x / (x + y);
  }

  /** Marsaglia-Tsang for shape >= 1: d = a - 1/3, c = 1/sqrt(9d), accept d v, v = (1 + c x)^3. */
  private static double marsagliaTsang(RandomStream rng, double shape) {
    double d = shape - 1.0 / 3.0;
    return marsagliaTsang(rng, d, 1.0 / Math.sqrt(9.0 * d));
  }

  private static double marsagliaTsang(RandomStream rng, double d, double c) {
    while (true) {
      double x = rng.nextGaussian();
      double t = 1.0 + c * x;
      if (t <= 0.0) {
        continue;
      }
      double v = t * t * t;
      double u = rng.nextOpenDouble();
      double x2 = x * x;
      if (u < 1.0 - 0.0331 * (x2 * x2)) {
        return d * v;
      }
      if (DetMath.log(u) < 0.5 * x2 + d * (1.0 - v + DetMath.log(v))) {
        return d * v;
      }
    }
  }
}
