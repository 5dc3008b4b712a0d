package org.collapsesim.random;

import java.util.function.DoubleUnaryOperator;

/**
 * The boxes of a 256-layer ziggurat under a decreasing density f on [0, infinity) (Marsaglia and
 * Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000): right
 * edges X[0] &gt; X[1] = r &gt; ... &gt; X[255] &gt; X[256] = 0 of boxes of equal area v, X[0] = v
 * / f(r) (the base box with the tail beyond r folded in), X[i+1] = f^-1(f(X[i]) + v / X[i]), v =
 * area(r) (the base rectangle r f(r) and the tail's integral), and r solved by bisection so that
 * the top box closes exactly. Shared by {@link ZigguratNormal} and {@link ZigguratExponential},
 * which give f, its inverse and the area by {@link StrictMath}, so the edges are the same bits on
 * every JVM.
 */
final class ZigguratLayers {

  static final int LAYERS = 256;

  /** Right edge of the base box's rectangle, where the tail starts. */
  final double r;

  /** Common area of the boxes. */
  final double v;

  /** Box edges X[0..256]. */
  final double[] x = new double[LAYERS + 1];

  /**
   * Solves the layers of f, with the root r bracketed by [lo, hi] (the top box closes too early at
   * lo, too late at hi).
   */
  ZigguratLayers(
      DoubleUnaryOperator f,
      DoubleUnaryOperator inverse,
      DoubleUnaryOperator area,
      double lo,
      double hi) {
    for (int it = 0; it < 200; it++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (closingExcess(f, inverse, mid, area.applyAsDouble(mid), null) > 0.0) {
        lo = mid; // the boxes reach the top too early: v too large, r too small
      } else {
        hi = mid;
      }
    }
    r = hi;
    v = area.applyAsDouble(r);
    closingExcess(f, inverse, r, v, x);
    x[0] = v / f.applyAsDouble(r);
    x[LAYERS] = 0.0;
  }

  /**
   * Builds the edges X[1..255] for base edge r and area v (into {@code edges} when not null) and
   * returns how far the top box overshoots: f(X[255]) + v / X[255] - 1 (positive: r too small);
   * +Infinity when a lower box already reaches the top.
   */
  private static double closingExcess(
      DoubleUnaryOperator f, DoubleUnaryOperator inverse, double r, double v, double[] edges) {
    double x = r;
    if (edges != null) {
      edges[1] = r;
    }
    for (int i = 1; i < LAYERS - 1; i++) {
      double y = f.applyAsDouble(x) + v / x;
      if (y >= 1.0) {
        return Double.POSITIVE_INFINITY;
      }
      x = inverse.applyAsDouble(y);
      if (edges != null) {
        edges[i + 1] = x;
      }
    }
    return f.applyAsDouble(x) + v / x - 1.0;
  }
}
