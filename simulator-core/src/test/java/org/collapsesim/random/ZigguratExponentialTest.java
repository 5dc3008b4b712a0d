package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat exponential generator: its tables, and its law against Exp(1) by a chi-square on 200
 * equiprobable bins, a chi-square on the tail beyond 4 (across r, where the base strip's tail takes
 * over), a one-sample Kolmogorov-Smirnov test and moments. Seeds fixed, not chosen. The chi-squares
 * fail by chance with probability about 1e-4 each ({@link ChiSquare}), the KS test 1e-4, the
 * z-tests 1e-5 each (|z| &lt;= 4.42): about 3e-4 for the class. The reference law is F(x) = 1 -
 * exp(-x), computed by {@link Math}, independent of the generator's {@code DetMath}.
 */
class ZigguratExponentialTest {

  /** Two-sided 1e-5 point of the standard normal. */
  private static final double Z = 4.417173413469;

  private static double[] deviates(long key, int n) {
    RandomStream rng = new RandomStream(key);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = ZigguratExponential.next(rng);
    }
    return x;
  }

  /** Deterministic: the boxes have equal area, and r and v are Marsaglia and Tsang's. */
  @Test
  void boxesHaveEqualAreaAndTheBaseEdgeIsMarsagliaTsangs() {
    double[] x = ZigguratExponential.edges();
    double v = ZigguratExponential.V;
    // Marsaglia and Tsang (2000), exponential, 256 boxes: r = 7.69711747013104972, v =
    // 0.0039496598225815571993
    assertEquals(7.69711747013104972, ZigguratExponential.R, 1e-13);
    assertEquals(0.0039496598225815571993, v, 1e-15);
    assertEquals(ZigguratExponential.R, x[1]);
    assertEquals(0.0, x[256]);
    assertEquals(v, x[0] * Math.exp(-x[1]), 1e-15 * v, "base box");
    for (int i = 1; i < 256; i++) {
      assertTrue(x[i + 1] < x[i], "edges decrease at " + i);
      assertEquals(v, x[i] * (Math.exp(-x[i + 1]) - Math.exp(-x[i])), 1e-9 * v, "box " + i);
    }
  }

  /** 200 equiprobable bins, n = 2,000,000 (10,000 expected per bin): false failure 1e-4. */
  @Test
  void chiSquareOnTwoHundredEquiprobableBins() {
    ChiSquare.assertFitsEquiprobableBins(
        "exponential ziggurat in 200 equiprobable bins",
        deviates(StreamKeys.hash(2026, 1), 2_000_000),
        q -> -Math.log1p(-q),
        200);
  }

  /**
   * The tail and the wedges near it, binned at 4, 5, 6, 7, r = 7.697 (beyond which the base strip
   * draws r + Exp(1)), 8.5, 10 and 12; n = 20,000,000 (about 366,000 beyond 4, 9,100 beyond r, 123
   * beyond 12). Chi-square, false failure 1e-4.
   */
  @Test
  void tailBeyondFourFollowsTheExponentialTail() {
    double[] cut = {4, 5, 6, 7, ZigguratExponential.R, 8.5, 10, 12};
    long[] counts = new long[cut.length + 1];
    RandomStream rng = new RandomStream(StreamKeys.hash(2026, 2));
    int n = 20_000_000;
    for (int i = 0; i < n; i++) {
      double e = ZigguratExponential.next(rng);
      int bin = 0;
      while (bin < cut.length && e >= cut[bin]) {
        bin++;
      }
      counts[bin]++;
    }
    double[] p = new double[cut.length + 1];
    p[0] = -Math.expm1(-cut[0]);
    for (int b = 1; b < cut.length; b++) {
      p[b] = Math.exp(-cut[b - 1]) - Math.exp(-cut[b]);
    }
    p[cut.length] = Math.exp(-cut[cut.length - 1]);
    System.out.println(
        "exponential ziggurat counts at "
            + Arrays.toString(cut)
            + ": "
            + Arrays.toString(counts)
            + " expected "
            + Arrays.toString(Arrays.stream(p).map(q -> q * n).toArray()));
    ChiSquare.assertFits("exponential ziggurat in tail bins", counts, p);
  }

  /**
   * One-sample Kolmogorov-Smirnov against 1 - exp(-x), n = 1,000,000: reject when sqrt(n) D exceeds
   * sqrt(ln(2 / alpha) / 2) = 2.226 (the asymptotic bound, alpha = 1e-4).
   */
  @Test
  void kolmogorovSmirnovAgainstTheExponentialLaw() {
    double[] x = deviates(StreamKeys.hash(2026, 3), 1_000_000);
    Arrays.sort(x);
    int n = x.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = -Math.expm1(-x[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    double limit = Math.sqrt(Math.log(2 / 1e-4) / 2);
    assertTrue(Math.sqrt(n) * d <= limit, "sqrt(n) D = " + Math.sqrt(n) * d + " > " + limit);
  }

  /** Mean, second moment and lag-1 product at n = 4,000,000: three z-tests, 3e-5 in all. */
  @Test
  void momentsAreThoseOfTheStandardExponential() {
    double[] x = deviates(StreamKeys.hash(2026, 4), 4_000_000);
    int n = x.length;
    double s1 = 0;
    double s2 = 0;
    double lag = 0;
    for (int i = 0; i < n; i++) {
      s1 += x[i];
      s2 += x[i] * x[i];
      if (i > 0) {
        lag += (x[i] - 1) * (x[i - 1] - 1);
      }
    }
    // E X = 1, Var X = 1; E X^2 = 2, Var X^2 = 24 - 4 = 20; (X_i - 1)(X_{i-1} - 1): mean 0, var 1
    double[] z = {
      (s1 / n - 1) / Math.sqrt(1.0 / n),
      (s2 / n - 2) / Math.sqrt(20.0 / n),
      lag / (n - 1) / Math.sqrt(1.0 / (n - 1))
    };
    for (double v : z) {
      assertTrue(Math.abs(v) <= Z, "moment z-scores " + Arrays.toString(z));
    }
  }
}
