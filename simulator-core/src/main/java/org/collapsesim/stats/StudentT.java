package org.collapsesim.stats;

import org.collapsesim.math.DetMath;

/**
 * Quantiles of Student's t distribution with an integer number of degrees of freedom, accurate to
 * about 1e-14 relative for p in [1e-6, 1 - 1e-6] (the tests check 1e-12 against 30-digit values).
 *
 * <p>Method: dof 1 and 2 in closed form (the Cauchy quantile via {@link StrictMath#tan}; (1 - 2q) /
 * sqrt(2 q (1 - q))). Up to 1000 dof, a safeguarded Newton iteration in theta = atan(t / sqrt(dof))
 * on the exact finite series for A(t | dof) = P(|T| &lt;= t) of Abramowitz and Stegun
 * 26.7.3-26.7.4, whose derivative in theta is cos^(dof-1)(theta) / W(dof - 1) with W the Wallis
 * integral; started from the Cornish-Fisher value. For upper-tail probabilities below 0.01 the
 * iteration runs on the complement 1 - A, summed as the remainder of the same series, so the tail
 * keeps its relative accuracy. Above 1000 dof, the Cornish-Fisher expansion of A&amp;S 26.7.5 to
 * dof^-4 (truncation below 1e-14) around {@link DetMath#normalQuantile}.
 *
 * <p>Uses only {@code StrictMath} and {@link DetMath}: bit-deterministic (README, Random streams
 * and determinism).
 */
public final class StudentT {

  private static final int CORNISH_FISHER_MIN_DOF = 1001;
  private static final int MAX_ITERATIONS = 200;
  private static final double HALF_PI = Math.PI / 2;
  private static final double TAIL_MODE_BELOW = 0.01;
  private static final int MAX_TAIL_TERMS = 10_000_000;

  private StudentT() {}

  /**
   * The p-quantile of Student's t with {@code dof} degrees of freedom.
   *
   * @return -Infinity for p = 0, +Infinity for p = 1
   * @throws IllegalArgumentException if dof &lt; 1 or p is not in [0, 1]
   */
  public static double quantile(double p, int dof) {
    if (dof < 1) {
      throw new IllegalArgumentException("dof = " + dof + "; degrees of freedom must be >= 1");
    }
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("p = " + p + "; a probability must be in [0, 1]");
    }
    if (p == 0.5) {
      return 0.0;
    }
    double q = p < 0.5 ? p : 1.0 - p; // upper-tail probability of |t|; 1 - p is exact
    double t = upperQuantile(q, dof);
    return p < 0.5 ? -t : t;
  }

  /** The t &gt;= 0 with P(T &gt; t) = q, for q in [0, 0.5). */
  private static double upperQuantile(double q, int dof) {
    if (q == 0.0) {
      return Double.POSITIVE_INFINITY;
    }
    if (dof == 1) {
      return 1.0 / StrictMath.tan(Math.PI * q);
    }
    if (dof == 2) {
      return (1.0 - 2.0 * q) / Math.sqrt(2.0 * q * (1.0 - q));
    }
    double cf = cornishFisher(-DetMath.normalQuantile(q), dof);
    if (dof >= CORNISH_FISHER_MIN_DOF) {
      return cf;
    }
    double sqrtDof = Math.sqrt(dof);
    // Far in the tail, 1 - A cancels: solve on the complement's own series instead.
    boolean tailMode = q < TAIL_MODE_BELOW;
    double target = tailMode ? 2.0 * q : 1.0 - 2.0 * q;
    double wallis = wallis(dof - 1);
    double lo = 0.0;
    double hi = HALF_PI;
    double theta = StrictMath.atan(cf / sqrtDof);
    if (!(theta > lo && theta < hi)) {
      theta = 0.5 * (lo + hi);
    }
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      // g increases with theta in both modes: A - target, or target - (1 - A)
      double g = tailMode ? target - upperTail(theta, dof) : twoSided(theta, dof) - target;
      if (g < 0.0) {
        lo = theta;
      } else if (g > 0.0) {
        hi = theta;
      } else {
        break;
      }
      double slope = powInt(StrictMath.cos(theta), dof - 1) / wallis;
      double next = theta - g / slope;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi); // Newton left the bracket: bisect
      }
      if (Math.abs(next - theta) <= 0x1p-53 * theta || next == theta) {
        theta = next;
        break;
      }
      theta = next;
    }
    return sqrtDof * StrictMath.tan(theta);
  }

  /** A(t | dof) = P(|T| &lt;= t) at theta = atan(t / sqrt(dof)), A&amp;S 26.7.3 and 26.7.4. */
  private static double twoSided(double theta, int dof) {
    double s = StrictMath.sin(theta);
    double c = StrictMath.cos(theta);
    double c2 = c * c;
    if ((dof & 1) == 0) {
      double term = 1.0;
      double sum = 1.0;
      for (int k = 1; k <= (dof - 2) / 2; k++) {
        term *= c2 * (2 * k - 1) / (2 * k);
        sum += term;
      }
      return s * sum;
    }
    double term = c;
    double sum = c;
    for (int k = 1; k <= (dof - 3) / 2; k++) {
      term *= c2 * (2 * k) / (2 * k + 1);
      sum += term;
    }
    return (theta + s * sum) / HALF_PI;
  }

  /**
   * 1 - A(t | dof) = P(|T| &gt; t) without cancellation: the series of A&amp;S 26.7.3-4 summed to
   * infinity is exactly 1 (sum a_k cos^2k = 1 / sin; sum b_k cos^(2k+1) = (pi/2 - theta) / sin), so
   * the complement is the series' remainder, summed until its terms fall below 2^-60 of it.
   */
  private static double upperTail(double theta, int dof) {
    double s = StrictMath.sin(theta);
    double c = StrictMath.cos(theta);
    double c2 = c * c;
    boolean even = (dof & 1) == 0;
    int first = even ? dof / 2 : (dof - 1) / 2; // index of the first remainder term
    double term = even ? 1.0 : c;
    for (int k = 1; k <= first; k++) {
      term *= even ? c2 * (2 * k - 1) / (2 * k) : c2 * (2 * k) / (2 * k + 1);
    }
    double sum = term;
    for (int k = first + 1; k < MAX_TAIL_TERMS && term > 0x1p-60 * sum; k++) {
      term *= even ? c2 * (2 * k - 1) / (2 * k) : c2 * (2 * k) / (2 * k + 1);
      sum += term;
    }
    return even ? s * sum : s * sum / HALF_PI;
  }

  /** The Wallis integral W(m) = int_0^(pi/2) cos^m, by W(m) = W(m - 2) (m - 1) / m. */
  private static double wallis(int m) {
    double w = (m & 1) == 0 ? HALF_PI : 1.0;
    for (int k = (m & 1) == 0 ? 2 : 3; k <= m; k += 2) {
      w *= (double) (k - 1) / k;
    }
    return w;
  }

  private static double powInt(double x, int m) {
    double r = 1.0;
    for (int k = 0; k < m; k++) {
      r *= x;
    }
    return r;
  }

  /** Cornish-Fisher expansion of the t quantile around the normal quantile x, A&amp;S 26.7.5. */
  private static double cornishFisher(double x, int dof) {
    double x2 = x * x;
    double g1 = (x2 + 1.0) * x / 4.0;
    double g2 = ((5.0 * x2 + 16.0) * x2 + 3.0) * x / 96.0;
    double g3 = (((3.0 * x2 + 19.0) * x2 + 17.0) * x2 - 15.0) * x / 384.0;
    double g4 = ((((79.0 * x2 + 776.0) * x2 + 1482.0) * x2 - 1920.0) * x2 - 945.0) * x / 92160.0;
    double r = 1.0 / dof;
    return x + r * (g1 + r * (g2 + r * (g3 + r * g4)));
  }
}
