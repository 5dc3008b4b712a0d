package org.collapsesim.linalg;

import java.util.SplittableRandom;

/** Random test matrices. */
final class LinalgTestSupport {

  private LinalgTestSupport() {}

  /** A random symmetric positive definite matrix B B^T + ridge I. */
  static double[] randomSpd(SplittableRandom rnd, int d, double ridge) {
    double[] b = new double[d * d];
    for (int i = 0; i < d * d; i++) {
      b[i] = rnd.nextDouble(-1.0, 1.0);
    }
    double[] a = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double t = 0.0;
        for (int k = 0; k < d; k++) {
          t += b[i * d + k] * b[j * d + k];
        }
        a[i * d + j] = t;
      }
      a[i * d + i] += ridge;
    }
    return a;
  }

  static double[] multiply(double[] a, double[] b, int d) {
    double[] out = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double t = 0.0;
        for (int k = 0; k < d; k++) {
          t += a[i * d + k] * b[k * d + j];
        }
        out[i * d + j] = t;
      }
    }
    return out;
  }

  static double maxAbs(double[] a) {
    double m = 0.0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static double maxAbsDiff(double[] a, double[] b) {
    double m = 0.0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
