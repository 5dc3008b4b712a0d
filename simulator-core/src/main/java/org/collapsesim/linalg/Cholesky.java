package org.collapsesim.linalg;

import org.collapsesim.math.DetMath;

/**
 * Cholesky factorization A = L L^T of a symmetric positive definite d x d matrix stored row-major
 * in a {@code double[]} (Cholesky-Crout, column by column), and what the factor gives: log
 * determinant, solves, the inverse, and L z for sampling N(mu, A) as mu + L z.
 *
 * <p>Only IEEE {@code + - * /}, {@code sqrt} and {@link DetMath#log} are used, in a fixed order, so
 * results are bit-deterministic (README, Random streams and determinism). Methods write into
 * caller-supplied arrays; only {@link #inverse} allocates a d x d scratch array. Arguments are not
 * re-checked: callers pass arrays of length at least d * d (matrices) or d (vectors).
 */
public final class Cholesky {

  private Cholesky() {}

  /**
   * Factors A = L L^T. Reads only the lower triangle (diagonal included) of {@code a}; writes L
   * into {@code lowerOut} with its strict upper triangle set to 0. {@code lowerOut} may be {@code
   * a} itself.
   *
   * @return false, leaving {@code lowerOut} partly written, when A is not (numerically) positive
   *     definite: a pivot is &lt;= 0 or NaN
   */
  public static boolean decompose(double[] a, int d, double[] lowerOut) {
    return factor(a, d, lowerOut) < 0;
  }

  /**
   * Factors A = L L^T as {@link #decompose} does.
   *
   * @return -1, or the first pivot (0-based row) that is &lt;= 0 or NaN: where A fails to be
   *     (numerically) positive definite, which config messages name
   */
  public static int factor(double[] a, int d, double[] lowerOut) {
    for (int j = 0; j < d; j++) {
      int rowJ = j * d;
      double s = a[rowJ + j];
      for (int k = 0; k < j; k++) {
        double v = lowerOut[rowJ + k];
        s -= v * v;
      }
      if (!(s > 0.0)) {
        return j;
      }
      double ljj = Math.sqrt(s);
      lowerOut[rowJ + j] = ljj;
      for (int i = j + 1; i < d; i++) {
        int rowI = i * d;
        double t = a[rowI + j];
        for (int k = 0; k < j; k++) {
          t -= lowerOut[rowI + k] * lowerOut[rowJ + k];
        }
        lowerOut[rowI + j] = t / ljj;
      }
      for (int i = j + 1; i < d; i++) {
        lowerOut[rowJ + i] = 0.0; // upper triangle of row j is never read as input
      }
    }
    return -1;
  }

  /**
   * The first pivot where {@link #factor} fails on the symmetric {@code matrix} (rows of equal
   * length), or -1 if it is positive definite: the check configs run on a covariance.
   */
  public static int failedPivot(java.util.List<java.util.List<Double>> matrix) {
    int d = matrix.size();
    double[] a = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        a[i * d + j] = matrix.get(i).get(j);
      }
    }
    return factor(a, d, new double[d * d]);
  }

  /** ln det A = 2 sum ln L_ii from the factor L of A. */
  public static double logDet(double[] lower, int d) {
    double s = 0.0;
    for (int i = 0; i < d; i++) {
      s += DetMath.log(lower[i * d + i]);
    }
    return 2.0 * s;
  }

  /** Solves L y = b (forward substitution); {@code out} may be {@code b}. */
  public static void solveLower(double[] lower, int d, double[] b, double[] out) {
    for (int i = 0; i < d; i++) {
      int row = i * d;
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= lower[row + k] * out[k];
      }
      out[i] = t / lower[row + i];
    }
  }

  /** Solves L^T x = y (back substitution); {@code out} may be {@code y}. */
  public static void solveUpperTransposed(double[] lower, int d, double[] y, double[] out) {
    for (int i = d - 1; i >= 0; i--) {
      double t = y[i];
      for (int k = i + 1; k < d; k++) {
        t -= lower[k * d + i] * out[k];
      }
      out[i] = t / lower[i * d + i];
    }
  }

  /** Solves A x = b given the factor L of A; {@code out} may be {@code b}. */
  public static void solve(double[] lower, int d, double[] b, double[] out) {
    solveLower(lower, d, b, out);
    solveUpperTransposed(lower, d, out, out);
  }

  /**
   * A^-1 = L^-T L^-1 given the factor L of a symmetric positive definite A. The result is exactly
   * symmetric (each entry is computed once and mirrored). Allocates one d x d scratch array.
   */
  public static void inverse(double[] lower, int d, double[] out) {
    double[] inv = new double[d * d]; // L^-1, lower triangular
    for (int j = 0; j < d; j++) {
      inv[j * d + j] = 1.0 / lower[j * d + j];
      for (int i = j + 1; i < d; i++) {
        int row = i * d;
        double t = 0.0;
        for (int k = j; k < i; k++) {
          t -= lower[row + k] * inv[k * d + j];
        }
        inv[row + j] = t / lower[row + i];
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double t = 0.0;
        for (int k = i; k < d; k++) { // (L^-1)_{k i} is zero for k < i
          t += inv[k * d + i] * inv[k * d + j];
        }
        out[i * d + j] = t;
        out[j * d + i] = t;
      }
    }
  }

  /** out = L z (lower-triangular product); {@code out} may be {@code z}. */
  public static void multiplyLower(double[] lower, int d, double[] z, double[] out) {
    for (int i = d - 1; i >= 0; i--) { // bottom up, so z[k], k < i, is still unread input
      int row = i * d;
      double t = 0.0;
      for (int k = 0; k <= i; k++) {
        t += lower[row + k] * z[k];
      }
      out[i] = t;
    }
  }

  /** out = mu + L z, the affine map that turns standard normals z into N(mu, L L^T) draws. */
  public static void multiplyLowerAdd(
      double[] lower, int d, double[] z, double[] mu, double[] out) {
    multiplyLower(lower, d, z, out);
    for (int i = 0; i < d; i++) {
      out[i] = mu[i] + out[i];
    }
  }
}
