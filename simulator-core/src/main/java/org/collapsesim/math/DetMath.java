package org.collapsesim.math;

import static org.collapsesim.math.DetMathConstants.*;

/**
 * Bit-deterministic elementary functions (README, Random streams and determinism): the same input
 * gives the same bits on every CPU, JIT tier and kernel twin.
 *
 * <p>{@link #log} and {@link #exp} are ports of fdlibm 5.3 {@code e_log.c} and {@code e_exp.c} (Sun
 * Microsystems, 1993), the algorithms behind {@link StrictMath#log} and {@link StrictMath#exp};
 * they return the same bits as {@code StrictMath} (measured: 0 ulp difference on several million
 * inputs, see {@code DetMathTest}) and are within 1 ulp of the exact result. Unlike {@link
 * Math#log} they are never replaced by a CPU intrinsic.
 *
 * <p>Vector twins. Every function here is straight-line code over bit manipulation ({@link
 * Double#doubleToRawLongBits}, shifts, masks), IEEE {@code + - * /}, {@code sqrt}, comparisons and
 * selects; no table is indexed by data and nothing calls {@code StrictMath} or {@code Math}
 * transcendentals. Each {@code if} picks between arms that are pure functions of the lane's own
 * value, so a {@code jdk.incubator.vector} twin evaluates every arm on all lanes and blends with
 * the same comparison masks; written with the same operations in the same order, it is
 * bit-identical lane by lane. Java 17 evaluates all floating point strictly (JEP 306) and never
 * contracts {@code a * b + c} into a fused multiply-add, so the order written here is the order
 * computed.
 */
public final class DetMath {

  // fdlibm constants, bit patterns in the comments; log's and AS241's are in DetMathConstants,
  // shared with the vector twin.

  private static final double O_THRESHOLD = 7.09782712893383973096e+02; // 40862E42 FEFA39EF
  private static final double U_THRESHOLD = -7.45133219101941108420e+02; // c0874910 D52D3051
  private static final double INV_LN2 = 1.44269504088896338700e+00; // 3ff71547 652b82fe
  private static final double TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000
  private static final double P1 = 1.66666666666666019037e-01; // 3FC55555 5555553E
  private static final double P2 = -2.77777777770155933842e-03; // BF66C16C 16BEBD93
  private static final double P3 = 6.61375632143793436117e-05; // 3F11566A AF25DE2C
  private static final double P4 = -1.65339022054652515390e-06; // BEBBBD41 C5D26BF1
  private static final double P5 = 4.13813679705723846039e-08; // 3E663769 72BEA4D0

  /** 0.5 * ln(2 pi), for Stirling's series. */
  private static final double HALF_LN_2PI = 0.91893853320467274178;

  private DetMath() {}

  /**
   * Natural logarithm, fdlibm {@code e_log.c}: x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)),
   * s = f / (2 + f), log(1 + f) = f - s (f - R(s^2)) with fdlibm's Lg1..Lg7 minimax polynomial R;
   * subnormals are first scaled by 2^54. Error below 1 ulp; identical bits to {@link
   * StrictMath#log}.
   *
   * @return -Infinity for +-0, NaN for x &lt; 0 or NaN, +Infinity for +Infinity
   */
  public static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    int lx = (int) bits;
    int k = 0;
    if (hx < 0x00100000) { // x < 2^-1022: zero, subnormal or negative
      if (((hx & 0x7fffffff) | lx) == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (hx < 0) {
        return Double.NaN;
      }
      k -= 54;
      x *= TWO54; // exact: scale the subnormal into the normal range
      hx = (int) (Double.doubleToRawLongBits(x) >> 32);
    }
    if (hx >= 0x7ff00000) {
      return x + x; // +Infinity or NaN
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    // normalize x or x/2 so that the mantissa lies in [sqrt(2)/2, sqrt(2))
    long low = Double.doubleToRawLongBits(x) & 0xffffffffL;
    x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | low);
    k += i >> 20;
    double f = x - 1.0;
    double dk = k;
    if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
      if (f == 0.0) {
        return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
      }
      double r = f * f * (0.5 - 0.33333333333333333 * f);
      return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    int ii = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    ii |= j;
    double r = t2 + t1;
    if (ii > 0) {
      double hfsq = 0.5 * f * f;
      return k == 0
          ? f - (hfsq - s * (hfsq + r))
          : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }

  /**
   * e^x, fdlibm {@code e_exp.c}: k = round(x / ln 2), r = x - k ln2_hi - k ln2_lo, e^r by the
   * rational form 1 + r + r c / (2 - c) with c from fdlibm's P1..P5 minimax polynomial in r^2, then
   * scaled by 2^k through the exponent bits (in two steps for results in the subnormal range).
   * Error below 1 ulp; identical bits to {@link StrictMath#exp}.
   *
   * @return +Infinity above 709.782712893384, +0 below -745.1332191019411, NaN for NaN
   */
  public static double exp(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >>> 32);
    int xsb = (hx >>> 31) & 1; // sign bit of x
    hx &= 0x7fffffff; // high word of |x|
    if (hx >= 0x40862E42) { // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | (int) bits) != 0) {
          return x + x; // NaN
        }
        return xsb == 0 ? x : 0.0; // exp(+-Infinity) = {Infinity, 0}
      }
      if (x > O_THRESHOLD) {
        return Double.POSITIVE_INFINITY;
      }
      if (x < U_THRESHOLD) {
        return 0.0;
      }
    }
    double hi = 0.0;
    double lo = 0.0;
    int k = 0;
    if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
      if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
        hi = xsb == 0 ? x - LN2_HI : x + LN2_HI;
        lo = xsb == 0 ? LN2_LO : -LN2_LO;
        k = 1 - xsb - xsb;
      } else {
        k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5)); // truncation toward zero
        double t = k;
        hi = x - t * LN2_HI; // t * LN2_HI is exact here
        lo = t * LN2_LO;
      }
      x = hi - lo;
    } else if (hx < 0x3e300000) { // |x| < 2^-28
      return 1.0 + x;
    }
    double t = x * x;
    double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    long yBits = Double.doubleToRawLongBits(y);
    if (k >= -1021) {
      return Double.longBitsToDouble(yBits + ((long) k << 52));
    }
    return Double.longBitsToDouble(yBits + ((long) (k + 1000) << 52)) * TWO_M1000;
  }

  /**
   * x^y for x &gt; 0 computed as {@code exp(y * log(x))}, for temperature scaling and other uses
   * where bit-determinism matters more than the last ulp. Accuracy: the rounding of {@code y *
   * log(x)} is magnified by its size, so the relative error is about (1 + |y ln x|) * 2^-52 plus 1
   * ulp (for |y ln x| &lt;= 1 this is a few ulp; at |y ln x| = 700, near the overflow limit, up to
   * ~1.6e-13 relative). {@code y == 0} gives 1 for every x; x = 0 gives the limit (0 for y &gt; 0,
   * +Infinity for y &lt; 0); x &lt; 0 gives NaN.
   */
  public static double powPositive(double x, double y) {
    if (y == 0.0) {
      return 1.0;
    }
    return exp(y * log(x));
  }

  /** p * log(p) with the continuous extension 0 * log(0) = 0; NaN for p &lt; 0. */
  public static double xlogx(double p) {
    return p == 0.0 ? 0.0 : p * log(p);
  }

  /**
   * The standard normal quantile (inverse CDF) by Wichura's algorithm AS241 PPND16, relative
   * accuracy about 1e-16: a rational function of 0.180625 - q^2 for |p - 0.5| &lt;= 0.425, else of
   * r = sqrt(-log(min(p, 1 - p))) on r &lt;= 5 and r &gt; 5. {@code 1 - p} is exact for p &gt;=
   * 0.5.
   *
   * <p>Branch-free form for a vector twin: compute q, the central value, and r from {@code min(p, 1
   * - p)} (guarding the central lanes' log input with a blend to 0.5), both tail rational
   * functions, then blend by the masks {@code |q| <= 0.425} and {@code r <= 5} and apply the sign
   * of q; the endpoints 0 and 1 are blended last.
   *
   * @return -Infinity for p = 0, +Infinity for p = 1, NaN for p outside [0, 1] or NaN
   */
  public static double normalQuantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      if (p == 0.0) {
        return Double.NEGATIVE_INFINITY;
      }
      return p == 1.0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q
          * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)
          / (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1.0);
    }
    double r = Math.sqrt(-log(q < 0.0 ? p : 1.0 - p));
    double z;
    if (r <= 5.0) {
      r -= 1.6;
      z =
          (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0)
              / (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1.0);
    } else {
      r -= 5.0;
      z =
          (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0)
              / (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1.0);
    }
    return q < 0.0 ? -z : z;
  }

  /**
   * Taylor coefficients of ln Gamma(2 + z) = (1 - gamma) z + sum_{k>=2} (-1)^k (zeta(k) - 1) / k
   * z^k, k = 1..30 (computed with 50-digit arithmetic); the truncation error for |z| &lt;= 0.5 is
   * below 4^-31 / 31. A fixed polynomial, not a data-indexed table.
   */
  private static final double[] LGAMMA2 = {
    0.42278433509846713939, // 1 - Euler's gamma
    0.3224670334241132,
    -0.0673523010531981,
    0.020580808427784546,
    -0.007385551028673986,
    0.0028905103307415234,
    -0.001192753911703261,
    0.0005096695247430425,
    -0.00022315475845357939,
    9.945751278180853e-05,
    -4.492623673813314e-05,
    2.050721277567069e-05,
    -9.439488275268397e-06,
    4.374866789907488e-06,
    -2.039215753801366e-06,
    9.55141213040742e-07,
    -4.492469198764566e-07,
    2.1207184805554665e-07,
    -1.0043224823968099e-07,
    4.7698101693639804e-08,
    -2.2711094608943164e-08,
    1.0838659214896955e-08,
    -5.183475041970047e-09,
    2.4836745438024785e-09,
    -1.1921401405860912e-09,
    5.731367241678862e-10,
    -2.7595228851242334e-10,
    1.330476437424449e-10,
    -6.4229645638381e-11,
    3.1044247747322276e-11
  };

  /** ln Gamma(2 + z) for |z| &lt;= 0.5 by its Taylor series (Horner, highest degree first). */
  private static double lgammaNear2(double z) {
    double acc = 0.0;
    for (int k = LGAMMA2.length - 1; k >= 0; k--) {
      acc = acc * z + LGAMMA2[k];
    }
    return acc * z;
  }

  /**
   * ln Gamma(x) for x &gt; 0. On [1.5, 2.5) the Taylor series of ln Gamma about 2 (zeta-function
   * coefficients), so the zeros at 1 and 2 keep full relative accuracy; below, the recurrence
   * Gamma(x + 1) = x Gamma(x) back onto that series; on [2.5, 15) the recurrence the other way (a
   * product of at most 13 exact factors); from 15 Stirling's series with Bernoulli terms to x^-11.
   * Measured relative error about 1e-15 (absolute near the zeros), see {@code DetMathTest}.
   *
   * @return +Infinity for x = 0 or +Infinity (and for x above ~2.5e305), NaN for x &lt; 0 or NaN
   */
  public static double lgamma(double x) {
    if (!(x > 0.0)) {
      return x == 0.0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (x < 0.5) {
      // Gamma(x) = Gamma(2 + x) / (x (1 + x)); the logs dominate, so 1 + x rounding is harmless
      return lgammaNear2(x) - log(x) - log(1.0 + x);
    }
    if (x < 1.5) {
      return lgammaNear2(x - 1.0) - log(x); // x - 1 is exact here (Sterbenz)
    }
    if (x < 2.5) {
      return lgammaNear2(x - 2.0);
    }
    if (x < 15.0) {
      double y = x;
      double prod = 1.0;
      while (y >= 2.5) {
        y -= 1.0; // exact: x and the integer steps share the unit of x's last place
        prod *= y;
      }
      return lgammaNear2(y - 2.0) + log(prod);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    double r = 1.0 / x;
    double r2 = r * r;
    double series =
        r
            * (1.0 / 12
                + r2
                    * (-1.0 / 360
                        + r2
                            * (1.0 / 1260
                                + r2
                                    * (-1.0 / 1680 + r2 * (1.0 / 1188 + r2 * (-691.0 / 360360))))));
    return (x - 0.5) * log(x) - x + HALF_LN_2PI + series;
  }

  /**
   * The digamma function psi(x) = d/dx ln Gamma(x) for x &gt; 0: the recurrence psi(x) = psi(x + 1)
   * - 1/x up to x &gt;= 12, then the asymptotic series ln x - 1/(2x) - sum B_2k / (2k x^2k) to
   * x^-14. Relative error about 1e-15 except near the positive zero x0 = 1.4616321..., where the
   * absolute error is about 1e-15.
   *
   * @return -Infinity for x = 0, +Infinity for +Infinity, NaN for x &lt; 0 or NaN
   */
  public static double digamma(double x) {
    if (!(x > 0.0)) {
      return x == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    double shift = 0.0;
    while (x < 12.0) {
      shift += 1.0 / x;
      x += 1.0;
    }
    double r = 1.0 / x;
    double r2 = r * r;
    double series =
        r2
            * (1.0 / 12
                - r2
                    * (1.0 / 120
                        - r2
                            * (1.0 / 252
                                - r2
                                    * (1.0 / 240
                                        - r2
                                            * (1.0 / 132
                                                - r2 * (691.0 / 32760 - r2 * (1.0 / 12)))))));
    return log(x) - 0.5 * r - series - shift;
  }
}
