package org.collapsesim.random;

import org.collapsesim.math.DetMath;

/**
 * Exact Binomial(n, p) deviates, numpy's split between two algorithms of Kachitvichyanukul and
 * Schmeiser ("Binomial random variate generation", CACM 31(2), 1988), with r = min(p, 1 - p) and
 * the count of the complement returned when p &gt; 1/2:
 *
 * <ul>
 *   <li>n r &lt;= {@value #INVERSION_MEAN}: BINV, sequential inversion from 0 along the pmf
 *       recurrence f(x + 1) = f(x) ((n + 1) s / (x + 1) - s), s = r / (1 - r); expected cost about
 *       n r + 1 steps of one division each, after f(0) = (1 - r)^n = exp(n log1p(-r)).
 *   <li>otherwise BTPE (triangle, parallelograms and exponential tails enclosing the pmf, squeezes,
 *       then the exact test by the pmf recurrence near the mode or Stirling's series away from it):
 *       constant expected time, about 1.1-1.3 rounds of two uniforms.
 * </ul>
 *
 * <p>Both follow numpy's {@code random_binomial_inversion} and {@code random_binomial_btpe}
 * (numpy/random/src/distributions/distributions.c) step for step, so the C reference in
 * benchmarks/reference does the same work; where numpy calls libm this calls {@link DetMath}, and
 * the inversion restarts only on round-off (never at numpy's 10-sd bound), so the law is the exact
 * binomial up to floating-point rounding of the pmf. Deterministic operations only: IEEE basic
 * operations, sqrt and DetMath, as the README's numerics rule requires.
 */
public final class BinomialSampler {

  /** Means n min(p, 1 - p) up to this are drawn by inversion, above it by BTPE (numpy's split). */
  static final double INVERSION_MEAN = 30.0;

  private BinomialSampler() {}

  /** A Binomial(n, p) deviate; {@code n >= 0}, p clamped to [0, 1] (NaN counts as 0). */
  public static long sample(RandomStream rng, long n, double p) {
    if (n == 0 || !(p > 0.0)) {
      return 0;
    }
    if (p >= 1.0) {
      return n;
    }
    boolean complement = p > 0.5;
    double r = complement ? 1.0 - p : p; // exact for p in [1/2, 1] (Sterbenz)
    long x = n * r <= INVERSION_MEAN ? inversion(rng, n, r) : btpe(rng, n, r);
    return complement ? n - x : x;
  }

  /**
   * BINV: walk the CDF from 0 with the running {@code u -= f} (exact inversion). The walk cannot
   * pass {@link #WALK_LIMIT} while f &gt; 0: f(x) &lt;= (n r)^x / x! &lt;= 30^x / x!, below the
   * smallest double from x = 250 on. So u still above f at the limit or at n means round-off left u
   * above the computed total mass (probability about 1e-16): the draw restarts with a fresh uniform
   * instead of returning a biased value. The counter is an int, the form C2 compiles tightly.
   */
  private static long inversion(RandomStream rng, long n, double r) {
    double q = 1.0 - r;
    double s = r / q;
    double a = (n + 1) * s;
    double f0 = startProbability(n, r);
    int limit = (int) Math.min(n, WALK_LIMIT);
    while (true) {
      double u = rng.nextDouble();
      double f = f0;
      int x = 0;
      while (u >= f) {
        if (x == limit) {
          break;
        }
        u -= f;
        x++;
        f *= a / x - s;
      }
      if (u < f) {
        return x;
      }
    }
  }

  /** A bound on the inversion walk far beyond any count with a representable probability. */
  private static final int WALK_LIMIT = 4096;

  /**
   * f(0) = (1 - r)^n = exp(n log(1 - r)) for n r &lt;= 30, r &lt;= 1/2, so the exponent lies in
   * [-41.6, 0] (log(1 - r) &gt;= -r ln 4). This start is on the critical path of a chain of
   * conditional binomials (each n is the previous remainder), so it is written for latency rather
   * than taken from DetMath: {@link #log1pNegative} and {@link #expNegative}, both IEEE basic
   * operations only. Relative error a few ulp, amplified by at most 41.6 through the exponent
   * (about 1e-14), far below what a chi-square over 1e5 draws could see.
   */
  static double startProbability(long n, double r) {
    return expNegative(n * log1pNegative(r));
  }

  /**
   * log(1 - r) for 0 &lt; r &lt;= 1/2. For r &lt;= 1/32: -2 atanh(t) with t = r / (2 - r) &lt;=
   * 1/63, by its series t (1 + t^2/3 + ... + t^10/11) (the next term is below 2^-72 t). Above:
   * Goldberg's log1p correction log(q) r / (1 - q) on q = fl(1 - r) with {@link DetMath#log}.
   */
  static double log1pNegative(double r) {
    if (r <= 0x1p-5) {
      double t = r / (2.0 - r);
      double t2 = t * t;
      double series =
          1.0 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9 + t2 * (1.0 / 11)))));
      return -2.0 * t * series;
    }
    double q = 1.0 - r;
    return DetMath.log(q) * (r / (1.0 - q));
  }

  /**
   * e^y for -708 &lt; y &lt;= 0, table-driven (Tang, "Table-driven implementation of the
   * exponential function in IEEE floating-point arithmetic", ACM TOMS 1989): y = (64 k + j) ln2 /
   * 64 + s with |s| &lt;= ln2 / 128, e^y = 2^k 2^(j/64) (1 + s + s^2/2 + ... + s^5/120), the
   * truncation below 4e-17. The 64 table entries come from StrictMath once; k ln2 / 64 is split as
   * in fdlibm so that its high part is exact (LN2_64_HI has 21 trailing zero bits, |64 k + j| &lt;
   * 2^16).
   */
  static double expNegative(double y) {
    double kd = Math.rint(y * INV_LN2_64);
    int k = (int) kd;
    double s = (y - kd * LN2_64_HI) - kd * LN2_64_LO;
    double p = s + s * s * (0.5 + s * (1.0 / 6 + s * (1.0 / 24 + s * (1.0 / 120))));
    double t = EXP2_TABLE[k & 63];
    return (t + t * p) * Double.longBitsToDouble((long) (1023 + (k >> 6)) << 52);
  }

  private static final double INV_LN2_64 = 64 / 0.6931471805599453;
  // fdlibm's split of ln 2 (3fe62e42 fee00000 + 3dea39ef 35793c76), divided by 64 (exact)
  private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64;
  private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64;
  private static final double[] EXP2_TABLE = new double[64];

  static {
    for (int j = 0; j < 64; j++) {
      EXP2_TABLE[j] = StrictMath.pow(2.0, j / 64.0);
    }
  }

  /**
   * BTPE for r &lt;= 1/2 and n r &gt; {@value #INVERSION_MEAN} (Kachitvichyanukul and Schmeiser
   * 1988, steps 0-5 as in numpy). Region 1 (u &lt;= p1) is the triangle, accepted at once; region 2
   * the parallelograms; regions 3 and 4 the exponential tails. A candidate y outside region 1 is
   * accepted when v &lt;= f(y) / f(m): by the recurrence when |y - m| is at most 20 or beyond nrq /
   * 2 - 1, otherwise by the squeeze on log v and, between the squeezes, Stirling's series to four
   * terms.
   */
  private static long btpe(RandomStream rng, long n, double r) {
    double q = 1.0 - r;
    double nrq = n * r * q;
    double fm = n * r + r;
    long m = (long) Math.floor(fm);
    double p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
    double xm = m + 0.5;
    double xl = xm - p1;
    double xr = xm + p1;
    double c = 0.134 + 20.5 / (15.3 + m);
    double a = (fm - xl) / (fm - xl * r);
    double laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    double lamr = a * (1.0 + a / 2.0);
    double p2 = p1 * (1.0 + 2.0 * c);
    double p3 = p2 + c / laml;
    double p4 = p3 + c / lamr;
    while (true) {
      double u = rng.nextDouble() * p4;
      double v = rng.nextDouble();
      long y;
      if (u <= p1) { // the triangle: accept
        return (long) Math.floor(xm - p1 * v + u);
      }
      if (u <= p2) { // the parallelograms
        double x = xl + (u - p1) / c;
        v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
        if (v > 1.0) {
          continue;
        }
        y = (long) Math.floor(x);
      } else if (u <= p3) { // the left exponential tail
        if (v == 0.0) {
          continue;
        }
        y = (long) Math.floor(xl + DetMath.log(v) / laml);
        if (y < 0) {
          continue;
        }
        v = v * (u - p2) * laml;
      } else { // the right exponential tail
        if (v == 0.0) {
          continue;
        }
        y = (long) Math.floor(xr - DetMath.log(v) / lamr);
        if (y > n) {
          continue;
        }
        v = v * (u - p3) * lamr;
      }
      if (accept(n, r, q, nrq, m, xm, y, v)) {
        return y;
      }
    }
  }

  /** BTPE steps 5.0-5.3: is v &lt;= f(y) / f(m)? */
  private static boolean accept(
      long n, double r, double q, double nrq, long m, double xm, long y, double v) {
    long k = Math.abs(y - m);
    if (k <= 20 || k >= nrq / 2.0 - 1) { // 5.1: the ratio by the recurrence
      double s = r / q;
      double a = s * (n + 1);
      double f = 1.0;
      if (m < y) {
        for (long i = m + 1; i <= y; i++) {
          f *= a / i - s;
        }
      } else if (m > y) {
        for (long i = y + 1; i <= m; i++) {
          f /= a / i - s;
        }
      }
      return v <= f;
    }
    // 5.2: squeeze on log v around the normal approximation of log f(y) / f(m)
    double kd = k;
    double rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    double t = -kd * kd / (2.0 * nrq);
    double logV = DetMath.log(v);
    if (logV < t - rho) {
      return true;
    }
    if (logV > t + rho) {
      return false;
    }
    // 5.3: log f(y) / f(m) = log m! + log (n - m)! - log y! - log (n - y)! + (y - m) log(r / q) by
    // Stirling's series; the corrections of y! and (n - y)! are subtracted (the 1988 paper, and
    // numpy before numpy/numpy#31238, add all four)
    double x1 = y + 1;
    double f1 = m + 1;
    double z = n + 1 - m;
    double w = n - y + 1;
    double bound =
        xm * DetMath.log(f1 / x1)
            + (n - m + 0.5) * DetMath.log(z / w)
            + (y - m) * DetMath.log(w * r / (x1 * q))
            + stirlingCorrection(f1)
            + stirlingCorrection(z)
            - stirlingCorrection(x1)
            - stirlingCorrection(w);
    return logV <= bound;
  }

  /**
   * ln Gamma(x) - ((x - 1/2) ln x - x + ln(2 pi) / 2) by its asymptotic series 1/(12 x) - 1/(360
   * x^3) + 1/(1260 x^5) - 1/(1680 x^7) + 1/(1188 x^9), over the common denominator 166320.
   */
  private static double stirlingCorrection(double x) {
    double x2 = x * x;
    return (13860. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
  }
}
