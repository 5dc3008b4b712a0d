package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a replicate mean with a closed form within {@code z} standard errors measured from the
 * replicates themselves (docs/theory.md). With z = 4 and a mean of R >= 200 replicates close to
 * normal, one comparison fails by chance with probability about 6.3e-5.
 */
public final class TheoryAssert {

  private TheoryAssert() {}

  public static void assertMeanNear(String what, double expected, double[] values, double z) {
    int n = values.length;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    double statistic = (mean - expected) / se;
    if (!(Math.abs(statistic) <= z)) {
      fail(
          String.format(
              "%s: replicate mean %.6g, theory %.6g, se %.3g, z = %.2f (allowed |z| <= %.1f, n = %d)",
              what, mean, expected, se, statistic, z, n));
    }
  }
}
