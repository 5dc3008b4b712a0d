package org.collapsesim.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

  private static final int[] DIMS = {1, 2, 3, 7, 13, 50};

  @Test
  void reconstructsTheMatrix() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int d : DIMS) {
      double[] a = LinalgTestSupport.randomSpd(rnd, d, 0.5);
      double[] l = new double[d * d];
      assertTrue(Cholesky.decompose(a, d, l));
      for (int i = 0; i < d; i++) {
        for (int j = i + 1; j < d; j++) {
          assertEquals(0.0, l[i * d + j], "upper triangle must be zero");
        }
      }
      double[] lt = new double[d * d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          lt[i * d + j] = l[j * d + i];
        }
      }
      double err = LinalgTestSupport.maxAbsDiff(LinalgTestSupport.multiply(l, lt, d), a);
      assertTrue(err <= 1e-12 * LinalgTestSupport.maxAbs(a), "d = " + d + ", |LL^T - A| = " + err);
    }
  }

  @Test
  void inPlaceGivesTheSameBits() {
    SplittableRandom rnd = new SplittableRandom(12);
    double[] a = LinalgTestSupport.randomSpd(rnd, 9, 0.1);
    double[] l = new double[81];
    assertTrue(Cholesky.decompose(a, 9, l));
    double[] inPlace = a.clone();
    assertTrue(Cholesky.decompose(inPlace, 9, inPlace));
    assertArrayEquals(l, inPlace);
  }

  @Test
  void rejectsNonPositiveDefinite() {
    double[] l = new double[4];
    assertFalse(Cholesky.decompose(new double[] {1, 2, 2, 1}, 2, l)); // indefinite
    assertFalse(Cholesky.decompose(new double[] {1, 1, 1, 1}, 2, l)); // singular
    assertFalse(Cholesky.decompose(new double[] {0}, 1, l));
    assertFalse(Cholesky.decompose(new double[] {Double.NaN}, 1, l));
    assertFalse(Cholesky.decompose(new double[] {-1}, 1, l));
  }

  @Test
  void solveInverseLogDetAndSampling() {
    SplittableRandom rnd = new SplittableRandom(13);
    for (int d : DIMS) {
      double[] a = LinalgTestSupport.randomSpd(rnd, d, 1.0);
      double[] l = new double[d * d];
      assertTrue(Cholesky.decompose(a, d, l));
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = rnd.nextDouble(-2, 2);
      }
      double[] b = new double[d];
      for (int i = 0; i < d; i++) {
        for (int k = 0; k < d; k++) {
          b[i] += a[i * d + k] * x[k];
        }
      }
      double[] solved = new double[d];
      Cholesky.solve(l, d, b, solved);
      assertTrue(LinalgTestSupport.maxAbsDiff(solved, x) < 1e-10, "solve, d = " + d);

      double[] inv = new double[d * d];
      Cholesky.inverse(l, d, inv);
      double[] eye = LinalgTestSupport.multiply(a, inv, d);
      for (int i = 0; i < d; i++) {
        eye[i * d + i] -= 1.0;
        for (int j = 0; j < d; j++) {
          assertEquals(inv[i * d + j], inv[j * d + i], 0.0, "inverse must be exactly symmetric");
        }
      }
      assertTrue(LinalgTestSupport.maxAbs(eye) < 1e-10, "A A^-1 - I, d = " + d);

      // log det against the product of the pivots for small d, against eigenvalues otherwise
      double[] lambda = new double[d];
      SymmetricEigen.eigenvalues(a, d, lambda);
      double sumLog = 0.0;
      for (double v : lambda) {
        sumLog += Math.log(v); // test-side reference only
      }
      assertEquals(sumLog, Cholesky.logDet(l, d), 1e-10 * Math.max(1, Math.abs(sumLog)));

      double[] z = x.clone();
      double[] mu = new double[d];
      java.util.Arrays.fill(mu, 3.0);
      double[] lz = new double[d];
      Cholesky.multiplyLower(l, d, z, lz);
      double[] sample = new double[d];
      Cholesky.multiplyLowerAdd(l, d, z, mu, sample);
      for (int i = 0; i < d; i++) {
        double t = 0.0;
        for (int k = 0; k <= i; k++) {
          t += l[i * d + k] * z[k];
        }
        assertEquals(t, lz[i], 0.0);
        assertEquals(3.0 + t, sample[i], 0.0);
      }
      Cholesky.multiplyLower(l, d, z, z); // aliasing is allowed
      assertArrayEquals(lz, z);
    }
  }
}
