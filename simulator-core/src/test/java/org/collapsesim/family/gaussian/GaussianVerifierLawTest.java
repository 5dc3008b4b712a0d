package org.collapsesim.family.gaussian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.Verifier;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.TwoSampleKs;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian verifier: correct(x) is the Mahalanobis radius in Sigma*, and from a fixed model the
 * accepted samples follow the model tilted by the acceptance (a truncated normal inside the radius
 * mixed with its complement at weight FPR). The law is checked by a two-sample Kolmogorov-Smirnov
 * test against a reference drawn by rejection with an independent generator (false failure about
 * 1e-4).
 */
class GaussianVerifierLawTest {

  @Test
  void correctIsTheMahalanobisRadiusInTheTruthsCovariance() {
    GaussianTruth truth = new GaussianTruth(new double[] {1, 0}, new double[] {4, 0, 0, 1});
    GaussianCell cell = new GaussianCell(truth, false, 1.0, new GaussianCell.Mechanisms(0, 0, 2.0));
    SampleMatrix x = cell.newBatch(3);
    x.x = new double[] {4.9, 0, 5.1, 0, 1, 1.99};
    x.size = 3;
    assertTrue(cell.correct(x, 0), "((4.9 - 1) / 2)^2 = 1.95^2 <= 4");
    assertFalse(cell.correct(x, 1), "2.05^2 > 4");
    assertTrue(cell.correct(x, 2), "1.99^2 <= 4");
  }

  /**
   * Exact, without statistics: candidate i is decided by the i-th uniform of the coin stream
   * ({@code nextDouble}, one and only one per candidate), accepted when it is below 1 - FNR if
   * correct and FPR if not; the kept samples are the accepted candidates in draw order, and the
   * coin stream has advanced by exactly the candidates tried (the verifier's random-number cost).
   */
  @Test
  void eachCandidateCostsOneCoinAndIsDecidedByIt() {
    GaussianTruth truth = new GaussianTruth(new double[] {0}, new double[] {1});
    GaussianCell cell = new GaussianCell(truth, false, 1.0, new GaussianCell.Mechanisms(0, 0, 1.0));
    int n = 1001;
    SampleMatrix candidates = cell.newBatch(n);
    cell.drawModel(
        cell.fit(standardStats(cell), null, null),
        new RandomStream(5),
        n,
        candidates,
        BlockRunner.SEQUENTIAL);
    Verifier verifier = new Verifier(0.3, 0.2, false, 10); // max_draws bounds refills only
    RandomStream coins = new RandomStream(6);
    SampleMatrix kept = cell.newBatch(1);
    verifier.open(cell).filter(coins, candidates, kept);

    RandomStream reference = new RandomStream(6);
    SampleMatrix expected = cell.newBatch(1);
    for (int i = 0; i < n; i++) {
      if (verifier.accepts(cell.correct(candidates, i), reference.nextDouble())) {
        expected.append(candidates, i);
      }
    }
    assertEquals(n, coins.position(), "one coin a candidate");
    assertEquals(expected.size(), kept.size());
    assertTrue(kept.size() > 0.5 * n && kept.size() < 0.9 * n, "both decisions occur");
    assertArrayEquals(
        java.util.Arrays.copyOf(expected.x, expected.size()),
        java.util.Arrays.copyOf(kept.x, kept.size()));
  }

  /** N(0, 1) as fitted statistics of 100 samples. */
  private static MomentStats standardStats(GaussianCell cell) {
    MomentStats stats = cell.newStats();
    stats.n = 100;
    stats.scatter[0] = 100;
    return stats;
  }

  @Test
  void acceptedSamplesFollowTheTiltedModel() {
    GaussianTruth truth = new GaussianTruth(new double[] {0}, new double[] {1});
    double radius = 1.5;
    GaussianCell cell =
        new GaussianCell(truth, false, 1.0, new GaussianCell.Mechanisms(0, 0, radius));
    MomentStats stats = cell.newStats();
    stats.n = 100;
    stats.mean[0] = 0.3;
    stats.scatter[0] = 100 * 1.44; // the model N(0.3, 1.2^2)
    GaussianModel model = cell.fit(stats, null, null);
    Verifier verifier = new Verifier(0.2, 0.1, true, 100_000_000L);
    int n = 20_000;
    SampleMatrix candidates = cell.newBatch(n);
    cell.drawModel(model, new RandomStream(17), n, candidates, BlockRunner.SEQUENTIAL);
    SampleMatrix out = cell.newBatch(n);
    verifier
        .open(cell)
        .filter(
            new RandomStream(18),
            candidates,
            out,
            (round, count, more, rows) ->
                cell.drawModel(
                    model,
                    new RandomStream(StreamKeys.block(17, -round)),
                    count,
                    more,
                    BlockRunner.SEQUENTIAL));
    assertEquals(n, out.size());
    double[] accepted = java.util.Arrays.copyOf(out.x, n);
    double[] reference = new double[n];
    SplittableRandom rng = new SplittableRandom(19);
    for (int k = 0; k < n; ) {
      double u = 1 - rng.nextDouble();
      double z =
          StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * rng.nextDouble());
      double x = 0.3 + 1.2 * z;
      if (rng.nextDouble() < (Math.abs(x) <= radius ? 0.9 : 0.2)) {
        reference[k++] = x;
      }
    }
    TwoSampleKs.assertSameDistribution("accepted vs tilted N(0.3, 1.44)", accepted, reference);
  }
}
