package org.collapsesim.random;

/**
 * The boxes of a 256-layer ziggurat under a decreasing density f on [0, infinity) (Marsaglia and
 * Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000): right
 * edges X[0] &gt; X[1] = r &gt; ... &gt; X[255] &gt; X[256] = 0 of boxes of equal area v, X[0] = v
 * / f(r) (the base box with the tail beyond r folded in), X[i+1] = f^-1(f(X[i]) + v / X[i]), v =
 * area(r) (the base rectangle r f(r) and the tail's integral), and r solved by bisection so that
 * the top box closes exactly; and from them the tables of the fast path for a magnitude of a given
 * number of bits. Shared by {@link ZigguratNormal} and {@link ZigguratExponential}, whose densities
 * compute by {@link StrictMath}, so the tables are the same bits on every JVM.
 */
final class ZigguratLayers {

  /**
   * A decreasing density on [0, infinity), unnormalized: f, its inverse, and the area of the base
   * box for base edge r (the rectangle r f(r) and the integral of f beyond r). A class, not
   * lambdas: a lambda's first call spins classes at start-up (docs/internals.md).
   */
  interface Density {
    double f(double x);

    double inverse(double y);

    double area(double r);

    /** f'(x) / f(x): the slope of a tangent, per unit of height. */
    double logSlope(double x);

    /** The x below which f is concave and above which it is convex (0 if convex throughout). */
    double inflection();
  }

  static final int LAYERS = 256;

  /** Right edge of the base box's rectangle, where the tail starts. */
  final double r;

  /** Common area of the boxes. */
  final double v;

  /** Box edges X[0..256]. */
  final double[] x = new double[LAYERS + 1];

  /** f(X[i]), and 1 at X[256] = 0: the heights between which box i's wedge lies. */
  final double[] fx = new double[LAYERS + 1];

  /** Answers of {@link #wedge}: the wedge test decided without f, or not. */
  static final int ACCEPT = 1;

  static final int REJECT = -1;
  static final int UNSURE = 0;

  /**
   * Relative margin by which y must clear a bound before {@link #wedge} decides. The bounds and the
   * samplers' computed f (DetMath, an exponent of at most ~8 in magnitude) are each within ~1e-15
   * of the truth, far inside it, so a decided answer is the one the computed f would give.
   */
  private static final double MARGIN = 0x1p-30;

  /** Per layer j: the chord's slope, (F[j+1] - F[j]) / (X[j] - X[j+1]). */
  private final double[] chordSlope = new double[LAYERS];

  /** Per layer j: the tangents' slopes at X[j+1] and at X[j], f'(X) = f(X) logSlope(X). */
  private final double[] tangentAtInner = new double[LAYERS];

  private final double[] tangentAtOuter = new double[LAYERS];

  /** Per layer j: +1 where f is concave over [X[j+1], X[j]], -1 where convex, 0 across both. */
  private final int[] curvature = new int[LAYERS];

  /**
   * Solves the layers of f, with the root r bracketed by [lo, hi] (the top box closes too early at
   * lo, too late at hi).
   */
  ZigguratLayers(Density density, double lo, double hi) {
    for (int it = 0; it < 200; it++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (closingExcess(density, mid, density.area(mid), null) > 0.0) {
        lo = mid; // the boxes reach the top too early: v too large, r too small
      } else {
        hi = mid;
      }
    }
    r = hi;
    v = density.area(r);
    closingExcess(density, r, v, x);
    x[0] = v / density.f(r);
    x[LAYERS] = 0.0;
    for (int i = 0; i < LAYERS; i++) {
      fx[i] = density.f(x[i]);
    }
    fx[LAYERS] = 1.0;
    double inflection = density.inflection();
    for (int j = 1; j < LAYERS; j++) {
      chordSlope[j] = (fx[j + 1] - fx[j]) / (x[j] - x[j + 1]);
      tangentAtInner[j] = fx[j + 1] * density.logSlope(x[j + 1]);
      tangentAtOuter[j] = fx[j] * density.logSlope(x[j]);
      curvature[j] = x[j] <= inflection ? 1 : x[j + 1] >= inflection ? -1 : 0;
    }
  }

  /**
   * The wedge test of layer j >= 1, y &lt; f(x) for x in [X[j+1], X[j]] and y in [F[j], F[j+1]],
   * answered without computing f where the layer's straight lines decide it: where f is concave the
   * chord through the layer's corners lies below f and the tangents at its two ends above it; where
   * f is convex, the other way round. So y below the lower line accepts and y above the upper one
   * rejects (the linear bounds of McFarland, "A modified ziggurat algorithm for generating
   * exponentially and normally distributed pseudorandom numbers", J. Stat. Comput. Simul. 86(7),
   * 2016). Of points spread uniformly over the wedges, 0.8% are left {@link #UNSURE} for the normal
   * (half of them on the layer across its inflection, x = 1) and 0.4% for the exponential: y
   * between the lines, or within {@link #MARGIN} of one, or x outside the layer by a rounding; the
   * caller then computes f. Decided answers are those the computed f gives: the same draws.
   */
  int wedge(int j, double xv, double y) {
    double inner = x[j + 1];
    double outer = x[j];
    int c = curvature[j];
    if (c == 0 || xv < inner || xv > outer) {
      return UNSURE;
    }
    double chord = fx[j + 1] - chordSlope[j] * (xv - inner);
    double fromInner = fx[j + 1] + tangentAtInner[j] * (xv - inner);
    double fromOuter = fx[j] + tangentAtOuter[j] * (xv - outer);
    double lower = c > 0 ? chord : Math.max(fromInner, fromOuter);
    double upper = c > 0 ? Math.min(fromInner, fromOuter) : chord;
    if (y < lower * (1.0 - MARGIN)) {
      return ACCEPT;
    }
    if (y > upper * (1.0 + MARGIN)) {
      return REJECT;
    }
    return UNSURE;
  }

  /** W[j] = X[j] 2^-bits: a magnitude u of {@code bits} bits in layer j is the deviate u W[j]. */
  double[] widths(int bits) {
    double unit = Math.scalb(1.0, -bits);
    double[] w = new double[LAYERS];
    for (int j = 0; j < LAYERS; j++) {
      w[j] = x[j] * unit;
    }
    return w;
  }

  /**
   * K[j] = floor(2^bits X[j+1] / X[j]): a magnitude below it puts the deviate inside the box above
   * (accepted at once, the fast path).
   */
  long[] limits(int bits) {
    double scale = Math.scalb(1.0, bits);
    long[] k = new long[LAYERS];
    for (int j = 0; j < LAYERS; j++) {
      k[j] = (long) (scale * (x[j + 1] / x[j]));
    }
    return k;
  }

  /**
   * Builds the edges X[1..255] for base edge r and area v (into {@code edges} when not null) and
   * returns how far the top box overshoots: f(X[255]) + v / X[255] - 1 (positive: r too small);
   * +Infinity when a lower box already reaches the top.
   */
  private static double closingExcess(Density density, double r, double v, double[] edges) {
    double x = r;
    if (edges != null) {
      edges[1] = r;
    }
    for (int i = 1; i < LAYERS - 1; i++) {
      double y = density.f(x) + v / x;
      if (y >= 1.0) {
        return Double.POSITIVE_INFINITY;
      }
      x = density.inverse(y);
      if (edges != null) {
        edges[i + 1] = x;
      }
    }
    return density.f(x) + v / x - 1.0;
  }
}
