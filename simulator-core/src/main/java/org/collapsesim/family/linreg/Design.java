package org.collapsesim.family.linreg;

import org.collapsesim.random.RandomStream;

/**
 * The fixed design of one chain (README, Families and metrics): T rows x ~ N(0, I_d), row-major,
 * drawn once from the chain's generation-0 exogenous stream before the first labels.
 */
final class Design {

  final int rows;
  final int d;
  final double[] x;

  Design(int rows, int d, double[] x) {
    this.rows = rows;
    this.d = d;
    this.x = x;
  }

  static Design draw(RandomStream rng, int rows, int d) {
    double[] x = new double[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    return new Design(rows, d, x);
  }

  /** x_row . w. */
  double dot(int row, double[] w) {
    int base = row * d;
    double s = 0;
    for (int j = 0; j < d; j++) {
      s += x[base + j] * w[j];
    }
    return s;
  }
}
