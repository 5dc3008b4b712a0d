package org.collapsesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {

  @Test
  void upper975PointFromTheBrief() {
    assertEquals(12.706204736174707, StudentT.quantile(0.975, 1), 1e-10);
    assertEquals(2.7764451051977934, StudentT.quantile(0.975, 4), 1e-10);
    assertEquals(2.0422724563012373, StudentT.quantile(0.975, 30), 1e-10);
    assertEquals(1.9623390808264078, StudentT.quantile(0.975, 1000), 1e-10);
  }

  @Test
  void againstHighPrecisionValues() {
    // {p, dof, quantile}, 40-digit mpmath roots of the regularized incomplete beta
    double[][] cases = {
      {0.975, 1, 12.706204736174704646},
      {0.975, 2, 4.3026527297494638523},
      {0.975, 3, 3.1824463052837095927},
      {0.975, 4, 2.7764451051977943578},
      {0.975, 5, 2.5705818356363155147},
      {0.975, 7, 2.3646242515927853417},
      {0.975, 10, 2.2281388519862747484},
      {0.975, 30, 2.04227245630123831},
      {0.975, 100, 1.9839715185235522866},
      {0.975, 999, 1.9623414611334499787},
      {0.975, 1000, 1.962339080826408485},
      {0.975, 1001, 1.9623367052808799185},
      {0.975, 5000, 1.9604385517065079186},
      {0.6, 3, 0.27667066233268984701},
      {0.9999, 3, 22.203742273205002038},
      {1e-06, 50, -5.3766734017404762925},
      {0.75, 17, 0.68919507515393890121},
      {0.995, 200, 2.6006344361915576429},
      {0.3, 1, -0.72654252800536093919},
      {0.1, 2, -1.885618083164126659},
      {0.999999, 1000, 4.7816086204524386087},
      {0.8, 8, 0.88888951776701997126},
    };
    double worst = 0.0;
    for (double[] c : cases) {
      double got = StudentT.quantile(c[0], (int) c[1]);
      double rel = Math.abs(got - c[2]) / Math.abs(c[2]);
      worst = Math.max(worst, rel);
      assertEquals(c[2], got, 1e-12 * Math.abs(c[2]), "p = " + c[0] + ", dof = " + (int) c[1]);
    }
    System.out.printf("StudentT.quantile: max relative error on reference values = %.2e%n", worst);
  }

  @Test
  void symmetryAndEdges() {
    for (int dof : new int[] {1, 2, 3, 9, 60, 2000}) {
      assertEquals(-StudentT.quantile(0.975, dof), StudentT.quantile(1 - 0.975, dof), 0.0);
      assertEquals(0.0, StudentT.quantile(0.5, dof));
      assertEquals(Double.POSITIVE_INFINITY, StudentT.quantile(1.0, dof));
      assertEquals(Double.NEGATIVE_INFINITY, StudentT.quantile(0.0, dof));
    }
    assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(Double.NaN, 3));
    assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1.5, 3));
  }
}
