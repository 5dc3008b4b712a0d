package org.collapsesim.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void eigenpairsSatisfyAvEqualsLambdaV() {
    SplittableRandom rnd = new SplittableRandom(21);
    for (int d : new int[] {1, 2, 3, 5, 13, 40}) {
      double[] a = new double[d * d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          double v = rnd.nextDouble(-3, 3);
          a[i * d + j] = v;
          a[j * d + i] = v;
        }
      }
      double[] lambda = new double[d];
      double[] v = new double[d * d];
      SymmetricEigen.decompose(a, d, lambda, v);
      double norm = LinalgTestSupport.maxAbs(a) * d;
      double worst = 0.0;
      for (int k = 0; k < d; k++) {
        if (k > 0) {
          assertTrue(lambda[k - 1] <= lambda[k], "ascending");
        }
        for (int i = 0; i < d; i++) {
          double av = 0.0;
          for (int j = 0; j < d; j++) {
            av += a[i * d + j] * v[j * d + k];
          }
          worst = Math.max(worst, Math.abs(av - lambda[k] * v[i * d + k]));
        }
        for (int k2 = 0; k2 < d; k2++) { // orthonormal columns
          double dot = 0.0;
          for (int i = 0; i < d; i++) {
            dot += v[i * d + k] * v[i * d + k2];
          }
          assertEquals(k == k2 ? 1.0 : 0.0, dot, 1e-13);
        }
      }
      System.out.printf(
          "SymmetricEigen d = %d: max |A v - lambda v| / (d max|a|) = %.2e%n", d, worst / norm);
      assertTrue(worst <= 1e-14 * norm, "d = " + d + ": " + worst);
      double traceSum = 0.0;
      for (double l : lambda) {
        traceSum += l;
      }
      assertEquals(SymmetricEigen.trace(a, d), traceSum, 1e-13 * norm);
    }
  }

  @Test
  void knownEigenvaluesAndDeterminism() {
    double[] a = {2, 1, 0, 1, 2, 1, 0, 1, 2}; // eigenvalues 2 - sqrt2, 2, 2 + sqrt2
    double[] lambda = new double[3];
    SymmetricEigen.eigenvalues(a, 3, lambda);
    assertEquals(2 - Math.sqrt(2), lambda[0], 1e-15);
    assertEquals(2, lambda[1], 1e-15);
    assertEquals(2 + Math.sqrt(2), lambda[2], 1e-15);
    double[] again = new double[3];
    SymmetricEigen.eigenvalues(a, 3, again);
    assertArrayEquals(lambda, again);
    double[] diag = {3, 0, 0, 0, 1, 0, 0, 0, 2};
    SymmetricEigen.eigenvalues(diag, 3, lambda);
    assertArrayEquals(new double[] {1, 2, 3}, lambda);
  }

  @Test
  void sqrtmSquaresBack() {
    SplittableRandom rnd = new SplittableRandom(22);
    for (int d : new int[] {1, 2, 4, 9, 30}) {
      double[] a = LinalgTestSupport.randomSpd(rnd, d, 0.01);
      double[] r = new double[d * d];
      SymmetricEigen.sqrtm(a, d, r);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          assertEquals(r[i * d + j], r[j * d + i], 0.0);
        }
      }
      double err = LinalgTestSupport.maxAbsDiff(LinalgTestSupport.multiply(r, r, d), a);
      assertTrue(err <= 1e-12 * LinalgTestSupport.maxAbs(a), "d = " + d + ": " + err);
    }
    // singular PSD: rank one, round-off negatives clamped, no NaN
    double[] rankOne = {1, 2, 3, 2, 4, 6, 3, 6, 9};
    double[] r = new double[9];
    SymmetricEigen.sqrtm(rankOne, 3, r);
    for (double v : r) {
      assertTrue(Double.isFinite(v));
    }
    assertTrue(LinalgTestSupport.maxAbsDiff(LinalgTestSupport.multiply(r, r, 3), rankOne) < 1e-12);
  }
}
