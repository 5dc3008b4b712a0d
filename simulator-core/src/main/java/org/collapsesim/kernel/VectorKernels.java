package org.collapsesim.kernel;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.XOR;
import static org.collapsesim.math.DetMathConstants.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.collapsesim.random.SplitMix64;
import org.collapsesim.random.ZigguratNormal;

/**
 * The vector twin (jdk.incubator.vector, 256-bit species: 4 lanes of long or double; the 8 logical
 * lanes of a reduction are two vectors). Only lane-wise IEEE operations, integer arithmetic,
 * compares and blends: {@link #log} evaluates every arm of {@link org.collapsesim.math.DetMath}'s
 * fdlibm log on all lanes with the same operations in the same order, and blends by the same
 * conditions, so each lane has the scalar twin's bits. The Vector API's own LOG/EXP are not used
 * (they change bits when compiled, README, Random streams and determinism). Short inputs go to the
 * scalar twin. The only file that names incubator types.
 */
final class VectorKernels implements KernelSupport {

  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
  private static final int W = 4; // lanes per vector

  /** Below this many elements the scalar twin runs (identical bits, less overhead). */
  static final int THRESHOLD = 32;

  private static final ScalarKernels SCALAR = new ScalarKernels();

  /** Why this twin cannot run here, or null: the species must be backed by real registers. */
  static String unusable() {
    int preferred = DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    if (preferred < 256) {
      return "preferred vector size is " + preferred + " bits (< 256: no AVX2/SVE-class registers)";
    }
    return null;
  }

  @Override
  public String name() {
    return "vector";
  }

  // ---------------------------------------------------------------- random words

  // AVX2 has no 64-bit vector multiply (vpmullq is AVX-512), so C2 emulates each LongVector.mul
  // with ~8 instructions on the vector ports, leaving the scalar multiplier idle. The loops below
  // therefore run one 4-lane vector chain and four scalar chains side by side: the two kinds of
  // work issue to different execution units (measured ~1.3x over vectors alone). Everything stays
  // in one method: a vector passed to a helper that is not inlined is boxed, which once made
  // openUniforms allocate 32 bytes per element.

  private static final long M1 = 0xBF58476D1CE4E5B9L;
  private static final long M2 = 0x94D049BB133111EBL;
  private static final long GOLDEN = SplitMix64.GOLDEN_GAMMA;

  /** Elements per loop iteration: one vector of W plus W scalar chains. */
  private static final int BLOCK = 2 * W;

  @Override
  public void randomWords(long key, long start, long[] out, int n) {
    int bound = n - n % BLOCK;
    // lanes hold counters start + 1 + lane (elements i .. i + 3); the scalar chains i + 4 .. i + 7
    LongVector z = LongVector.zero(L).addIndex(1).add(start + 1).mul(GOLDEN).add(key);
    long c = key + (start + W + 1) * GOLDEN;
    for (int i = 0; i < bound; i += BLOCK) {
      LongVector a = z;
      a = a.lanewise(XOR, a.lanewise(LSHR, 30)).mul(M1);
      long p = c;
      long q = c + GOLDEN;
      long r = c + 2 * GOLDEN;
      long s = c + 3 * GOLDEN;
      p = (p ^ (p >>> 30)) * M1;
      q = (q ^ (q >>> 30)) * M1;
      r = (r ^ (r >>> 30)) * M1;
      s = (s ^ (s >>> 30)) * M1;
      a = a.lanewise(XOR, a.lanewise(LSHR, 27)).mul(M2);
      p = (p ^ (p >>> 27)) * M2;
      q = (q ^ (q >>> 27)) * M2;
      r = (r ^ (r >>> 27)) * M2;
      s = (s ^ (s >>> 27)) * M2;
      a.lanewise(XOR, a.lanewise(LSHR, 31)).intoArray(out, i);
      out[i + W] = p ^ (p >>> 31);
      out[i + W + 1] = q ^ (q >>> 31);
      out[i + W + 2] = r ^ (r >>> 31);
      out[i + W + 3] = s ^ (s >>> 31);
      z = z.add(BLOCK * GOLDEN);
      c += BLOCK * GOLDEN;
    }
    for (int i = bound; i < n; i++) {
      out[i] = SplitMix64.word(key, start + i);
    }
  }

  // Long-to-double without L2D: AVX2 has no vcvtqq2pd, and the Vector API then falls back to a
  // boxed Java loop (~50x slower). These exact bit tricks give the same value as a (double) cast.
  private static final long MAGIC_2_52 = 0x4330000000000000L; // 2^52
  private static final double TWO_52 = 4503599627370496.0;
  private static final long MAGIC_2_52_51 = 0x4338000000000000L; // 2^52 + 2^51
  private static final double TWO_52_51 = 6755399441055744.0;

  /** (double) y for 0 <= y < 2^52, exactly. */
  private static DoubleVector small(LongVector y) {
    return y.or(MAGIC_2_52).reinterpretAsDoubles().sub(TWO_52);
  }

  /** (double) k for |k| < 2^51, exactly. */
  private static DoubleVector signedSmall(LongVector k) {
    return k.add(MAGIC_2_52_51).reinterpretAsDoubles().sub(TWO_52_51);
  }

  /** (double) c for c >= 0, rounded once as the cast rounds: 2^32 hi + lo, both parts exact. */
  private static DoubleVector nonNegative(LongVector c) {
    return small(c.lanewise(LSHR, 32)).mul(4294967296.0).add(small(c.and(0xffffffffL)));
  }

  @Override
  public void openUniforms(long key, long start, double[] out, int n) {
    int bound = n - n % BLOCK;
    LongVector z = LongVector.zero(L).addIndex(1).add(start + 1).mul(GOLDEN).add(key);
    long c = key + (start + W + 1) * GOLDEN;
    for (int i = 0; i < bound; i += BLOCK) {
      LongVector a = z;
      a = a.lanewise(XOR, a.lanewise(LSHR, 30)).mul(M1);
      long p = c;
      long q = c + GOLDEN;
      long r = c + 2 * GOLDEN;
      long s = c + 3 * GOLDEN;
      p = (p ^ (p >>> 30)) * M1;
      q = (q ^ (q >>> 30)) * M1;
      r = (r ^ (r >>> 30)) * M1;
      s = (s ^ (s >>> 30)) * M1;
      a = a.lanewise(XOR, a.lanewise(LSHR, 27)).mul(M2);
      p = (p ^ (p >>> 27)) * M2;
      q = (q ^ (q >>> 27)) * M2;
      r = (r ^ (r >>> 27)) * M2;
      s = (s ^ (s >>> 27)) * M2;
      a = a.lanewise(XOR, a.lanewise(LSHR, 31));
      // x = w >>> 11 < 2^53 as (x >>> 1) * 2 + (x & 1): both parts exact below 2^52
      LongVector x = a.lanewise(LSHR, 11);
      DoubleVector half = x.lanewise(LSHR, 1).or(MAGIC_2_52).reinterpretAsDoubles().sub(TWO_52);
      DoubleVector odd = x.and(1L).or(MAGIC_2_52).reinterpretAsDoubles().sub(TWO_52);
      half.mul(2.0).add(odd).add(0.5).mul(ScalarKernels.DOUBLE_UNIT).intoArray(out, i);
      out[i + W] = (((p ^ (p >>> 31)) >>> 11) + 0.5) * ScalarKernels.DOUBLE_UNIT;
      out[i + W + 1] = (((q ^ (q >>> 31)) >>> 11) + 0.5) * ScalarKernels.DOUBLE_UNIT;
      out[i + W + 2] = (((r ^ (r >>> 31)) >>> 11) + 0.5) * ScalarKernels.DOUBLE_UNIT;
      out[i + W + 3] = (((s ^ (s >>> 31)) >>> 11) + 0.5) * ScalarKernels.DOUBLE_UNIT;
      z = z.add(BLOCK * GOLDEN);
      c += BLOCK * GOLDEN;
    }
    for (int i = bound; i < n; i++) {
      out[i] = ((SplitMix64.word(key, start + i) >>> 11) + 0.5) * ScalarKernels.DOUBLE_UNIT;
    }
  }

  /**
   * The ziggurat's own loop ({@link ZigguratNormal#fill}), shared with the scalar twin. A lane-wise
   * fast path was measured slower on AVX2 (Zen 3): it needs two table gathers per 4 lanes
   * (vpgatherdq is microcoded there) plus the emulated 64-bit multiplies, against two L1 loads per
   * element in the scalar loop (see benchmarks/GAUSSIAN.md). Identical bits by construction.
   */
  @Override
  public void gaussians(long key, long start, double[] out, int offset, int n) {
    ZigguratNormal.fill(key, start, out, offset, n);
  }

  // ---------------------------------------------------------------- reductions

  @Override
  public double sum(double[] x, int n) {
    if (n < THRESHOLD) {
      return SCALAR.sum(x, n);
    }
    int bound = n - n % (2 * W);
    DoubleVector a0 = DoubleVector.zero(D);
    DoubleVector a1 = DoubleVector.zero(D);
    for (int i = 0; i < bound; i += 2 * W) {
      a0 = a0.add(DoubleVector.fromArray(D, x, i));
      a1 = a1.add(DoubleVector.fromArray(D, x, i + W));
    }
    double[] acc = new double[LANES];
    a0.intoArray(acc, 0);
    a1.intoArray(acc, W);
    for (int i = bound; i < n; i++) {
      acc[i & 7] += x[i];
    }
    return ScalarKernels.combine(acc);
  }

  @Override
  public double sumSquaredDeviations(double[] x, int n, double c) {
    if (n < THRESHOLD) {
      return SCALAR.sumSquaredDeviations(x, n, c);
    }
    int bound = n - n % (2 * W);
    DoubleVector a0 = DoubleVector.zero(D);
    DoubleVector a1 = DoubleVector.zero(D);
    for (int i = 0; i < bound; i += 2 * W) {
      DoubleVector e0 = DoubleVector.fromArray(D, x, i).sub(c);
      DoubleVector e1 = DoubleVector.fromArray(D, x, i + W).sub(c);
      a0 = a0.add(e0.mul(e0));
      a1 = a1.add(e1.mul(e1));
    }
    double[] acc = new double[LANES];
    a0.intoArray(acc, 0);
    a1.intoArray(acc, W);
    for (int i = bound; i < n; i++) {
      double e = x[i] - c;
      acc[i & 7] += e * e;
    }
    return ScalarKernels.combine(acc);
  }

  // ---------------------------------------------------------------- categorical pass

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
    int bound = n < THRESHOLD ? 0 : n - n % (2 * W);
    if (bound > 0) {
      // Locals, not an array: vectors stored into an array are boxed. Elements i with (i & 7) < 4
      // go to the first set of accumulators and the others to the second: the two sets swap
      // after every vector, and bound is a multiple of 8, so the first set ends where it began.
      DoubleVector entropy = DoubleVector.zero(D);
      DoubleVector squares = DoubleVector.zero(D);
      DoubleVector klTrueModel = DoubleVector.zero(D);
      DoubleVector klModelTrue = DoubleVector.zero(D);
      DoubleVector l1 = DoubleVector.zero(D);
      DoubleVector entropy2 = DoubleVector.zero(D);
      DoubleVector squares2 = DoubleVector.zero(D);
      DoubleVector klTrueModel2 = DoubleVector.zero(D);
      DoubleVector klModelTrue2 = DoubleVector.zero(D);
      DoubleVector l12 = DoubleVector.zero(D);
      long support = 0;
      long extinct = 0;
      DoubleVector logDen = DoubleVector.broadcast(D, logSmoothedDenominator);
      for (int i = 0; i < bound; i += W) {
        DoubleVector pi = DoubleVector.fromArray(D, p, i);
        DoubleVector ps = DoubleVector.fromArray(D, pStar, i);
        DoubleVector ls = DoubleVector.fromArray(D, logStar, i);
        LongVector c = LongVector.fromArray(L, counts, i);
        VectorMask<Double> absent = pi.compare(GT, 0.0).not();
        VectorMask<Double> inTruth = ps.compare(GT, 0.0);
        VectorMask<Double> notInTruth = inTruth.not();
        DoubleVector logPi = log(pi).blend(0.0, absent);
        DoubleVector cd = nonNegative(c);
        DoubleVector logSmoothed = log(cd.add(eps)).sub(logDen);
        DoubleVector forward = pi.mul(logPi.sub(ls)).blend(Double.POSITIVE_INFINITY, notInTruth);
        DoubleVector nextEntropy = entropy2;
        DoubleVector nextSquares = squares2;
        DoubleVector nextKlTrueModel = klTrueModel2;
        DoubleVector nextKlModelTrue = klModelTrue2;
        DoubleVector nextL1 = l12;
        entropy2 = entropy.sub(pi.mul(logPi));
        squares2 = squares.add(pi.mul(pi));
        klTrueModel2 = klTrueModel.add(ps.mul(ls.sub(logSmoothed)).blend(0.0, notInTruth));
        klModelTrue2 = klModelTrue.add(forward.blend(0.0, absent));
        l12 = l1.add(pi.sub(ps).abs());
        entropy = nextEntropy;
        squares = nextSquares;
        klTrueModel = nextKlTrueModel;
        klModelTrue = nextKlModelTrue;
        l1 = nextL1;
        VectorMask<Long> zero = c.compare(EQ, 0L);
        support += W - zero.trueCount();
        extinct += zero.and(inTruth.cast(L)).trueCount();
      }
      entropy.intoArray(acc[0], 0);
      entropy2.intoArray(acc[0], W);
      squares.intoArray(acc[1], 0);
      squares2.intoArray(acc[1], W);
      klTrueModel.intoArray(acc[2], 0);
      klTrueModel2.intoArray(acc[2], W);
      klModelTrue.intoArray(acc[3], 0);
      klModelTrue2.intoArray(acc[3], W);
      l1.intoArray(acc[4], 0);
      l12.intoArray(acc[4], W);
      integers[0] = support;
      integers[1] = extinct;
    }
    ScalarKernels.categoricalRange(
        p, pStar, logStar, counts, bound, n, eps, logSmoothedDenominator, acc, integers);
    ScalarKernels.finish(acc, integers, out);
  }

  // ---------------------------------------------------------------- fdlibm log, lane-wise

  /** {@link org.collapsesim.math.DetMath#log}, every arm on every lane, blended. */
  static DoubleVector log(DoubleVector input) {
    LongVector bits = input.reinterpretAsLongs();
    // the sign-extended high word; AVX2 has no 64-bit arithmetic shift, so shift logically and
    // sign-extend the 32-bit value with (h ^ 2^31) - 2^31
    LongVector hx = bits.lanewise(LSHR, 32).lanewise(XOR, 0x80000000L).sub(0x80000000L);
    LongVector lx = bits.and(0xffffffffL);
    VectorMask<Long> sub = hx.compare(LT, 0x00100000L);
    VectorMask<Long> zero = hx.and(0x7fffffffL).or(lx).compare(EQ, 0L);
    VectorMask<Long> negative = hx.compare(LT, 0L);
    DoubleVector x = input.blend(input.mul(TWO54), sub.cast(D));
    LongVector k = LongVector.zero(L).blend(-54L, sub);
    LongVector xBits = x.reinterpretAsLongs();
    hx = hx.blend(xBits.lanewise(LSHR, 32).lanewise(XOR, 0x80000000L).sub(0x80000000L), sub);
    VectorMask<Long> special = hx.compare(GE, 0x7ff00000L);
    k = k.add(hx.lanewise(LSHR, 20).sub(1023L)); // hx >= 0 in every lane whose result is kept
    hx = hx.and(0x000fffffL);
    LongVector i = hx.add(0x95f64L).and(0x100000L);
    LongVector low = xBits.and(0xffffffffL);
    DoubleVector y =
        hx.or(i.lanewise(XOR, 0x3ff00000L)).lanewise(LSHL, 32).or(low).reinterpretAsDoubles();
    k = k.add(i.lanewise(LSHR, 20)); // i is 0 or 2^20
    DoubleVector f = y.sub(1.0);
    DoubleVector dk = signedSmall(k);
    VectorMask<Double> k0 = k.compare(EQ, 0L).cast(D);
    DoubleVector dkHi = dk.mul(LN2_HI);
    DoubleVector dkLo = dk.mul(LN2_LO);
    // |f| < 2^-20
    VectorMask<Double> tiny = hx.add(2L).and(0x000fffffL).compare(LT, 3L).cast(D);
    DoubleVector tinyZero = dkHi.add(dkLo).blend(0.0, k0);
    DoubleVector rt = f.mul(f).mul(DoubleVector.broadcast(D, 0.5).sub(f.mul(0.33333333333333333)));
    DoubleVector tinyValue =
        dkHi.sub(rt.sub(dkLo).sub(f)).blend(f.sub(rt), k0).blend(tinyZero, f.compare(EQ, 0.0));
    // general case
    DoubleVector s = f.div(f.add(2.0));
    DoubleVector z = s.mul(s);
    LongVector ii = hx.sub(0x6147aL);
    DoubleVector w = z.mul(z);
    LongVector j = LongVector.broadcast(L, 0x6b851L).sub(hx);
    DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
    DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
    VectorMask<Double> iiPositive = ii.or(j).compare(GT, 0L).cast(D);
    DoubleVector r = t2.add(t1);
    DoubleVector hfsq = f.mul(0.5).mul(f);
    DoubleVector sHr = s.mul(hfsq.add(r));
    DoubleVector withHfsq =
        dkHi.sub(hfsq.sub(sHr.add(dkLo)).sub(f)).blend(f.sub(hfsq.sub(sHr)), k0);
    DoubleVector sFr = s.mul(f.sub(r));
    DoubleVector plain = dkHi.sub(sFr.sub(dkLo).sub(f)).blend(f.sub(sFr), k0);
    DoubleVector result = plain.blend(withHfsq, iiPositive).blend(tinyValue, tiny);
    result = result.blend(x.add(x), special.cast(D));
    result = result.blend(Double.NaN, negative.andNot(zero).cast(D));
    return result.blend(Double.NEGATIVE_INFINITY, zero.cast(D));
  }
}
