package org.collapsesim.random;

import org.collapsesim.math.DetMath;

/**
 * Standard exponential deviates by the 256-layer ziggurat of Marsaglia and Tsang ("The Ziggurat
 * Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000), read sequentially from a
 * {@link RandomStream}: one word per deviate on the fast path (about 98.9% of deviates), layer
 * {@code j = w & 0xFF} (bits 0-7) and magnitude {@code u = w >>> 11} (bits 11-63, 53 bits; bits
 * 8-10 unused), so the two are independent; the deviate is {@code u * W[j]} when {@code u < K[j]}.
 * Exact in distribution (a rejection sampler) up to the 53-bit resolution of the magnitude.
 *
 * <p>{@code W[j] = X[j] 2^-53} and {@code K[j] = floor(2^53 X[j+1] / X[j])}, where X are the edges
 * of 256 boxes of equal area v under f(x) = exp(-x) ({@link ZigguratLayers}: f^-1(y) = -ln y, v =
 * (r + 1) exp(-r), the base rectangle and the tail beyond r; r = 7.697117470131...).
 *
 * <p>The slow path reads further words of the same stream: for j = 0 the tail beyond r, which is r
 * plus a standard exponential (memorylessness), -ln(U) with U open; for j &gt;= 1 the wedge test
 * (accept x = u W[j] when f(X[j]) + U (f(X[j+1]) - f(X[j])) &lt; f(x), f(x) computed only where the
 * layer's chord and tangents do not decide it: {@link ZigguratLayers#wedge}), and on rejection the
 * whole draw starts again with the next word. Logarithms and exponentials are {@link DetMath}'s.
 */
public final class ZigguratExponential {

  /** The boxes (package-private for the wedge test). */
  static final ZigguratLayers BOXES = new ZigguratLayers(new Exponential(), 6.0, 9.0);

  /** Right edge of the base box's rectangle, where the tail starts. */
  static final double R = BOXES.r;

  /** Common area of the boxes. */
  static final double V = BOXES.v;

  private static final double[] X = BOXES.x;
  private static final double[] F = BOXES.fx;
  private static final long[] K = BOXES.limits(53);
  private static final double[] W = BOXES.widths(53);

  private ZigguratExponential() {}

  /** exp(-x) on [0, infinity), the density of the boxes. */
  private static final class Exponential implements ZigguratLayers.Density {
    @Override
    public double f(double x) {
      return StrictMath.exp(-x);
    }

    @Override
    public double inverse(double y) {
      return -StrictMath.log(y);
    }

    @Override
    public double area(double r) {
      return (r + 1.0) * StrictMath.exp(-r);
    }

    @Override
    public double logSlope(double x) {
      return -1.0;
    }

    @Override
    public double inflection() {
      return 0.0;
    }
  }

  /** Box edges X[0..256] (a copy), for tests. */
  static double[] edges() {
    return X.clone();
  }

  /** The next standard exponential deviate of {@code rng}. */
  public static double next(RandomStream rng) {
    long w = rng.nextLong();
    int j = (int) w & 0xFF;
    long u = w >>> 11;
    if (u < K[j]) {
      return u * W[j];
    }
    return slowPath(rng, w);
  }

  /** The deviate of a word that failed the fast test: the tail or the wedge, with restarts. */
  private static double slowPath(RandomStream rng, long word) {
    long w = word;
    while (true) {
      int j = (int) w & 0xFF;
      long u = w >>> 11;
      double x = u * W[j];
      if (u < K[j]) {
        return x;
      }
      if (j == 0) {
        return R - DetMath.log(rng.nextOpenDouble());
      }
      double y = F[j] + rng.nextDouble() * (F[j + 1] - F[j]);
      int squeezed = BOXES.wedge(j, x, y);
      if (squeezed == ZigguratLayers.ACCEPT
          || squeezed == ZigguratLayers.UNSURE && y < DetMath.exp(-x)) {
        return x;
      }
      w = rng.nextLong();
    }
  }
}
