package org.collapsesim.family.markov;

/**
 * The stationary distribution pi = pi P of a closed, irreducible finite chain over contexts stored
 * as rows (CSR: entries rowStart[c] .. rowStart[c+1]-1 lead to context succ[j] with probability
 * prob[j]); the markov truth's context law. (A fitted chain weights its contexts by their empirical
 * frequencies instead: docs/families.md, markov.)
 *
 * <p>Up to {@value #EXACT_LIMIT} contexts: exact, by Gaussian elimination with partial pivoting on
 * the n linear equations pi (P - I) = 0 with the last one replaced by sum pi = 1 (n^3 / 3
 * multiply-adds, about 5.6e6 at the limit, once per cell). Above: power iteration on the lazy chain
 * (I + P) / 2, which has the same stationary distribution as P but no periodicity, from the uniform
 * law, until the L1 change of one step is below {@value #TOLERANCE}; a chain that has not converged
 * after {@value #MAX_ITERATIONS} steps is refused with an exception (a truth whose context law is
 * wrong would bias kl_rate and the held-out text of every chain), never used silently. Both paths
 * use + - * / only, in a fixed order, so the result is deterministic.
 */
final class Stationary {

  static final int EXACT_LIMIT = 256;
  static final double TOLERANCE = 1e-13;
  static final int MAX_ITERATIONS = 10_000;

  private Stationary() {}

  /** The stationary distribution of the chain: exact up to {@link #EXACT_LIMIT} contexts. */
  static double[] of(int n, int[] rowStart, int[] succ, double[] prob) {
    return n <= EXACT_LIMIT
        ? solve(n, rowStart, succ, prob)
        : powerIteration(n, rowStart, succ, prob, MAX_ITERATIONS);
  }

  /** Gaussian elimination with partial pivoting on (P^T - I) with the last row set to ones. */
  static double[] solve(int n, int[] rowStart, int[] succ, double[] prob) {
    double[][] a = new double[n][n + 1]; // augmented: column n is the right-hand side
    for (int c = 0; c < n; c++) {
      a[c][c] = -1.0;
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        a[succ[j]][c] += prob[j]; // equation for pi(succ): sum_c pi(c) P(c, succ) - pi(succ) = 0
      }
    }
    java.util.Arrays.fill(a[n - 1], 1.0); // sum_c pi(c) = 1
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (a[pivot][col] == 0.0) {
        throw new IllegalStateException(
            "the chain over " + n + " contexts is not irreducible: no unique stationary law");
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      double[] top = a[col];
      for (int r = col + 1; r < n; r++) {
        double factor = a[r][col] / top[col];
        if (factor != 0.0) {
          double[] row = a[r];
          for (int k = col; k <= n; k++) {
            row[k] -= factor * top[k];
          }
        }
      }
    }
    double[] pi = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = a[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * pi[k];
      }
      pi[r] = s / a[r][r];
    }
    return pi;
  }

  /** Power iteration on the lazy chain from the uniform law; throws when it does not converge. */
  static double[] powerIteration(
      int n, int[] rowStart, int[] succ, double[] prob, int maxIterations) {
    double[] current = new double[n];
    java.util.Arrays.fill(current, 1.0 / n);
    double[] next = new double[n];
    double change = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration < maxIterations && change >= TOLERANCE; iteration++) {
      for (int c = 0; c < n; c++) {
        next[c] = 0.5 * current[c];
      }
      for (int c = 0; c < n; c++) {
        double half = 0.5 * current[c];
        for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
          next[succ[j]] += half * prob[j];
        }
      }
      double sum = 0;
      for (int c = 0; c < n; c++) {
        sum += next[c];
      }
      change = 0;
      for (int c = 0; c < n; c++) {
        next[c] /= sum;
        change += Math.abs(next[c] - current[c]);
      }
      double[] swap = current;
      current = next;
      next = swap;
    }
    if (change >= TOLERANCE) {
      throw new IllegalStateException(
          "the stationary law of the truth's chain over "
              + n
              + " contexts did not converge: L1 change "
              + change
              + " after "
              + maxIterations
              + " power steps (tolerance "
              + TOLERANCE
              + ")");
    }
    return current;
  }
}
