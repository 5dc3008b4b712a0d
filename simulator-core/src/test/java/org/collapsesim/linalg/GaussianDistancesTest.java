package org.collapsesim.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianDistancesTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void klOfIdenticalGaussiansIsZero() {
    SplittableRandom rnd = new SplittableRandom(31);
    for (int d : new int[] {1, 2, 5, 20}) {
      double[] s = LinalgTestSupport.randomSpd(rnd, d, 0.3);
      double[] m = new double[d];
      for (int i = 0; i < d; i++) {
        m[i] = rnd.nextDouble(-1, 1);
      }
      assertEquals(0.0, GaussianDistances.kl(m, s, m.clone(), s.clone(), d), 0.0, "d = " + d);
      assertEquals(0.0, GaussianDistances.w2Squared(m, s, m, s, d), 1e-12, "d = " + d);
    }
  }

  @Test
  void oneDimensionalClosedForms() {
    double m1 = 0.3;
    double s1 = 2.0;
    double m2 = -1.1;
    double s2 = 0.7;
    double kl = 0.5 * (s1 / s2 + (m2 - m1) * (m2 - m1) / s2 - 1 + Math.log(s2 / s1));
    assertEquals(kl, GaussianDistances.kl(a(m1), a(s1), a(m2), a(s2), 1), 1e-15);
    double w2 = (m1 - m2) * (m1 - m2) + Math.pow(Math.sqrt(s1) - Math.sqrt(s2), 2);
    assertEquals(w2, GaussianDistances.w2Squared(a(m1), a(s1), a(m2), a(s2), 1), 1e-15);
    double h = 0.5 * (1 + Math.log(2 * Math.PI * s1));
    assertEquals(h, GaussianDistances.differentialEntropy(a(s1), 1), 1e-15);
  }

  @Test
  void diagonalCaseIsTheSumOfOneDimensionalTerms() {
    double[] m1 = {0.3, -2.0, 1.0};
    double[] v1 = {2.0, 0.5, 1.5};
    double[] m2 = {-1.1, 0.0, 1.0};
    double[] v2 = {0.7, 3.0, 1.5};
    double kl = 0.0;
    double w2 = 0.0;
    double h = 0.0;
    for (int i = 0; i < 3; i++) {
      kl += GaussianDistances.kl(a(m1[i]), a(v1[i]), a(m2[i]), a(v2[i]), 1);
      w2 += GaussianDistances.w2Squared(a(m1[i]), a(v1[i]), a(m2[i]), a(v2[i]), 1);
      h += GaussianDistances.differentialEntropy(a(v1[i]), 1);
    }
    assertEquals(kl, GaussianDistances.kl(m1, diag(v1), m2, diag(v2), 3), 1e-14);
    assertEquals(w2, GaussianDistances.w2Squared(m1, diag(v1), m2, diag(v2), 3), 1e-14);
    assertEquals(h, GaussianDistances.differentialEntropy(diag(v1), 3), 1e-14);
  }

  @Test
  void correlatedCaseAgainstDirectFormula() {
    // S1 = [[2, .5], [.5, 1]], S2 = [[1, -.3], [-.3, .8]], m1 = 0, m2 = (1, -1)
    double[] s1 = {2, 0.5, 0.5, 1};
    double[] s2 = {1, -0.3, -0.3, 0.8};
    double[] m1 = {0, 0};
    double[] m2 = {1, -1};
    double det2 = 0.8 - 0.09;
    double det1 = 2 - 0.25;
    double[] inv2 = {0.8 / det2, 0.3 / det2, 0.3 / det2, 1 / det2};
    double tr = inv2[0] * 2 + inv2[1] * 0.5 + inv2[2] * 0.5 + inv2[3] * 1;
    double maha = inv2[0] * 1 + 2 * inv2[1] * (-1) + inv2[3] * 1;
    double kl = 0.5 * (tr + maha - 2 + Math.log(det2 / det1));
    assertEquals(kl, GaussianDistances.kl(m1, s1, m2, s2, 2), 1e-14);
    // W2 for 2x2 via the closed form tr(sqrt(M)) = sqrt(tr M + 2 sqrt(det M))
    double[] r2 = new double[4];
    SymmetricEigen.sqrtm(s2, 2, r2);
    double[] m = LinalgTestSupport.multiply(LinalgTestSupport.multiply(r2, s1, 2), r2, 2);
    double detM = m[0] * m[3] - m[1] * m[2];
    double trSqrt = Math.sqrt(m[0] + m[3] + 2 * Math.sqrt(detM));
    double w2 = 2.0 + 3.0 + 1.8 - 2 * trSqrt;
    assertEquals(w2, GaussianDistances.w2Squared(m1, s1, m2, s2, 2), 1e-13);
    // symmetric in its arguments
    assertEquals(
        GaussianDistances.w2Squared(m1, s1, m2, s2, 2),
        GaussianDistances.w2Squared(m2, s2, m1, s1, 2),
        1e-13);
  }

  @Test
  void singularCovariances() {
    double[] m = {0, 0};
    double[] pd = {1, 0, 0, 1};
    double[] singular = {1, 1, 1, 1};
    assertEquals(INF, GaussianDistances.kl(m, pd, m, singular, 2));
    assertEquals(INF, GaussianDistances.kl(m, singular, m, pd, 2));
    assertEquals(0.0, GaussianDistances.kl(m, singular, m, singular.clone(), 2));
    assertEquals(INF, GaussianDistances.kl(m, singular, m, new double[] {1, -1, -1, 1}, 2));
    assertEquals(INF, GaussianDistances.kl(a(0), a(1), a(0), a(0), 1));
    assertEquals(INF, GaussianDistances.kl(a(0), a(0), a(0), a(1), 1));
    assertEquals(Double.NEGATIVE_INFINITY, GaussianDistances.differentialEntropy(singular, 2));
    assertEquals(Double.NEGATIVE_INFINITY, GaussianDistances.differentialEntropy(a(0), 1));
    double w2 = GaussianDistances.w2Squared(m, singular, m, pd, 2);
    assertTrue(Double.isFinite(w2) && w2 >= 0.0);
    // W2 between N(0, [[1,1],[1,1]]) and N(0, I): tr S1 + tr S2 - 2 tr(S1^1/2) = 2 + 2 - 2 sqrt2
    assertEquals(4 - 2 * Math.sqrt(2), w2, 1e-12);
  }

  @Test
  void deterministicBits() {
    SplittableRandom rnd = new SplittableRandom(32);
    double[] s1 = LinalgTestSupport.randomSpd(rnd, 8, 0.2);
    double[] s2 = LinalgTestSupport.randomSpd(rnd, 8, 0.2);
    double[] m1 = new double[8];
    double[] m2 = new double[8];
    m2[3] = 1.5;
    double kl = GaussianDistances.kl(m1, s1, m2, s2, 8);
    double w2 = GaussianDistances.w2Squared(m1, s1, m2, s2, 8);
    for (int i = 0; i < 1000; i++) {
      assertEquals(
          Double.doubleToRawLongBits(kl),
          Double.doubleToRawLongBits(GaussianDistances.kl(m1, s1, m2, s2, 8)));
      assertEquals(
          Double.doubleToRawLongBits(w2),
          Double.doubleToRawLongBits(GaussianDistances.w2Squared(m1, s1, m2, s2, 8)));
    }
  }

  private static double[] a(double v) {
    return new double[] {v};
  }

  private static double[] diag(double[] v) {
    int d = v.length;
    double[] s = new double[d * d];
    for (int i = 0; i < d; i++) {
      s[i * d + i] = v[i];
    }
    return s;
  }
}
