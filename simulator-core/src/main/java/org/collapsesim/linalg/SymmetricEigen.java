package org.collapsesim.linalg;

/**
 * Eigen-decomposition of a real symmetric d x d matrix (row-major {@code double[]}) by the cyclic
 * Jacobi eigenvalue algorithm (Jacobi 1846; Rutishauser's formulation with the threshold and
 * rounding-aware zeroing of Numerical Recipes' {@code jacobi}): sweeps of plane rotations in the
 * fixed order (p, q) = (0, 1), (0, 2), ..., (d - 2, d - 1), accumulated into the eigenvector
 * matrix, until every off-diagonal entry is zero to working precision (quadratic convergence,
 * typically 6-10 sweeps; eigenvalues accurate to ~1e-15 relative to the matrix norm).
 *
 * <p>Only IEEE {@code + - * /} and {@code sqrt} in a fixed order: bit-deterministic (README, Random
 * streams and determinism). Reads only the upper triangle (diagonal included); allocates O(d^2)
 * scratch per call.
 */
public final class SymmetricEigen {

  private static final int MAX_SWEEPS = 100;

  private SymmetricEigen() {}

  /**
   * Computes A = V diag(lambda) V^T. Eigenvalues are written in ascending order; column j of the
   * row-major {@code eigenvectorsOut} (entries {@code [i * d + j]}) is the unit eigenvector of
   * {@code eigenvaluesOut[j]}. {@code eigenvectorsOut} may be null when only eigenvalues are
   * needed; otherwise it must not be {@code a}.
   *
   * @throws ArithmeticException if the sweeps do not converge (only for non-finite input)
   */
  public static void decompose(
      double[] a, int d, double[] eigenvaluesOut, double[] eigenvectorsOut) {
    double[] w = new double[d * d];
    System.arraycopy(a, 0, w, 0, d * d);
    double[] v = eigenvectorsOut != null ? eigenvectorsOut : new double[d * d];
    java.util.Arrays.fill(v, 0, d * d, 0.0);
    double[] diag = eigenvaluesOut;
    double[] b = new double[d];
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      v[i * d + i] = 1.0;
      diag[i] = w[i * d + i];
      b[i] = diag[i];
    }
    boolean converged = false;
    for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
      double sm = 0.0;
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          sm += Math.abs(w[p * d + q]);
        }
      }
      if (sm == 0.0) {
        converged = true;
        break;
      }
      if (!(sm < Double.POSITIVE_INFINITY)) {
        break; // NaN or infinite entries
      }
      double tresh = sweep < 4 ? 0.2 * sm / ((double) d * d) : 0.0;
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          double apq = w[p * d + q];
          double g = 100.0 * Math.abs(apq);
          if (sweep > 4
              && Math.abs(diag[p]) + g == Math.abs(diag[p])
              && Math.abs(diag[q]) + g == Math.abs(diag[q])) {
            w[p * d + q] = 0.0; // below rounding of both diagonal entries
          } else if (Math.abs(apq) > tresh) {
            double h = diag[q] - diag[p];
            double t;
            if (Math.abs(h) + g == Math.abs(h)) {
              t = apq / h; // t = 1 / (2 theta) when theta is huge
            } else {
              double theta = 0.5 * h / apq;
              t = 1.0 / (Math.abs(theta) + Math.sqrt(1.0 + theta * theta));
              if (theta < 0.0) {
                t = -t;
              }
            }
            double c = 1.0 / Math.sqrt(1.0 + t * t);
            double s = t * c;
            double tau = s / (1.0 + c);
            h = t * apq;
            z[p] -= h;
            z[q] += h;
            diag[p] -= h;
            diag[q] += h;
            w[p * d + q] = 0.0;
            for (int j = 0; j < p; j++) {
              rotate(w, s, tau, j * d + p, j * d + q);
            }
            for (int j = p + 1; j < q; j++) {
              rotate(w, s, tau, p * d + j, j * d + q);
            }
            for (int j = q + 1; j < d; j++) {
              rotate(w, s, tau, p * d + j, q * d + j);
            }
            for (int j = 0; j < d; j++) {
              rotate(v, s, tau, j * d + p, j * d + q);
            }
          }
        }
      }
      for (int p = 0; p < d; p++) {
        b[p] += z[p];
        diag[p] = b[p];
        z[p] = 0.0;
      }
    }
    if (!converged) {
      throw new ArithmeticException(
          "Jacobi eigenvalue iteration did not converge (non-finite input?)");
    }
    sortAscending(diag, v, d);
  }

  private static void rotate(double[] m, double s, double tau, int ij, int kl) {
    double g = m[ij];
    double h = m[kl];
    m[ij] = g - s * (h + g * tau);
    m[kl] = h + s * (g - h * tau);
  }

  /** Selection sort with strict comparisons: ties keep their original order, deterministically. */
  private static void sortAscending(double[] values, double[] vectors, int d) {
    for (int i = 0; i < d - 1; i++) {
      int min = i;
      for (int j = i + 1; j < d; j++) {
        if (values[j] < values[min]) {
          min = j;
        }
      }
      if (min != i) {
        double tmp = values[i];
        values[i] = values[min];
        values[min] = tmp;
        for (int r = 0; r < d; r++) {
          double t = vectors[r * d + i];
          vectors[r * d + i] = vectors[r * d + min];
          vectors[r * d + min] = t;
        }
      }
    }
  }

  /** Eigenvalues only, ascending, into {@code eigenvaluesOut}. */
  public static void eigenvalues(double[] a, int d, double[] eigenvaluesOut) {
    decompose(a, d, eigenvaluesOut, null);
  }

  /**
   * The principal square root of a symmetric positive semi-definite matrix, V diag(sqrt(lambda))
   * V^T. Eigenvalues that round-off made slightly negative are clamped to 0 first (so a singular
   * PSD input gives a singular PSD root instead of NaN); a genuinely indefinite input is clamped
   * the same way, which callers must rule out. The output is exactly symmetric; it may be {@code
   * a}.
   */
  public static void sqrtm(double[] a, int d, double[] out) {
    double[] lambda = new double[d];
    double[] v = new double[d * d];
    decompose(a, d, lambda, v);
    for (int k = 0; k < d; k++) {
      lambda[k] = lambda[k] > 0.0 ? Math.sqrt(lambda[k]) : 0.0;
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double t = 0.0;
        for (int k = 0; k < d; k++) {
          t += v[i * d + k] * lambda[k] * v[j * d + k];
        }
        out[i * d + j] = t;
        out[j * d + i] = t;
      }
    }
  }

  /** The trace, summed in index order. */
  public static double trace(double[] a, int d) {
    double t = 0.0;
    for (int i = 0; i < d; i++) {
      t += a[i * d + i];
    }
    return t;
  }
}
