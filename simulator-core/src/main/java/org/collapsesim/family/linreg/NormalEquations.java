package org.collapsesim.family.linreg;

/**
 * Sufficient statistics of least squares: X^T X (d x d, row-major, full), X^T y and the row count.
 * Merging adds them, so {@code accumulate} pools every row of every generation.
 */
final class NormalEquations {

  final double[] xtx;
  final double[] xty;
  long n;
  Design design;

  NormalEquations(int d) {
    xtx = new double[d * d];
    xty = new double[d];
  }
}
