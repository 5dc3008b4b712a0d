package org.collapsesim.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class DetMathTest {

  private static final long SEED = 0x5eed_c011_a95eL;

  /** |a - b| in units of the last place of b; 0 when both are the same infinity or both NaN. */
  static double ulpError(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b) ? 0.0 : Double.POSITIVE_INFINITY;
    }
    if (a == b) {
      return 0.0;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - b) / Math.ulp(b);
  }

  /** Worst ulp error of f against ref over the inputs; prints it and the input. */
  private static double worst(
      String name, double[] xs, DoubleUnaryOperator f, DoubleUnaryOperator ref) {
    double max = 0.0;
    double at = Double.NaN;
    long differing = 0;
    for (double x : xs) {
      double e = ulpError(f.applyAsDouble(x), ref.applyAsDouble(x));
      if (e != 0.0) {
        differing++;
      }
      if (e > max) {
        max = e;
        at = x;
      }
    }
    System.out.printf(
        "%s: %d inputs, max ulp error vs StrictMath = %s (worst x = %s; NaN if none differ), %d results differ%n",
        name, xs.length, max, at, differing);
    return max;
  }

  private static double[] logInputs() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    int n = 1_000_000;
    double[] xs = new double[3 * n + 64];
    int i = 0;
    for (int k = 0; k < n; k++) { // every positive finite double, subnormals included, by bits
      xs[i++] = Double.longBitsToDouble(rnd.nextLong(1L, 0x7ff0_0000_0000_0000L));
    }
    for (int k = 0; k < n; k++) {
      xs[i++] = rnd.nextDouble(0.0, 4.0);
    }
    for (int k = 0; k < n; k++) { // near 1, where log is smallest
      xs[i++] = 1.0 + rnd.nextDouble(-1e-3, 1e-3) * Math.pow(2, -rnd.nextInt(40));
    }
    double[] edges = {
      Double.MIN_VALUE,
      2 * Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Math.nextDown(Double.MIN_NORMAL),
      Double.MAX_VALUE,
      1.0,
      Math.nextUp(1.0),
      Math.nextDown(1.0),
      2.0,
      0.5,
      Math.sqrt(2.0),
      Math.sqrt(0.5),
      1e-300,
      1e300,
      10.0,
      Math.E,
      0.1,
      3.0,
      1.0 + 0x1p-20,
      1.0 - 0x1p-20,
      1.0 + 0x1p-21,
      1.0 - 0x1p-21
    };
    for (double e : edges) {
      xs[i++] = e;
    }
    return java.util.Arrays.copyOf(xs, i);
  }

  private static double[] expInputs() {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    int n = 1_000_000;
    double[] xs = new double[4 * n + 64];
    int i = 0;
    for (int k = 0; k < n; k++) {
      xs[i++] = rnd.nextDouble(-746.0, 710.0);
    }
    for (int k = 0; k < n; k++) {
      xs[i++] = rnd.nextDouble(-2.0, 2.0);
    }
    for (int k = 0; k < n; k++) { // results in the subnormal range and near the overflow edge
      xs[i++] = k % 2 == 0 ? rnd.nextDouble(-745.2, -708.0) : rnd.nextDouble(700.0, 709.8);
    }
    for (int k = 0; k < n; k++) { // tiny arguments, both signs
      xs[i++] = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble() * Math.pow(2, -rnd.nextInt(60));
    }
    double[] edges = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      709.782712893383973096,
      709.782712893384,
      709.7827128933841,
      -745.13321910194110842,
      -745.1332191019411,
      -745.1332191019412,
      -708.3964185322641,
      -708.4,
      -744.44007192138126,
      0.5 * Math.log(2),
      1.5 * Math.log(2),
      Math.log(2),
      0x1p-28,
      -0x1p-28,
      0x1p-29,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      1e-300,
      36.0,
      -36.0
    };
    for (double e : edges) {
      xs[i++] = e;
    }
    return java.util.Arrays.copyOf(xs, i);
  }

  @Test
  void logMatchesStrictMathWithinOneUlp() {
    double max = worst("DetMath.log", logInputs(), DetMath::log, StrictMath::log);
    assertTrue(max <= 1.0, "max ulp error " + max);
  }

  @Test
  void expMatchesStrictMathWithinOneUlp() {
    double max = worst("DetMath.exp", expInputs(), DetMath::exp, StrictMath::exp);
    assertTrue(max <= 1.0, "max ulp error " + max);
  }

  @Test
  void logSpecialValues() {
    assertEquals(Double.NEGATIVE_INFINITY, DetMath.log(0.0));
    assertEquals(Double.NEGATIVE_INFINITY, DetMath.log(-0.0));
    assertTrue(Double.isNaN(DetMath.log(-1.0)));
    assertTrue(Double.isNaN(DetMath.log(-Double.MIN_VALUE)));
    assertTrue(Double.isNaN(DetMath.log(Double.NEGATIVE_INFINITY)));
    assertTrue(Double.isNaN(DetMath.log(Double.NaN)));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.log(Double.POSITIVE_INFINITY));
    assertEquals(0.0, DetMath.log(1.0));
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(DetMath.log(1.0)));
    assertEquals(-744.4400719213812, DetMath.log(Double.MIN_VALUE));
    assertEquals(709.782712893384, DetMath.log(Double.MAX_VALUE));
  }

  @Test
  void expSpecialValues() {
    assertEquals(1.0, DetMath.exp(0.0));
    assertEquals(1.0, DetMath.exp(-0.0));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.exp(Double.POSITIVE_INFINITY));
    assertEquals(0.0, DetMath.exp(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(DetMath.exp(Double.NaN)));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.exp(709.79));
    assertTrue(DetMath.exp(709.782712893384) < Double.POSITIVE_INFINITY);
    assertTrue(DetMath.exp(709.782712893384) > 0.99999 * Double.MAX_VALUE);
    assertEquals(0.0, DetMath.exp(-746.0));
    assertEquals(Double.MIN_VALUE, DetMath.exp(-745.0)); // deep in the subnormal range
    assertTrue(DetMath.exp(-720.0) > 0 && DetMath.exp(-720.0) < Double.MIN_NORMAL);
  }

  @Test
  void deterministicBits() {
    double[] xs = logInputs();
    long h1 = 0;
    long h2 = 0;
    for (int round = 0; round < 2; round++) { // second round runs after the JIT has compiled it
      long h = 0;
      for (int i = 0; i < xs.length; i += 7) {
        h = 31 * h + Double.doubleToRawLongBits(DetMath.log(xs[i]));
        h = 31 * h + Double.doubleToRawLongBits(DetMath.exp(xs[i] - 2.0));
        h = 31 * h + Double.doubleToRawLongBits(DetMath.normalQuantile(xs[i] / 4.0));
      }
      if (round == 0) {
        h1 = h;
      } else {
        h2 = h;
      }
    }
    assertEquals(h1, h2);
  }

  @Test
  void powPositiveAccuracyAsDocumented() {
    SplittableRandom rnd = new SplittableRandom(SEED + 2);
    double maxUlp = 0.0;
    double maxExcess = 0.0; // error / documented bound
    for (int k = 0; k < 200_000; k++) {
      double x = rnd.nextDouble(1e-3, 100.0);
      double y = rnd.nextDouble(-10.0, 10.0);
      double got = DetMath.powPositive(x, y);
      double ref = StrictMath.pow(x, y);
      double ulps = ulpError(got, ref);
      maxUlp = Math.max(maxUlp, ulps);
      double bound = (1.0 + Math.abs(y * StrictMath.log(x))) * 2.0 + 2.0; // in ulps
      maxExcess = Math.max(maxExcess, ulps / bound);
    }
    System.out.printf(
        "DetMath.powPositive: max ulp error vs StrictMath.pow = %s (x in [1e-3, 100], y in"
            + " [-10, 10]); worst fraction of the documented bound = %.3f%n",
        maxUlp, maxExcess);
    assertTrue(maxExcess <= 1.0, "exceeds documented bound: " + maxExcess);
    assertEquals(1.0, DetMath.powPositive(0.0, 0.0));
    assertEquals(1.0, DetMath.powPositive(123.0, 0.0));
    assertEquals(0.0, DetMath.powPositive(0.0, 2.0));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.powPositive(0.0, -2.0));
    assertEquals(8.0, DetMath.powPositive(2.0, 3.0), 8.0 * 0x1p-50);
  }

  @Test
  void xlogx() {
    assertEquals(0.0, DetMath.xlogx(0.0));
    assertEquals(0.0, DetMath.xlogx(1.0));
    assertEquals(0.5 * DetMath.log(0.5), DetMath.xlogx(0.5));
    assertEquals(-0.36787944117144233, DetMath.xlogx(1.0 / Math.E), 1e-16);
    assertTrue(Double.isNaN(DetMath.xlogx(-0.1)));
  }

  @Test
  void normalQuantileKnownValues() {
    // references: 40-digit mpmath roots of ncdf(x) = p
    double[][] cases = {
      {0.975, 1.9599639845400542355},
      {1e-10, -6.3613409024040562047},
      {0.9, 1.281551565544600467},
      {0.75, 0.6744897501960817432},
      {0.6, 0.2533471031357997988},
      {0.995, 2.575829303548900761},
      {1e-20, -9.2623400897984075737},
      {1e-300, -37.047096299361199237},
      {0.02425, -1.9729610513118848503},
      {0.1, -1.281551565544600467},
      {1e-5, -4.2648907939228246285},
    };
    double worst = 0.0;
    for (double[] c : cases) {
      double got = DetMath.normalQuantile(c[0]);
      double rel = Math.abs(got - c[1]) / Math.abs(c[1]);
      worst = Math.max(worst, rel);
      assertEquals(c[1], got, 1e-15 * Math.abs(c[1]), "p = " + c[0]);
    }
    System.out.printf("DetMath.normalQuantile: max relative error on known values = %.2e%n", worst);
    assertEquals(1.959963984540054, DetMath.normalQuantile(0.975), 1e-15);
    assertEquals(-6.361340902404056, DetMath.normalQuantile(1e-10), 1e-14);
    assertEquals(0.0, DetMath.normalQuantile(0.5));
    assertEquals(Double.NEGATIVE_INFINITY, DetMath.normalQuantile(0.0));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.normalQuantile(1.0));
    assertTrue(Double.isNaN(DetMath.normalQuantile(-0.1)));
    assertTrue(Double.isNaN(DetMath.normalQuantile(1.1)));
    assertTrue(Double.isNaN(DetMath.normalQuantile(Double.NaN)));
    assertTrue(Double.isFinite(DetMath.normalQuantile(Double.MIN_VALUE)));
  }

  @Test
  void normalQuantileSymmetricAndMonotone() {
    SplittableRandom rnd = new SplittableRandom(SEED + 3);
    for (int k = 0; k < 100_000; k++) {
      double p = rnd.nextDouble(0.0, 0.5);
      double lower = DetMath.normalQuantile(p);
      double upper = DetMath.normalQuantile(1.0 - p);
      // 1 - p rounds, so compare against the quantile at the represented complement
      double exactComplementLower = DetMath.normalQuantile(1.0 - (1.0 - p));
      assertEquals(-exactComplementLower, upper, 0.0, "p = " + p);
      assertTrue(lower <= 0.0, "p = " + p);
    }
    double prev = Double.NEGATIVE_INFINITY;
    for (int k = 1; k < 10_000; k++) {
      double q = DetMath.normalQuantile(k / 10_000.0);
      assertTrue(q > prev, "not increasing at " + k);
      prev = q;
    }
  }

  // {x, ln Gamma(x), psi(x)} at the double nearest x, from 40-digit mpmath
  private static final double[][] GAMMA_REFERENCE = {
    {1e-300, 690.7755278982137, -9.999999999999999e+299},
    {1e-8, 18.42068073818021, -100000000.57721564},
    {0.001, 6.907178885383853, -1000.5755719318103},
    {0.1, 2.252712651734206, -10.423754940411076},
    {0.25, 1.2880225246980774, -4.2274535333762655},
    {0.4999, 0.5725613186041184, -1.9640035904016993},
    {0.5, 0.5723649429247001, -1.9635100260214235},
    {0.75, 0.20328095143129538, -1.0858608797864722},
    {0.9, 0.06637623973474295, -0.7549269499470513},
    {0.999, 0.0005780385328913802, -0.5788618021086455},
    {1, 0.0, -0.5772156649015329},
    {1.001, -0.0005763935982833062, -0.5755719318103006},
    {1.2, -0.08537409000331583, -0.2890398965921884},
    {1.4616321449683622, -0.12148629053584961, -9.241265521729427e-17},
    {1.5, -0.12078223763524522, 0.03648997397857652},
    {1.75, -0.08440112102048555, 0.24747245354686118},
    {2, 0.0, 0.42278433509846713},
    {2.001, 0.000423106734800117, 0.42342906719069845},
    {2.4999, 0.28461255726068263, 0.7031076036885755},
    {2.5, 0.2846828704729192, 0.7031566406452432},
    {3, 0.6931471805599453, 0.9227843350984671},
    {4.5, 2.4537365708424423, 1.388870926359529},
    {7.3, 7.147892523022248, 1.9178203356379862},
    {10, 12.801827480081469, 2.251752589066721},
    {14.999, 25.18854687054693, 2.6742777210575355},
    {15, 25.19122118273868, 2.6743466616607936},
    {15.5, 26.536914491115613, 2.7082352425903653},
    {20, 39.339884187199495, 2.970523992242149},
    {100, 359.1342053695754, 4.600161852738087},
    {1234.5, 7550.550901077895, 7.118016231827998},
    {1e5, 1051287.7089736569, 11.512920464961896},
    {1e10, 220258509288.81058, 23.025850929890456},
    {1e300, 6.897755278982137e+302, 690.7755278982137},
  };

  @Test
  void lgammaAgainstHighPrecision() {
    double worst = 0.0;
    for (double[] c : GAMMA_REFERENCE) {
      double got = DetMath.lgamma(c[0]);
      double err = c[1] == 0.0 ? Math.abs(got) : Math.abs(got - c[1]) / Math.abs(c[1]);
      worst = Math.max(worst, err);
      assertTrue(err <= 1e-14, "lgamma(" + c[0] + ") = " + got + ", want " + c[1]);
    }
    System.out.printf("DetMath.lgamma: max relative error on reference values = %.2e%n", worst);
    assertEquals(0.0, DetMath.lgamma(1.0));
    assertEquals(0.0, DetMath.lgamma(2.0));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.lgamma(0.0));
    assertEquals(Double.POSITIVE_INFINITY, DetMath.lgamma(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(DetMath.lgamma(-1.0)));
    assertTrue(Double.isNaN(DetMath.lgamma(Double.NaN)));
  }

  @Test
  void lgammaRecurrence() {
    SplittableRandom rnd = new SplittableRandom(SEED + 4);
    double worst = 0.0;
    for (int k = 0; k < 100_000; k++) {
      double x = rnd.nextDouble(0.01, 40.0);
      double lhs = DetMath.lgamma(x + 1.0) - DetMath.lgamma(x);
      // x + 1 rounds; compare with log of the rounded x + 1 minus 1 to keep the identity exact
      double xr = (x + 1.0) - 1.0;
      double lhsR = DetMath.lgamma(xr + 1.0) - DetMath.lgamma(xr);
      double scale = Math.max(1.0, Math.abs(DetMath.lgamma(x + 1.0)));
      double err = Math.abs(lhsR - DetMath.log(xr)) / scale;
      worst = Math.max(worst, err);
      assertTrue(err < 1e-14, "x = " + x + " lhs " + lhs);
    }
    System.out.printf("DetMath.lgamma: max recurrence error (relative to lgamma) = %.2e%n", worst);
  }

  @Test
  void digammaAgainstHighPrecision() {
    double worst = 0.0;
    for (double[] c : GAMMA_REFERENCE) {
      double got = DetMath.digamma(c[0]);
      double err = Math.abs(got - c[2]) / Math.max(1.0, Math.abs(c[2])); // absolute below 1
      worst = Math.max(worst, err);
      assertTrue(err <= 1e-14, "digamma(" + c[0] + ") = " + got + ", want " + c[2]);
    }
    System.out.printf("DetMath.digamma: max error (relative, absolute below 1) = %.2e%n", worst);
    assertEquals(Double.NEGATIVE_INFINITY, DetMath.digamma(0.0));
    assertTrue(Double.isNaN(DetMath.digamma(-2.5)));
  }
}
