package org.collapsesim.family.markov;

/**
 * The stationary distribution of a finite chain over contexts stored as rows (CSR: entries
 * rowStart[c] .. rowStart[c+1]-1 lead to context succ[j] with probability prob[j]).
 *
 * <p>Power iteration on the lazy chain (I + P) / 2, which has the same stationary distribution as P
 * but no periodicity, from a given start, until the L1 change of one step is below {@value
 * #TOLERANCE} or after {@value #MAX_ITERATIONS} steps (a fixed rule, so the result is
 * deterministic). The distribution is unique only when the chain is closed and irreducible, which
 * {@link #closedAndIrreducible} checks.
 */
final class Stationary {

  static final double TOLERANCE = 1e-13;
  static final int MAX_ITERATIONS = 10_000;

  private Stationary() {}

  /**
   * Whether every entry leads to a listed context (succ[j] >= 0) and every context reaches, and is
   * reached from, context 0 (one communicating class).
   */
  static boolean closedAndIrreducible(int n, int[] rowStart, int[] succ) {
    int nnz = rowStart[n];
    for (int j = 0; j < nnz; j++) {
      if (succ[j] < 0) {
        return false;
      }
    }
    for (int c = 0; c < n; c++) {
      if (rowStart[c + 1] == rowStart[c]) {
        return false;
      }
    }
    if (reached(n, rowStart, succ) < n) {
      return false;
    }
    // the reverse graph in CSR form
    int[] reverseStart = new int[n + 1];
    for (int j = 0; j < nnz; j++) {
      reverseStart[succ[j] + 1]++;
    }
    for (int c = 0; c < n; c++) {
      reverseStart[c + 1] += reverseStart[c];
    }
    int[] fill = reverseStart.clone();
    int[] predecessor = new int[nnz];
    for (int c = 0; c < n; c++) {
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        predecessor[fill[succ[j]]++] = c;
      }
    }
    return reached(n, reverseStart, predecessor) == n;
  }

  /** Contexts reachable from context 0 along the edges (depth-first, explicit stack). */
  private static int reached(int n, int[] start, int[] target) {
    boolean[] seen = new boolean[n];
    int[] stack = new int[n];
    int top = 0;
    stack[top++] = 0;
    seen[0] = true;
    int count = 1;
    while (top > 0) {
      int c = stack[--top];
      for (int j = start[c]; j < start[c + 1]; j++) {
        int s = target[j];
        if (!seen[s]) {
          seen[s] = true;
          count++;
          stack[top++] = s;
        }
      }
    }
    return count;
  }

  /**
   * Overwrites {@code pi} (a distribution on entry: the start) with the stationary distribution.
   */
  static void powerIteration(int n, int[] rowStart, int[] succ, double[] prob, double[] pi) {
    double[] next = new double[n];
    double[] current = pi;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
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
      double change = 0;
      for (int c = 0; c < n; c++) {
        next[c] /= sum;
        change += Math.abs(next[c] - current[c]);
      }
      double[] swap = current;
      current = next;
      next = swap;
      if (change < TOLERANCE) {
        break;
      }
    }
    if (current != pi) {
      System.arraycopy(current, 0, pi, 0, n);
    }
  }
}
