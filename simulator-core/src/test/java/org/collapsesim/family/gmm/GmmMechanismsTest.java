package org.collapsesim.family.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.Verifier;
import org.collapsesim.loop.VerifierHarness;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.TwoSampleKs;
import org.junit.jupiter.api.Test;

/**
 * The gmm family's mechanisms: the reservoir is N(mean, scale^2 I), the verifier keeps a point
 * within the radius of its nearest truth component (in that component's covariance) and its
 * accepted points follow the model tilted by the acceptance, and weighted EM with one component is
 * the weighted mean and variance. The two-sample Kolmogorov-Smirnov tests, against references drawn
 * by rejection with an independent generator, fail by chance with probability about 1e-4.
 */
class GmmMechanismsTest {

  private static final double FLOOR = 1e-6;

  private final Mixture truth =
      GmmMetricsTest.oneDimensional(
          new double[] {0.5, 0.5}, new double[] {-3, 3}, new double[] {1, 4});
  private final GmmCell cell =
      new GmmCell(
          truth,
          new GmmCell.Settings(2, 1.0, 1e-10, 200, FLOOR, 50),
          new GmmCell.Mechanisms(1.0, 2.5, 1.5));

  /** Box-Muller with StrictMath on an independent generator. */
  private static double normal(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void theReservoirIsNormalWithItsMeanAndScale() {
    int n = 20_000;
    PointSet out = new PointSet(1, n);
    cell.drawReservoir(new RandomStream(5), n, out, BlockRunner.SEQUENTIAL);
    double[] reference = new double[n];
    SplittableRandom rng = new SplittableRandom(6);
    for (int i = 0; i < n; i++) {
      reference[i] = 1.0 + 2.5 * normal(rng);
    }
    TwoSampleKs.assertSameDistribution(
        "reservoir vs N(1, 2.5^2)", java.util.Arrays.copyOf(out.x, n), reference);
  }

  @Test
  void correctIsTheRadiusAroundTheNearestComponentInItsCovariance() {
    PointSet x = new PointSet(1, 5);
    x.x = new double[] {-4.45, -4.55, 5.9, 6.1, -0.2};
    x.size = 5;
    assertTrue(cell.correct(x, 0), "|-4.45 + 3| / 1 = 1.45 <= 1.5");
    assertFalse(cell.correct(x, 1), "1.55 > 1.5");
    assertTrue(cell.correct(x, 2), "|5.9 - 3| / 2 = 1.45: the second component's own sd");
    assertFalse(cell.correct(x, 3), "1.55 > 1.5");
    assertFalse(cell.correct(x, 4), "2.8 sd from the first, 3.2 / 2 = 1.6 from the second");
  }

  @Test
  void acceptedPointsFollowTheTiltedModel() {
    double[] w = {0.3, 0.7};
    double[] mu = {-2, 2.5};
    double[] var = {2, 1};
    Mixture model = GmmMetricsTest.oneDimensional(w, mu, var);
    double fpr = 0.2;
    double fnr = 0.1;
    int n = 20_000;
    PointSet kept =
        VerifierHarness.filter(
            cell, model, new Verifier(fpr, fnr, true, 100_000_000L), n, 31, new double[2]);
    assertEquals(n, kept.size);
    double[] reference = new double[n];
    SplittableRandom rng = new SplittableRandom(32);
    PointSet one = new PointSet(1, 1);
    one.size = 1;
    for (int k = 0; k < n; ) {
      int c = rng.nextDouble() < w[0] ? 0 : 1;
      one.x[0] = mu[c] + Math.sqrt(var[c]) * normal(rng);
      if (rng.nextDouble() < (cell.correct(one, 0) ? 1 - fnr : fpr)) {
        reference[k++] = one.x[0];
      }
    }
    TwoSampleKs.assertSameDistribution(
        "accepted vs tilted mixture", java.util.Arrays.copyOf(kept.x, n), reference);
  }

  /**
   * One component: EM's first M-step gives the weighted mean and variance, each exogenous point
   * weighing N w / N_exo and each other one N (1 - w) / N_rest (N = 5, w = 0.6: 1.5 and 2/3).
   */
  @Test
  void weightedEmWithOneComponentIsTheWeightedMoments() {
    GmmCell single = new GmmCell(truth, new GmmCell.Settings(1, 1.0, 1e-12, 50, FLOOR, 50));
    PointSet exo = new PointSet(1, 2);
    exo.x = new double[] {1.0, 3.0};
    exo.size = 2;
    PointSet rest = new PointSet(1, 3);
    rest.x = new double[] {-1.0, 0.0, 4.0};
    rest.size = 3;
    Mixture m = single.fitWeighted(exo, rest, 0.6, null, new RandomStream(1));
    double mean = 0.6 * (1.0 + 3.0) / 2 + 0.4 * (-1.0 + 0.0 + 4.0) / 3; // 1.2 + 0.4 = 1.6
    double second = 0.6 * (1 + 9) / 2 + 0.4 * (1 + 0 + 16) / 3;
    assertEquals(1.6, mean, 1e-12);
    assertEquals(mean, m.means[0], 1e-12);
    assertEquals(second - mean * mean + FLOOR, m.covs[0], 1e-12);
    assertEquals(1.0, m.weights[0], 1e-12);
  }
}
