package org.collapsesim.family.gaussian;

/**
 * A fitted Gaussian N(mean, cov) of one chain, with the chain's sampling factor F (F F^T = lambda
 * cov), rebuilt when the model is refitted.
 */
final class GaussianModel {

  final int d;
  final double[] mean;
  final double[] cov;
  final double[] factor;
  boolean factorReady;

  GaussianModel(int d) {
    this.d = d;
    mean = new double[d];
    cov = new double[d * d];
    factor = new double[d * d];
  }

  double trace() {
    double t = 0;
    for (int j = 0; j < d; j++) {
      t += cov[j * d + j];
    }
    return t;
  }
}
