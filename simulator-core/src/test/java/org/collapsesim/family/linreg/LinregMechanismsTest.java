package org.collapsesim.family.linreg;

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
 * The linreg family's mechanisms: the reservoir labels the design's rows with N(0, scale^2) noise,
 * the verifier keeps a label inside the residual band |y - x.w*| <= c sigma and, refilling, labels
 * every row once with the model's label tilted by the acceptance, and weighted OLS is the
 * hand-computed weighted normal equations. The two-sample Kolmogorov-Smirnov tests, against
 * references drawn with an independent generator, fail by chance with probability about 1e-4.
 */
class LinregMechanismsTest {

  private static final double NOISE = 0.5;
  private static final int ROWS = 20_000;
  private final double[] wStar = {1.0, -0.5};
  private final LinregCell cell =
      new LinregCell(ROWS, wStar, NOISE, 0.0, new LinregCell.Mechanisms(3.0, 1.2));
  private final Design design = Design.draw(new RandomStream(8), ROWS, 2);

  private static double normal(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void theReservoirLabelsItsRowsWithPureNoise() {
    LabelBatch out = cell.newBatch(ROWS);
    out.design = design;
    int[] positions = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      positions[i] = ROWS - 1 - i;
    }
    cell.assignPositions(out, positions);
    cell.drawReservoir(new RandomStream(9), ROWS, out, BlockRunner.SEQUENTIAL);
    double[] reference = new double[ROWS];
    SplittableRandom rng = new SplittableRandom(10);
    for (int i = 0; i < ROWS; i++) {
      assertEquals(positions[i], out.rows[i], "the reservoir takes its assigned rows");
      reference[i] = 3.0 * normal(rng);
    }
    TwoSampleKs.assertSameDistribution(
        "reservoir labels vs N(0, 9)", java.util.Arrays.copyOf(out.y, ROWS), reference);
  }

  @Test
  void correctIsTheResidualBand() {
    LabelBatch b = cell.newBatch(2);
    b.design = new Design(2, 2, new double[] {1, 0, 2, 2});
    b.rows[0] = 0;
    b.y[0] = 1.0 + 0.59; // x.w* = 1, band 1.2 * 0.5 = 0.6
    b.rows[1] = 1;
    b.y[1] = 1.0 - 0.61; // x.w* = 2 - 1 = 1
    b.size = 2;
    assertTrue(cell.correct(b, 0));
    assertFalse(cell.correct(b, 1));
  }

  /**
   * With refill every row gets exactly one label: the model's x.w + sigma z relabelled until
   * accepted, so the residuals y - x.w follow, row by row, N(0, sigma^2) tilted by the acceptance.
   */
  @Test
  void refilledLabelsFollowTheTiltedModelRowByRow() {
    LinregModel model = new LinregModel(2);
    model.design = design;
    model.w[0] = 1.4;
    model.w[1] = -0.2;
    double fpr = 0.2;
    double fnr = 0.1;
    LabelBatch kept =
        VerifierHarness.filter(
            cell, model, new Verifier(fpr, fnr, true, 100_000_000L), ROWS, 41, new double[2]);
    assertEquals(ROWS, kept.size);
    boolean[] seen = new boolean[ROWS];
    double[] residuals = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      assertFalse(seen[kept.rows[i]], "row " + kept.rows[i] + " labelled twice");
      seen[kept.rows[i]] = true;
      residuals[i] = kept.y[i] - design.dot(kept.rows[i], model.w);
    }
    double[] reference = new double[ROWS];
    SplittableRandom rng = new SplittableRandom(42);
    for (int r = 0; r < ROWS; r++) {
      double shift = design.dot(r, model.w) - design.dot(r, wStar);
      while (true) {
        double e = NOISE * normal(rng);
        boolean correct = Math.abs(e + shift) <= 1.2 * NOISE;
        if (rng.nextDouble() < (correct ? 1 - fnr : fpr)) {
          reference[r] = e;
          break;
        }
      }
    }
    TwoSampleKs.assertSameDistribution("refilled residuals vs tilted", residuals, reference);
  }

  /**
   * d = 1, ridge 0.5: rows x = (1, 2 | 1, 3, -1), labels (2, 3 | 1, 4, 0), w = 0.3, N = 5: weights
   * 0.75 and 7/6; w = sum omega x y / (sum omega x^2 + ridge).
   */
  @Test
  void weightedOlsIsTheWeightedNormalEquations() {
    LinregCell one = new LinregCell(5, new double[] {1.0}, 1.0, 0.5);
    Design x = new Design(5, 1, new double[] {1, 2, 1, 3, -1});
    double[] y = {2, 3, 1, 4, 0};
    NormalEquations exo = one.newStats();
    NormalEquations rest = one.newStats();
    one.statsOf(rows(x, y, 0, 2), exo);
    one.statsOf(rows(x, y, 2, 5), rest);
    LinregModel m = one.fitWeighted(exo, rest, 0.3, null, null);
    double a = 5 * 0.3 / 2;
    double b = 5 * 0.7 / 3;
    double xty = a * (1 * 2 + 2 * 3) + b * (1 * 1 + 3 * 4 + 0);
    double xtx = a * (1 + 4) + b * (1 + 9 + 1);
    assertEquals(xty / (xtx + 0.5), m.w[0], 1e-12);
  }

  private static LabelBatch rows(Design x, double[] y, int from, int to) {
    LabelBatch batch = new LabelBatch(to - from);
    batch.design = x;
    for (int i = from; i < to; i++) {
      batch.rows[batch.size] = i;
      batch.y[batch.size++] = y[i];
    }
    return batch;
  }
}
