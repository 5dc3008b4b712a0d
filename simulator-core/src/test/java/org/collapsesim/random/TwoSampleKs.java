package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test for tests: D = sup |F_a - F_b| against the asymptotic
 * critical value c(alpha) sqrt((n + m) / (n m)), c = sqrt(-ln(alpha / 2) / 2), at alpha = 1e-4 (c =
 * 2.2252). Ties make the test conservative, never anti-conservative. Prints D, the critical value,
 * both sample sizes and the point of largest difference on failure.
 */
public final class TwoSampleKs {

  public static final double ALPHA = 1e-4;
  private static final double C = Math.sqrt(-Math.log(ALPHA / 2) / 2);

  private TwoSampleKs() {}

  /** The statistic D. */
  public static double statistic(double[] a, double[] b) {
    return scan(a, b)[0];
  }

  /** {D, the point where it is reached}. */
  private static double[] scan(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    double at = Double.NaN;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      double diff = Math.abs((double) i / x.length - (double) j / y.length);
      if (diff > d) {
        d = diff;
        at = v;
      }
    }
    return new double[] {d, at};
  }

  public static void assertSameDistribution(String what, double[] a, double[] b) {
    double[] r = scan(a, b);
    double n = a.length;
    double m = b.length;
    double critical = C * Math.sqrt((n + m) / (n * m));
    if (!(r[0] <= critical)) {
      fail(
          String.format(
              "%s: two-sample KS D = %.4f > %.4f (alpha %.0e, n %d, m %d), largest at %.6g;"
                  + " means %.6g vs %.6g",
              what,
              r[0],
              critical,
              ALPHA,
              a.length,
              b.length,
              r[1],
              Arrays.stream(a).average().orElse(Double.NaN),
              Arrays.stream(b).average().orElse(Double.NaN)));
    }
  }
}
