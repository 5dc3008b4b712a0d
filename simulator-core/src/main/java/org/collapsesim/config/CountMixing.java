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
    int[] n = new int[fractions.length + 1];
    double cumulative = 0;
    int previous = 0;
    for (int k = 0; k < fractions.length; k++) {
      cumulative += fractions[k];
      int upTo = (int) Math.floor(cumulative * samples + 0.5);
      n[k] = upTo - previous;
      previous = upTo;
    }
    n[fractions.length] = samples - previous;
    return n;
  }
}
