package org.collapsesim.random;

import org.collapsesim.math.DetMath;

/**
 * Standard normal deviates by the 256-layer ziggurat of Marsaglia and Tsang ("The Ziggurat Method
 * for Generating Random Variables", J. Stat. Softw. 5(8), 2000), with Doornik's fix ("An Improved
 * Ziggurat Method to Generate Normal Random Samples", 2005): the layer index and the uniform
 * magnitude come from disjoint bits of the word, so they are independent. Exact in distribution (a
 * rejection sampler) up to the 52-bit resolution of the magnitude.
 *
 * <p>Counter-based, so that kernels can fill arrays in vector lanes (README, Random streams and
 * determinism): deviate {@code e} of stream {@code key} is a pure function of {@code (key, e)}. Its
 * fast path (about 98.8% of deviates) uses only word {@code w = SplitMix64.word(key, e)}:
 *
 * <ul>
 *   <li>layer {@code j = w & 0xFF} (bits 0-7), sign = bit 8, magnitude {@code u = w >>> 12} (bits
 *       12-63, 52 bits; bits 9-11 are unused);
 *   <li>if {@code u < K[j]} the deviate is {@code u * W[j]} with the sign bit of {@code w} XORed
 *       into its sign bit (so {@code u = 0} gives +-0.0). Computed as {@code u * SIGNED_SCALE[w &
 *       0x1FF]}, a 512-entry table holding +W[j] and -W[j]: the same bits, since IEEE
 *       multiplication rounds symmetrically in sign.
 * </ul>
 *
 * {@code W[j] = X[j] 2^-52} and {@code K[j] = floor(2^52 X[j+1] / X[j])}, where X[0] &gt; X[1] = r
 * &gt; ... &gt; X[255] &gt; X[256] = 0 are the right edges of 256 boxes of equal area v under f(x)
 * = exp(-x^2 / 2): X[0] = v / f(r) (the base box with the tail folded in), X[i+1] = f^-1(f(X[i]) +
 * v / X[i]), and r = 3.6541528853610088 is solved by bisection so that the top box closes exactly
 * (v = r f(r) + integral of f beyond r, by the Mills-ratio continued fraction; {@link
 * ZigguratLayers}). The tables are computed once from {@link StrictMath}, so they are the same bits
 * on every JVM.
 *
 * <p>The slow path (u &gt;= K[j]) draws further words from a substream of its own, keyed {@code
 * subKey = StreamKeys.hash(key, SLOW_PATH_TAG, e)} and read from word 0: for j = 0 the tail beyond
 * r by Marsaglia's method (x = -ln(U1) / r, y = -ln(U2) until 2y &gt; x^2, deviate r + x with w's
 * sign); for j &gt;= 1 the wedge test (accept x = u W[j] when f(X[j]) + U (f(X[j+1]) - f(X[j]))
 * &lt; f(x), f(x) computed only where the layer's chord and tangents do not decide it: {@link
 * ZigguratLayers#wedge}, the same answers), and on rejection the whole draw restarts with the next
 * substream word in place of w. Logarithms and exponentials are {@link DetMath}'s (the bits of
 * StrictMath). Because the slow path is one scalar function of (key, e), a vector kernel computes
 * the fast path in lanes and hands the rejected lanes to {@link #slowPath}: identical bits by
 * construction.
 */
public final class ZigguratNormal {

  /** Number of layers (boxes); the layer index is the low 8 bits of the word. */
  public static final int LAYERS = 256;

  /** Tag of the slow path's substreams in {@link StreamKeys#hash}: "zigslow". */
  public static final long SLOW_PATH_TAG = 0x7A6967736C6F77L;

  private static final double DOUBLE_UNIT = 0x1.0p-53;

  /** The boxes (package-private for the wedge test). */
  static final ZigguratLayers BOXES = new ZigguratLayers(new HalfNormal(), 3.0, 4.0);

  /** Right edge of the base box's rectangle, where the tail starts. */
  static final double R = BOXES.r;

  /** Common area of the boxes (under the unnormalized density exp(-x^2 / 2)). */
  static final double V = BOXES.v;

  /** Box edges X[0..256]. */
  private static final double[] X = BOXES.x;

  /** f(X[i]) = exp(-X[i]^2 / 2), F[256] = 1. */
  private static final double[] F = BOXES.fx;

  private static final long[] K = BOXES.limits(52);
  private static final double[] W = BOXES.widths(52);

  /** Indexed by the low 9 bits of the word (layer and sign): +-W[j] and K[j]. */
  private static final double[] SIGNED_SCALE = new double[2 * LAYERS];

  private static final long[] SIGNED_LIMIT = new long[2 * LAYERS];

  static {
    for (int i = 0; i < LAYERS; i++) {
      SIGNED_SCALE[i] = W[i];
      SIGNED_SCALE[i + LAYERS] = -W[i];
      SIGNED_LIMIT[i] = K[i];
      SIGNED_LIMIT[i + LAYERS] = K[i];
    }
  }

  private ZigguratNormal() {}

  private static double f(double x) {
    return StrictMath.exp(-0.5 * x * x);
  }

  /** exp(-x^2 / 2) on [0, infinity), the density of the boxes. */
  private static final class HalfNormal implements ZigguratLayers.Density {
    @Override
    public double f(double x) {
      return ZigguratNormal.f(x);
    }

    @Override
    public double inverse(double y) {
      return StrictMath.sqrt(-2.0 * StrictMath.log(y));
    }

    @Override
    public double area(double r) {
      return r * f(r) + tailIntegral(r);
    }

    @Override
    public double logSlope(double x) {
      return -x;
    }

    @Override
    public double inflection() {
      return 1.0;
    }
  }

  /**
   * The integral of exp(-t^2/2) from r to infinity: f(r) times the Mills ratio (continued
   * fraction).
   */
  static double tailIntegral(double r) {
    double t = r;
    for (int k = 200; k >= 1; k--) {
      t = r + k / t;
    }
    return f(r) / t;
  }

  /** Box edges X[0..256] (a copy), for tests. */
  static double[] edges() {
    return X.clone();
  }

  /** Deviate {@code element} of stream {@code key}: the fast path, else {@link #slowPath}. */
  public static double deviate(long key, long element) {
    long w = SplitMix64.word(key, element);
    int index = (int) w & 0x1FF;
    long u = w >>> 12;
    if (u < SIGNED_LIMIT[index]) {
      return u * SIGNED_SCALE[index];
    }
    return slowPath(key, element);
  }

  /**
   * {@code out[offset + i] = deviate(key, start + i)}, i &lt; n: one tight loop over the words (the
   * counter advances by the golden gamma; the slow path is a call out of the loop).
   */
  public static void fill(long key, long start, double[] out, int offset, int n) {
    long counter = key + (start + 1) * SplitMix64.GOLDEN_GAMMA;
    for (int i = 0; i < n; i++) {
      long w = SplitMix64.mix(counter);
      counter += SplitMix64.GOLDEN_GAMMA;
      int index = (int) w & 0x1FF;
      long u = w >>> 12;
      if (u < SIGNED_LIMIT[index]) {
        out[offset + i] = u * SIGNED_SCALE[index];
      } else {
        out[offset + i] = slowPath(key, start + i);
      }
    }
  }

  /**
   * Whether deviate {@code element} of stream {@code key} takes the fast path (for tests and
   * diagnostics).
   */
  public static boolean onFastPath(long key, long element) {
    long w = SplitMix64.word(key, element);
    return (w >>> 12) < SIGNED_LIMIT[(int) w & 0x1FF];
  }

  /** Whether deviate {@code element} of stream {@code key} is drawn from the tail beyond r. */
  public static boolean inBaseStrip(long key, long element) {
    long w = SplitMix64.word(key, element);
    return ((int) w & 0xFF) == 0 && !onFastPath(key, element);
  }

  /**
   * The substream key of the slow path of deviate {@code element}: hash(key, SLOW_PATH_TAG,
   * element).
   */
  static long slowPathKey(long key, long element) {
    return StreamKeys.hash(key, SLOW_PATH_TAG, element);
  }

  /**
   * Deviate {@code element} of stream {@code key} when its word fails the fast path's test (also
   * correct, if slower, when it passes): the tail or wedge, with restarts, from the element's own
   * substream.
   */
  public static double slowPath(long key, long element) {
    long w = SplitMix64.word(key, element);
    long subKey = slowPathKey(key, element);
    long next = 0; // the substream's next word index
    while (true) {
      int j = (int) w & 0xFF;
      long u = w >>> 12;
      long sign = (w & 0x100L) << 55;
      double x = u * W[j];
      if (u < K[j]) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ sign);
      }
      if (j == 0) { // beyond r: Marsaglia's tail method
        double tx;
        double ty;
        do {
          tx = -DetMath.log(openUniform(SplitMix64.word(subKey, next++))) / R;
          ty = -DetMath.log(openUniform(SplitMix64.word(subKey, next++)));
        } while (ty + ty <= tx * tx);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(R + tx) ^ sign);
      }
      double y =
          F[j] + ((SplitMix64.word(subKey, next++) >>> 11) * DOUBLE_UNIT) * (F[j + 1] - F[j]);
      int squeezed = BOXES.wedge(j, x, y);
      if (squeezed == ZigguratLayers.ACCEPT
          || squeezed == ZigguratLayers.UNSURE && y < DetMath.exp(-0.5 * x * x)) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ sign);
      }
      w = SplitMix64.word(subKey, next++); // rejected: start again with a fresh word
    }
  }

  private static double openUniform(long word) {
    return ((word >>> 11) + 0.5) * DOUBLE_UNIT;
  }
}
