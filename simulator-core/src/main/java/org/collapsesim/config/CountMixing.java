package org.collapsesim.config;

/**
 * How count mixing shares the M samples of a generation among its sources: with F_0 = 0 and F_k the
 * sum of the first k fractions, source k gets floor(F_k M + 0.5) - floor(F_{k-1} M + 0.5) samples,
 * so the counts never exceed M; the synthetic part gets the rest. One function for validation, the
 * loop and the theories.
 */
public final class CountMixing {

  private CountMixing() {}

  /**
   * The sample counts of count mixing.
   *
   * @param samples M
   * @param fractions the sources' fractions in order (exogenous first), summing to at most 1
   * @return one count per source, then the synthetic rest
   */
  public static int[] counts(int samples, double[] fractions) {
    return counts(samples, fractions, fractions.length, new int[fractions.length + 1]);
  }

  /**
   * The sample counts of count mixing of the first k fractions, written into {@code out} (k + 1
   * entries: one per source, then the synthetic rest), for a caller that shares M every generation.
   */
  public static int[] counts(int samples, double[] fractions, int k, int[] out) {
    double cumulative = 0;
    int previous = 0;
    for (int i = 0; i < k; i++) {
      cumulative += fractions[i];
      int upTo = (int) Math.floor(cumulative * samples + 0.5);
      out[i] = upTo - previous;
      previous = upTo;
    }
    out[k] = samples - previous;
    return out;
  }
}
