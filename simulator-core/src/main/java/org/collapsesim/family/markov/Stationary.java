package org.collapsesim.family.markov;

/**
 * The stationary distribution pi = pi P of a closed, irreducible finite chain over contexts stored
 * as rows (CSR: entries rowStart[c] .. rowStart[c+1]-1 lead to context succ[j] with probability
 * prob[j]); the markov truth's context law. (A fitted chain weights its contexts by their empirical
 * frequencies instead: docs/families.md, markov.)
 *
 * <p>Up to {@value #EXACT_LIMIT} contexts: exact, by the GTH algorithm ({@link #solve}: n^3 / 3
 * multiply-adds, about 5.6e6 at the limit, once per cell). Above: power iteration on the lazy chain
 * (I + P) / 2, which has the same stationary distribution as P but no periodicity, from the uniform
 * law, until the L1 change of one step is below {@value #TOLERANCE}. A chain that mixes too slowly
 * for that within {@value #MAX_ITERATIONS} steps (a sparse truth with a small Dirichlet
 * concentration: a few rare transitions between parts of the chain) is solved exactly after all
 * when it has at most {@value #DENSE_LIMIT} contexts (2.9e9 multiply-adds and 32 MB at the limit);
 * above that it is refused with an exception (a truth whose context law is wrong would bias kl_rate
 * and the held-out text of every chain), never used silently. Every path uses + - * / only, in a
 * fixed order, so the result is deterministic.
 */
final class Stationary {

  static final int EXACT_LIMIT = 256;
  static final double TOLERANCE = 1e-13;
  static final int MAX_ITERATIONS = 10_000;

  /** The most contexts solved exactly when the power iteration does not converge. */
  static final int DENSE_LIMIT = 2048;

  private Stationary() {}

  /**
   * The stationary distribution of the chain: exact up to {@link #EXACT_LIMIT} contexts, else by
   * power iteration, else (not converged) exact up to {@link #DENSE_LIMIT}.
   *
   * @throws NotConverged if the iteration did not converge on more contexts than that
   */
  static double[] of(int n, int[] rowStart, int[] succ, double[] prob) {
    if (n <= EXACT_LIMIT) {
      return solve(n, rowStart, succ, prob);
    }
    try {
      return powerIteration(n, rowStart, succ, prob, MAX_ITERATIONS);
    } catch (NotConverged notConverged) {
      if (n <= DENSE_LIMIT) {
        return solve(n, rowStart, succ, prob);
      }
      throw notConverged;
    }
  }

  /**
   * The GTH algorithm (Grassmann, Taksar and Heyman, "Regenerative analysis and steady state
   * distributions for Markov chains", Operations Research 33(5), 1985): states are censored out one
   * by one from the last, each step dividing by the censored state's total rate to the states left
   * (a sum of probabilities, not 1 - P(k, k)), then pi is rebuilt forwards. Only additions of
   * non-negative terms, multiplications and divisions, so the result is accurate to rounding even
   * when the chain is nearly decomposable (rare transitions between its parts), where Gaussian
   * elimination on pi (P - I) = 0 loses digits in proportion to the inverse of those rates.
   *
   * @throws IllegalStateException if the chain is not irreducible
   */
  static double[] solve(int n, int[] rowStart, int[] succ, double[] prob) {
    double[][] p = new double[n][n];
    for (int c = 0; c < n; c++) {
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        p[c][succ[j]] += prob[j];
      }
    }
    for (int k = n - 1; k > 0; k--) {
      double[] censored = p[k];
      double out = 0; // state k's rate to the states 0..k-1 that remain
      for (int j = 0; j < k; j++) {
        out += censored[j];
      }
      if (out == 0.0) {
        throw new IllegalStateException(
            "the chain over " + n + " contexts is not irreducible: no unique stationary law");
      }
      for (int i = 0; i < k; i++) {
        double[] row = p[i];
        double via = row[k] / out;
        row[k] = via;
        if (via != 0.0) {
          for (int j = 0; j < k; j++) {
            row[j] += via * censored[j];
          }
        }
      }
    }
    double[] pi = new double[n];
    pi[0] = 1.0;
    double total = 1.0;
    for (int j = 1; j < n; j++) {
      double s = 0;
      for (int i = 0; i < j; i++) {
        s += pi[i] * p[i][j];
      }
      pi[j] = s;
      total += s;
    }
    for (int j = 0; j < n; j++) {
      pi[j] /= total;
    }
    return pi;
  }

  /** A power iteration that did not converge within its steps. */
  static final class NotConverged extends IllegalStateException {
    NotConverged(String message) {
      super(message);
    }
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
      throw new NotConverged(
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
