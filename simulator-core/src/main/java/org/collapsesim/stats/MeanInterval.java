package org.collapsesim.stats;

/**
 * A mean over replicates with its two-sided 95% Student t interval, mean +- t(0.975, n - 1) * sd /
 * sqrt(n) (README, Output, cells table: final-generation metric means with 95% intervals). The
 * mean, sd and se are exactly those of {@link ReplicateSummary} for the same values, so the two
 * tables agree bit for bit.
 *
 * @param n the number of values
 * @param mean the mean, null when n = 0 or +Infinity and -Infinity both occur
 * @param halfWidth t(0.975, n - 1) * se; null when n &lt; 2 or any value is infinite
 * @param lower mean - halfWidth, null with halfWidth
 * @param upper mean + halfWidth, null with halfWidth
 */
public record MeanInterval(int n, Double mean, Double halfWidth, Double lower, Double upper) {

  /** The level of the interval. */
  public static final double LEVEL = 0.95;

  /**
   * The mean and 95% interval of {@code values}, given in replicate order.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public static MeanInterval of(double[] values) {
    return of(ReplicateSummary.of(values));
  }

  /** The mean and 95% interval from an existing summary. */
  public static MeanInterval of(ReplicateSummary summary) {
    int n = summary.n();
    if (summary.se() == null) {
      return new MeanInterval(n, summary.mean(), null, null, null);
    }
    double mean = summary.mean();
    double half = StudentT.quantile(0.5 + LEVEL / 2, n - 1) * summary.se();
    return new MeanInterval(n, mean, half, mean - half, mean + half);
  }
}
