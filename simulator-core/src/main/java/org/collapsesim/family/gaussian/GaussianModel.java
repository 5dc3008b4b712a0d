package org.collapsesim.family.gaussian;

/**
 * A fitted Gaussian N(mean, cov) of one chain, with the chain's sampling factor F (F F^T = lambda
 * cov), rebuilt when the model is refitted, and whether cov is singular.
 */
final class GaussianModel {

  final int d;
  final double[] mean;
  final double[] cov;
  final double[] factor;
  boolean factorReady;

  /**
   * Whether cov is singular: fitted on n_train <= d samples (rank at most n_train - 1), or its
   * smallest eigenvalue is at most {@link GaussianCell#SINGULAR_RATIO} times its largest. Decided
   * once per fit, the same way on the exact and explicit paths.
   */
  boolean singular;

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
