package org.collapsesim.stats;

import java.util.function.IntToDoubleFunction;

/**
 * The summary of one metric over a cell's replicates at one generation (README, Output): n, mean,
 * sd (n - 1 denominator), se = sd / sqrt(n), the 5%, 50% and 95% quantiles by linear interpolation
 * (R type 7, numpy's default), min and max. A component that is not defined is {@code null}, never
 * NaN or a sentinel. The summary takes time linear in n: the quantiles, min and max are found by
 * selection ({@link OrderStatistics}), bit for bit the values a sort would give.
 *
 * <p>Determinism: the mean is summed left to right and the sd is two-pass (mean first, then the
 * squared deviations from it summed left to right), both in the order given. Callers pass the
 * values in replicate order, so the result does not depend on the order in which partitions or
 * retries delivered them. Quantiles, min and max depend only on the multiset of values.
 *
 * <p>Infinities: the mean propagates +-Infinity; with both +Infinity and -Infinity present it is
 * undefined and {@code null}. sd and se are {@code null} when any value is infinite (README,
 * Output) or n &lt; 2. Quantiles interpolate by limits, so any positive weight on an infinite
 * neighbour gives that infinity, and an interpolation between -Infinity and +Infinity is {@code
 * null}.
 *
 * @param n the number of values (replicates with status ok)
 */
public record ReplicateSummary(
    int n,
    Double mean,
    Double sd,
    Double se,
    Double q05,
    Double q50,
    Double q95,
    Double min,
    Double max) {

  /** The summary of no values: n = 0 and every statistic null. */
  public static final ReplicateSummary EMPTY =
      new ReplicateSummary(0, null, null, null, null, null, null, null, null);

  /**
   * Summarizes {@code values}, given in replicate order; the array is not modified.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public static ReplicateSummary of(double[] values) {
    int n = values.length;
    boolean posInf = false;
    boolean negInf = false;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (v != v) {
        throw new IllegalArgumentException(
            "values[" + i + "] is NaN; replicate values must be numbers or +-Infinity");
      }
      posInf |= v == Double.POSITIVE_INFINITY;
      negInf |= v == Double.NEGATIVE_INFINITY;
    }
    if (n == 0) {
      return EMPTY;
    }
    Double mean = posInf && negInf ? null : mean(values);
    Double sd = null;
    Double se = null;
    if (n >= 2 && !posInf && !negInf) {
      double s = sd(values, mean);
      sd = s;
      se = s / Math.sqrt(n);
    }
    OrderStatistics x = new OrderStatistics(values);
    return new ReplicateSummary(
        n,
        mean,
        sd,
        se,
        quantile(x, 0.05),
        quantile(x, 0.5),
        quantile(x, 0.95),
        x.get(0),
        x.get(n - 1));
  }

  /**
   * Left-to-right mean of NaN-free values not holding both infinities. If the plain sum of finite
   * values overflows, it is redone on values scaled by 2^-16 (exact for all but subnormal values,
   * whose loss cannot matter next to an overflowing sum).
   */
  private static double mean(double[] values) {
    int n = values.length;
    double sum = 0.0;
    for (double v : values) {
      sum += v;
    }
    if (Double.isInfinite(sum) && allFinite(values)) {
      double scaled = 0.0;
      for (double v : values) {
        scaled += v * 0x1p-16;
      }
      return (scaled / n) * 0x1p16;
    }
    return sum / n;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (Double.isInfinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Two-pass sample standard deviation (n - 1 denominator) of finite values around {@code mean}.
   */
  private static double sd(double[] values, double mean) {
    double ss = 0.0;
    for (double v : values) {
      double dev = v - mean;
      ss += dev * dev;
    }
    return Math.sqrt(ss / (values.length - 1));
  }

  /**
   * The p-quantile of ascending, NaN-free {@code sorted} values by linear interpolation (R type 7,
   * numpy's default): h = (n - 1) p, lo = floor(h), q = x[lo] + (h - lo) (x[lo + 1] - x[lo]). Equal
   * neighbours (including two equal infinities) return that value; a positive weight on an infinite
   * neighbour returns that infinity; between -Infinity and +Infinity the quantile is undefined and
   * null.
   *
   * @param p in [0, 1]
   * @return null for an empty array or an undefined interpolation
   */
  public static Double quantileSorted(double[] sorted, double p) {
    return quantile(sorted.length, p, i -> sorted[i]);
  }

  /** {@link #quantileSorted} over order statistics found by selection. */
  public static Double quantile(OrderStatistics x, double p) {
    return quantile(x.size(), p, x::get);
  }

  /** The one definition behind both: {@code ranked.applyAsDouble(r)} is the value of rank r. */
  private static Double quantile(int n, double p, IntToDoubleFunction ranked) {
    if (n == 0) {
      return null;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return ranked.applyAsDouble(n - 1);
    }
    double frac = h - lo;
    double a = ranked.applyAsDouble(lo);
    if (frac == 0.0) {
      return a;
    }
    double b = ranked.applyAsDouble(lo + 1);
    if (a == b) {
      return a;
    }
    if (a == Double.NEGATIVE_INFINITY) {
      return b == Double.POSITIVE_INFINITY ? null : a;
    }
    if (b == Double.POSITIVE_INFINITY) {
      return b;
    }
    return a + frac * (b - a);
  }
}
