package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pearson's chi-square goodness-of-fit test for tests: adjacent bins with expected counts below 5
 * are merged, and the statistic is compared with the upper 1e-4 quantile of chi-square with (bins -
 * 1) degrees of freedom (Wilson-Hilferty approximation, accurate to about 1% in the quantile for
 * dof >= 3), so one test fails by chance with probability about 1e-4.
 */
public final class ChiSquare {

  /** The standard normal upper 1e-4 point. */
  private static final double Z = 3.719016485455709;

  private ChiSquare() {}

  /**
   * Pearson's test of {@code deviates} on {@code bins} equiprobable bins, whose inner edges are the
   * law's quantiles at 1 / bins, 2 / bins, ...
   */
  public static void assertFitsEquiprobableBins(
      String what, double[] deviates, java.util.function.DoubleUnaryOperator quantile, int bins) {
    double[] edges = new double[bins - 1];
    for (int b = 1; b < bins; b++) {
      edges[b - 1] = quantile.applyAsDouble(b / (double) bins);
    }
    long[] counts = new long[bins];
    for (double x : deviates) {
      int pos = Arrays.binarySearch(edges, x);
      counts[pos >= 0 ? pos + 1 : -pos - 1]++;
    }
    double[] p = new double[bins];
    Arrays.fill(p, 1.0 / bins);
    assertFits(what, counts, p);
  }

  public static void assertFits(String what, long[] observed, double[] probabilities) {
    long n = Arrays.stream(observed).sum();
    List<double[]> bins = new ArrayList<>(); // {observed, expected}
    double o = 0;
    double e = 0;
    for (int i = 0; i < observed.length; i++) {
      o += observed[i];
      e += probabilities[i] * n;
      if (e >= 5) {
        bins.add(new double[] {o, e});
        o = 0;
        e = 0;
      }
    }
    if (e > 0 || o > 0) {
      if (bins.isEmpty()) {
        bins.add(new double[] {o, e});
      } else {
        double[] last = bins.get(bins.size() - 1);
        last[0] += o;
        last[1] += e;
      }
    }
    double statistic = 0;
    for (double[] b : bins) {
      statistic += (b[0] - b[1]) * (b[0] - b[1]) / b[1];
    }
    int dof = bins.size() - 1;
    double a = 2.0 / (9.0 * dof);
    double critical = dof * Math.pow(1 - a + Z * Math.sqrt(a), 3);
    if (!(statistic <= critical)) {
      StringBuilder shown = new StringBuilder();
      for (double[] b : bins) {
        shown.append(String.format(" (%.0f vs %.1f)", b[0], b[1]));
      }
      fail(
          String.format(
              "%s: chi-square %.2f > %.2f (dof %d, alpha 1e-4); bins (observed vs expected):%s",
              what, statistic, critical, dof, shown));
    }
  }
}
