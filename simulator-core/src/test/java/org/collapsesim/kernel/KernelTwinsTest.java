package org.collapsesim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jdk.incubator.vector.DoubleVector;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.ZigguratNormal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of the kernel twins (README, Random streams and determinism): on awkward
 * lengths, the vector twin gives the scalar twin's bits for every kernel, the random streams
 * included, and the scalar twin gives RandomStream's own numbers. Comparisons are of raw bits
 * (doubleToRawLongBits), so -0.0 vs 0.0 or two NaN payloads would fail too. Repeated so that the
 * JIT has compiled the vector code (C2 may change what an interpreted intrinsic returns; ours must
 * not change).
 */
class KernelTwinsTest {

  private static final int[] LENGTHS = {0, 1, 3, 7, 8, 13, 31, 32, 33, 207, 1023, 4099};
  private static KernelSupport scalar;
  private static KernelSupport vector;

  @BeforeAll
  static void twins() {
    scalar = Kernels.scalar();
    vector = Kernels.vectorOrNull();
    assumeTrue(vector != null, "vector twin unavailable: " + Kernels.vectorUnusableReason());
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(actual),
        () -> what + ": scalar " + expected + " vs vector " + actual);
  }

  private static void assertBits(double[] expected, double[] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertBits(expected[i], actual[i], what + " [" + i + "]");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, 1L, -1L, 0x123456789ABCDEFL, Long.MIN_VALUE})
  void randomStreamsAgreeAndMatchRandomStream(long start) {
    long slowLanes = 0;
    long tailLanes = 0;
    for (int rep = 0; rep < 200; rep++) {
      for (int n : LENGTHS) {
        long key = StreamKeys.hash(rep, n, start);
        long[] a = new long[n];
        long[] b = new long[n];
        scalar.randomWords(key, start, a, n);
        vector.randomWords(key, start, b, n);
        assertArrayEquals(a, b, "random words n=" + n);
        double[] u = new double[n];
        double[] v = new double[n];
        scalar.openUniforms(key, start, u, n);
        vector.openUniforms(key, start, v, n);
        assertBits(u, v, "open uniforms n=" + n);
        double[] g = new double[n];
        double[] h = new double[n + 3];
        scalar.gaussians(key, start, g, 0, n);
        vector.gaussians(key, start, h, 3, n);
        assertBits(g, java.util.Arrays.copyOfRange(h, 3, n + 3), "gaussians n=" + n);
        for (int i = 0; i < n; i++) {
          slowLanes += ZigguratNormal.onFastPath(key, start + i) ? 0 : 1;
          tailLanes += ZigguratNormal.inBaseStrip(key, start + i) ? 1 : 0;
        }
        if (rep == 0) {
          RandomStream rng = new RandomStream(key);
          rng.skip(start);
          for (int i = 0; i < n; i++) {
            assertBits(rng.nextGaussian(), g[i], "RandomStream.nextGaussian " + i);
          }
        }
      }
    }
    // 1.1 million deviates: ~17,000 on the slow path, ~290 in the tail beyond r; a count of zero
    // has probability below e^-290, so these only confirm that the slow lanes were compared
    System.out.println(
        "gaussian twins compared "
            + slowLanes
            + " slow-path and "
            + tailLanes
            + " tail elements (start "
            + start
            + ")");
    org.junit.jupiter.api.Assertions.assertTrue(
        slowLanes > 0 && tailLanes > 0, "slow " + slowLanes + ", tail " + tailLanes);
  }

  @Test
  void reductionsAgree() {
    RandomStream rng = new RandomStream(StreamKeys.hash(71));
    for (int rep = 0; rep < 300; rep++) {
      for (int n : LENGTHS) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) { // wide magnitudes, so association order matters
          x[i] = (rng.nextDouble() - 0.3) * DetMath.exp(40 * rng.nextDouble() - 20);
        }
        double c = rng.nextGaussian();
        assertBits(scalar.sum(x, n), vector.sum(x, n), "sum n=" + n);
        assertBits(
            scalar.sumSquaredDeviations(x, n, c),
            vector.sumSquaredDeviations(x, n, c),
            "sum of squared deviations n=" + n);
      }
    }
  }

  @Test
  void categoricalPassAgrees() {
    RandomStream rng = new RandomStream(StreamKeys.hash(73));
    for (int rep = 0; rep < 200; rep++) {
      for (int n : LENGTHS) {
        double[] p = new double[n];
        double[] pStar = new double[n];
        double[] logStar = new double[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
          // zeros in the model, the truth, or both; tiny and subnormal probabilities
          double kind = rng.nextDouble();
          counts[i] = kind < 0.3 ? 0 : rng.nextInt(1000) + (kind > 0.95 ? 1L << 40 : 0);
          p[i] = counts[i] == 0 ? 0.0 : rng.nextDouble() * (kind > 0.9 ? 1e-310 : 1e-3);
          pStar[i] = rng.nextDouble() < 0.1 ? 0.0 : rng.nextDouble() * 1e-3;
          logStar[i] = pStar[i] > 0 ? DetMath.log(pStar[i]) : Double.NEGATIVE_INFINITY;
        }
        double eps = rep % 3 == 0 ? 0.0 : 0.5;
        double logDen = DetMath.log(12345.5 + rep);
        double[] a = new double[KernelSupport.CATEGORICAL_SLOTS];
        double[] b = new double[KernelSupport.CATEGORICAL_SLOTS];
        scalar.categoricalPass(p, pStar, logStar, counts, n, eps, logDen, a);
        vector.categoricalPass(p, pStar, logStar, counts, n, eps, logDen, b);
        assertBits(a, b, "categorical pass n=" + n + " eps=" + eps);
      }
    }
  }

  /** The lane-wise log on its special and boundary inputs. */
  @Test
  void laneWiseLogMatchesDetMath() {
    double[] special = {
      0.0,
      -0.0,
      -1.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      1e-310,
      Double.MIN_NORMAL,
      1.0,
      Math.nextUp(1.0),
      Math.nextDown(1.0),
      1.0 + 1e-7,
      1 - 1e-7,
      1.4142135623730951,
      0.7071067811865476,
      2.0,
      0.5,
      1e300,
      Double.MAX_VALUE,
      3.0,
      1e-5,
      123456.789,
      0.999999,
      1.000001,
      1.0 + 0x1p-21
    };
    checkLog(special);
    RandomStream rng = new RandomStream(StreamKeys.hash(79));
    for (int rep = 0; rep < 20_000; rep++) {
      double[] x = new double[4];
      for (int i = 0; i < 4; i++) {
        x[i] =
            switch (rng.nextInt(3)) {
              case 0 -> DetMath.exp(1400 * rng.nextDouble() - 700);
              case 1 -> 1.0 + (rng.nextDouble() - 0.5) * 1e-5;
              default -> rng.nextDouble() * 4;
            };
      }
      checkLog(x);
    }
  }

  private static void checkLog(double[] values) {
    double[] padded = java.util.Arrays.copyOf(values, (values.length + 3) / 4 * 4);
    double[] out = new double[padded.length];
    for (int i = 0; i < padded.length; i += 4) {
      VectorKernels.log(DoubleVector.fromArray(DoubleVector.SPECIES_256, padded, i))
          .intoArray(out, i);
    }
    for (int i = 0; i < padded.length; i++) {
      assertBits(DetMath.log(padded[i]), out[i], "log(" + padded[i] + ")");
    }
  }
}
