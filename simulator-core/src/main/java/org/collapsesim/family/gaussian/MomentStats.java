package org.collapsesim.family.gaussian;

import org.collapsesim.kernel.KernelSupport;
import org.collapsesim.kernel.Kernels;

/**
 * Sufficient statistics of the Gaussian family: count, mean and scatter matrix sum (x - mean)(x -
 * mean)^T, merged with Chan, Golub and LeVeque's pairwise update ("Algorithms for computing the
 * sample variance", 1983) so that pooled statistics never need the raw samples.
 */
final class MomentStats {

  final int d;
  long n;
  final double[] mean;
  final double[] scatter;

  MomentStats(int d) {
    this.d = d;
    this.mean = new double[d];
    this.scatter = new double[d * d];
  }

  /** Two passes over the batch: the mean, then the scatter about it. */
  void setFrom(SampleMatrix batch) {
    java.util.Arrays.fill(mean, 0.0);
    java.util.Arrays.fill(scatter, 0.0);
    n = batch.size;
    if (n == 0) {
      return;
    }
    double[] x = batch.x;
    // d = 1, the hot case: fixed-order 8-lane reductions (the kernel twins of docs/internals.md)
    if (d == 1) {
      KernelSupport k = Kernels.get();
      mean[0] = k.sum(x, batch.size) / n;
      scatter[0] = k.sumSquaredDeviations(x, batch.size, mean[0]);
      return;
    }
    for (int i = 0; i < batch.size; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[] centered = new double[d];
    for (int i = 0; i < batch.size; i++) {
      for (int j = 0; j < d; j++) {
        centered[j] = x[i * d + j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ca = centered[a];
        for (int b = 0; b <= a; b++) {
          scatter[a * d + b] += ca * centered[b];
        }
      }
    }
    mirrorLower();
  }

  /** this <- this (+) other. */
  void merge(MomentStats other) {
    if (other.n == 0) {
      return;
    }
    if (n == 0) {
      copyFrom(other);
      return;
    }
    double total = (double) n + other.n;
    double weight = (double) n * other.n / total;
    double[] delta = new double[d];
    for (int j = 0; j < d; j++) {
      delta[j] = other.mean[j] - mean[j];
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        scatter[a * d + b] += other.scatter[a * d + b] + delta[a] * delta[b] * weight;
      }
    }
    double share = other.n / total;
    for (int j = 0; j < d; j++) {
      mean[j] += delta[j] * share;
    }
    n += other.n;
  }

  void copyFrom(MomentStats other) {
    n = other.n;
    // plain loops: at d = 1, several times a generation, System.arraycopy's call costs more
    for (int j = 0; j < d; j++) {
      mean[j] = other.mean[j];
    }
    for (int j = 0; j < d * d; j++) {
      scatter[j] = other.scatter[j];
    }
  }

  private void mirrorLower() {
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        scatter[b * d + a] = scatter[a * d + b];
      }
    }
  }
}
