package org.collapsesim.kernel;

import org.collapsesim.math.DetMath;
import org.collapsesim.random.SplitMix64;
import org.collapsesim.random.ZigguratNormal;

/** The scalar twin of every kernel: the reference the vector twin must match bit for bit. */
public final class ScalarKernels implements KernelSupport {

  static final double DOUBLE_UNIT = 0x1.0p-53;

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void randomWords(long key, long start, long[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = SplitMix64.word(key, start + i);
    }
  }

  @Override
  public void openUniforms(long key, long start, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = ((SplitMix64.word(key, start + i) >>> 11) + 0.5) * DOUBLE_UNIT;
    }
  }

  @Override
  public void gaussians(long key, long start, double[] out, int offset, int n) {
    ZigguratNormal.fill(key, start, out, offset, n);
  }

  /** The fixed combination of the 8 logical lanes. */
  static double combine(double[] a) {
    return ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
  }

  @Override
  public double sum(double[] x, int n) {
    double[] acc = new double[LANES];
    for (int i = 0; i < n; i++) {
      acc[i & 7] += x[i];
    }
    return combine(acc);
  }

  @Override
  public double sumSquaredDeviations(double[] x, int n, double c) {
    double[] acc = new double[LANES];
    for (int i = 0; i < n; i++) {
      double e = x[i] - c;
      acc[i & 7] += e * e;
    }
    return combine(acc);
  }

  @Override
  public void categoricalPass(
      double[] p,
      double[] pStar,
      double[] logStar,
      long[] counts,
      int n,
      double eps,
      double logSmoothedDenominator,
      double[] out) {
    double[][] acc = new double[5][LANES];
    long[] integers = new long[2];
    categoricalRange(p, pStar, logStar, counts, 0, n, eps, logSmoothedDenominator, acc, integers);
    finish(acc, integers, out);
  }

  /**
   * Elements [from, to) of {@link #categoricalPass} into lane accumulators {@code acc[slot][i & 7]}
   * (entropy, squares, klTrueModel, klModelTrue, l1) and {@code integers} (support, extinct): the
   * whole scalar twin, and the vector twin's tail.
   */
  static void categoricalRange(
      double[] p,
      double[] pStar,
      double[] logStar,
      long[] counts,
      int from,
      int to,
      double eps,
      double logSmoothedDenominator,
      double[][] acc,
      long[] integers) {
    double[] entropy = acc[0];
    double[] squares = acc[1];
    double[] klTrueModel = acc[2];
    double[] klModelTrue = acc[3];
    double[] l1 = acc[4];
    long support = 0;
    long extinct = 0;
    for (int i = from; i < to; i++) {
      int lane = i & 7;
      double pi = p[i];
      double ps = pStar[i];
      long c = counts[i];
      boolean present = pi > 0.0;
      boolean inTruth = ps > 0.0;
      double logPi = present ? DetMath.log(pi) : 0.0;
      entropy[lane] -= pi * logPi;
      squares[lane] += pi * pi;
      double logSmoothed = DetMath.log(c + eps) - logSmoothedDenominator;
      klTrueModel[lane] += inTruth ? ps * (logStar[i] - logSmoothed) : 0.0;
      double forward = inTruth ? pi * (logPi - logStar[i]) : Double.POSITIVE_INFINITY;
      klModelTrue[lane] += present ? forward : 0.0;
      l1[lane] += Math.abs(pi - ps);
      support += c > 0 ? 1 : 0;
      extinct += inTruth && c == 0 ? 1 : 0;
    }
    integers[0] += support;
    integers[1] += extinct;
  }

  static void finish(double[][] acc, long[] integers, double[] out) {
    out[ENTROPY] = combine(acc[0]);
    out[SQUARES] = combine(acc[1]);
    out[KL_TRUE_MODEL] = combine(acc[2]);
    out[KL_MODEL_TRUE] = combine(acc[3]);
    out[L1] = combine(acc[4]);
    out[SUPPORT] = integers[0];
    out[EXTINCT] = integers[1];
  }
}
