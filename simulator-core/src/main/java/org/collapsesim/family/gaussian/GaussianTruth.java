package org.collapsesim.family.gaussian;

import java.util.List;
import org.collapsesim.linalg.Cholesky;
import org.collapsesim.linalg.GaussianDistances;

/** The true N(mu*, Sigma*) in d dimensions, with its Cholesky factor, trace and log-determinant. */
final class GaussianTruth {

  final int d;
  final double[] mean;
  final double[] cov;
  final double[] lower;
  final double trace;
  final double logDet;

  /** The truth factored for the closed forms against each fitted model. */
  final GaussianDistances.Prepared prepared;

  GaussianTruth(double[] mean, double[] cov) {
    this.d = mean.length;
    this.mean = mean;
    this.cov = cov;
    this.lower = new double[d * d];
    if (!Cholesky.decompose(cov, d, lower)) {
      throw new IllegalArgumentException("truth.covariance: not positive definite");
    }
    this.logDet = Cholesky.logDet(lower, d);
    this.prepared = GaussianDistances.Prepared.of(mean, cov, d);
    double t = 0;
    for (int j = 0; j < d; j++) {
      t += cov[j * d + j];
    }
    this.trace = t;
  }

  /**
   * The truth of a validated cell: {@code truth.mean} a number (broadcast) or a list of d numbers;
   * {@code truth.covariance} a number (sigma^2 I), a list of d variances, or a d x d matrix.
   */
  static GaussianTruth of(int d, Object meanValue, Object covValue) {
    double[] mean = new double[d];
    if (meanValue instanceof Number n) {
      java.util.Arrays.fill(mean, n.doubleValue());
    } else {
      List<?> list = (List<?>) meanValue;
      for (int j = 0; j < d; j++) {
        mean[j] = ((Number) list.get(j)).doubleValue();
      }
    }
    double[] cov = new double[d * d];
    if (covValue instanceof Number n) {
      for (int j = 0; j < d; j++) {
        cov[j * d + j] = n.doubleValue();
      }
    } else {
      List<?> rows = (List<?>) covValue;
      for (int a = 0; a < d; a++) {
        if (rows.get(a) instanceof List<?> row) {
          for (int b = 0; b < d; b++) {
            cov[a * d + b] = ((Number) row.get(b)).doubleValue();
          }
        } else {
          cov[a * d + a] = ((Number) rows.get(a)).doubleValue();
        }
      }
    }
    return new GaussianTruth(mean, cov);
  }
}
