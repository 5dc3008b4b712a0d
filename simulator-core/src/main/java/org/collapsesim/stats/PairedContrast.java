package org.collapsesim.stats;

/**
 * The paired comparison of one metric between a cell and its baseline over common replicates: the
 * mean of the differences d_i = x_i - y_i (cell minus baseline, pair i = one replicate, so the same
 * world and the same random streams), its standard error sd(d) / sqrt(n), and the standard error an
 * unpaired comparison of the same values would have had, sqrt(sd(x)^2 / n + sd(y)^2 / n). Common
 * random numbers make d_i much less variable than x_i and y_i apart when the two chains are
 * positively correlated; the ratio of the two standard errors is that variance reduction (the
 * method of common random numbers, e.g. Glasserman, Monte Carlo Methods in Financial Engineering,
 * §4.2).
 *
 * <p>Determinism: every sum runs in the order given, and callers pass replicates in ascending
 * order, so the result does not depend on how partitions delivered them ({@link ReplicateSummary}).
 * A component that is undefined is {@code null}: the mean and its se when a difference is infinite
 * or undefined (infinity minus infinity), the unpaired se when any value is infinite, either se
 * when n &lt; 2.
 *
 * @param nPairs the number of replicates where both chains are ok
 * @param diffMean mean of x_i - y_i
 * @param diffSe sd of the differences (n - 1 denominator) / sqrt(n)
 * @param unpairedSe sqrt(sd(x)^2 / n + sd(y)^2 / n) over the same pairs
 */
public record PairedContrast(int nPairs, Double diffMean, Double diffSe, Double unpairedSe) {

  /**
   * The contrast of {@code cell} against {@code baseline}, index i of both being replicate i's
   * value (only replicates where both chains are ok, in ascending replicate order).
   *
   * @throws IllegalArgumentException if the lengths differ or a value is NaN
   */
  public static PairedContrast of(double[] cell, double[] baseline) {
    if (cell.length != baseline.length) {
      throw new IllegalArgumentException(
          "cell has "
              + cell.length
              + " values but baseline has "
              + baseline.length
              + "; a paired contrast needs one value of each per replicate");
    }
    int n = cell.length;
    ReplicateSummary x = ReplicateSummary.of(cell); // rejects NaN
    ReplicateSummary y = ReplicateSummary.of(baseline);
    double[] diffs = new double[n];
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      diffs[i] = cell[i] - baseline[i];
      finite &= Double.isFinite(diffs[i]);
    }
    Double diffMean = null;
    Double diffSe = null;
    if (finite && n > 0) {
      ReplicateSummary d = ReplicateSummary.of(diffs);
      diffMean = d.mean();
      diffSe = d.se();
    }
    Double unpairedSe = null;
    if (x.sd() != null && y.sd() != null) {
      double sx = x.sd();
      double sy = y.sd();
      unpairedSe = Math.sqrt(sx * sx / n + sy * sy / n);
    }
    return new PairedContrast(n, diffMean, diffSe, unpairedSe);
  }
}
