package org.collapsesim.family.linreg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.engine.Families;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.TheoryAssert;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Estimator and theory tests of the linreg family. The theory comparisons use z = 4 standard errors
 * from R = 400 replicates: each comparison fails by chance with probability about 6.3e-5, the class
 * (17 comparisons) about 1.1e-3.
 */
class LinregTest {

  private static final double Z = 4.0;

  /** OLS on a hand-made design against the closed-form 2 x 2 solution by Cramer's rule. */
  @Test
  void olsMatchesClosedForm() {
    LinregCell cell = new LinregCell(4, new double[] {0.0, 0.0}, 1.0, 0.0);
    LabelBatch batch = batchOf(new double[] {1, 0, 1, 1, 1, 2, 1, 3}, new double[] {1, 3, 2, 5});
    NormalEquations stats = cell.newStats();
    cell.statsOf(batch, stats);
    LinregModel model = cell.fit(stats, null, new RandomStream(0));
    // X^T X = [[4, 6], [6, 14]], X^T y = [11, 22]; det = 20
    double w0 = (14 * 11 - 6 * 22) / 20.0;
    double w1 = (4 * 22 - 6 * 11) / 20.0;
    assertEquals(w0, model.w[0], 1e-12);
    assertEquals(w1, model.w[1], 1e-12);
    assertEquals(4, cell.count(stats));
  }

  @Test
  void ridgeMatchesClosedForm() {
    double lambda = 2.0;
    LinregCell cell = new LinregCell(4, new double[] {0.0, 0.0}, 1.0, lambda);
    LabelBatch batch = batchOf(new double[] {1, 0, 1, 1, 1, 2, 1, 3}, new double[] {1, 3, 2, 5});
    NormalEquations stats = cell.newStats();
    cell.statsOf(batch, stats);
    LinregModel model = cell.fit(stats, null, new RandomStream(0));
    double a = 4 + lambda;
    double b = 6;
    double c = 14 + lambda;
    double det = a * c - b * b;
    assertEquals((c * 11 - b * 22) / det, model.w[0], 1e-12);
    assertEquals((a * 22 - b * 11) / det, model.w[1], 1e-12);
  }

  /** Duplicated columns: X^T X is singular and the minimum-norm solution is defined. */
  @Test
  void singularDesignGivesMinimumNormSolution() {
    LinregCell cell = new LinregCell(3, new double[] {0.0, 0.0}, 1.0, 0.0);
    LabelBatch batch = batchOf(new double[] {1, 1, 2, 2, 3, 3}, new double[] {2, 4, 6});
    NormalEquations stats = cell.newStats();
    cell.statsOf(batch, stats);
    LinregModel model = cell.fit(stats, null, new RandomStream(0));
    // y = 2 x1 = x1 + x2: the minimum-norm solution splits evenly
    assertEquals(1.0, model.w[0], 1e-9);
    assertEquals(1.0, model.w[1], 1e-9);
    double[] out = new double[2];
    cell.metrics(model, out, new RandomStream(0));
    assertFalse(Double.isNaN(out[0]) || Double.isNaN(out[1]));
  }

  /** Statistics of a batch equal the merge of the statistics of its two halves. */
  @Test
  void mergeOfHalvesEqualsWhole() {
    LinregCell cell = new LinregCell(6, new double[] {0.5, -1.0, 2.0}, 1.0, 0.0);
    LabelBatch all = cell.newBatch(6);
    cell.drawTruth(new RandomStream(11), 6, all, BlockRunner.SEQUENTIAL);
    LabelBatch first = cell.newBatch(3);
    LabelBatch second = cell.newBatch(3);
    for (int i = 0; i < 6; i++) {
      (i < 3 ? first : second).append(all, i);
    }
    NormalEquations whole = cell.newStats();
    NormalEquations merged = cell.newStats();
    NormalEquations other = cell.newStats();
    cell.statsOf(all, whole);
    cell.statsOf(first, merged);
    cell.statsOf(second, other);
    cell.merge(merged, other);
    assertArrayEquals(whole.xtx, merged.xtx, 1e-12);
    assertArrayEquals(whole.xty, merged.xty, 1e-12);
    assertEquals(whole.n, merged.n);
  }

  /** The design is drawn once per chain: every generation relabels the same rows. */
  @Test
  void truthLabelsAreNoisyLinearFunctionsOfTheDesign() {
    double[] w = {0.5, -1.0, 2.0};
    LinregCell cell = new LinregCell(20_000, w, 0.5, 0.0);
    LabelBatch batch = cell.newBatch(20_000);
    cell.drawTruth(new RandomStream(5), 20_000, batch, BlockRunner.SEQUENTIAL);
    NormalEquations stats = cell.newStats();
    cell.statsOf(batch, stats);
    LinregModel model = cell.fit(stats, null, new RandomStream(0));
    // each coefficient has sd about sigma / sqrt(T) = 0.0035; 6 sd is 0.021
    for (int i = 0; i < 3; i++) {
      assertEquals(w[i], model.w[i], 0.021, "w[" + i + "]");
    }
  }

  @Test
  void replaceMatchesTheory() {
    ChainRunner runner = ChainRunner.run(config("replace", 9));
    double perFit = 1.0 * 5 / (40 - 5 - 1);
    for (int t : new int[] {0, 4, 9}) {
      assertEquals((t + 1) * perFit, runner.theory("test_error", t), 1e-12);
      TheoryAssert.assertMeanNear(
          "test_error t=" + t, runner.theory("test_error", t), runner.metric("test_error", t), Z);
    }
    TheoryAssert.assertMeanNear(
        "w_norm_sq t=9", runner.theory("w_norm_sq", 9), runner.metric("w_norm_sq", 9), Z);
  }

  @Test
  void accumulateStaysBoundedAsTheoryPredicts() {
    ChainRunner runner = ChainRunner.run(config("accumulate", 9));
    double perFit = 1.0 * 5 / (40 - 5 - 1);
    double harmonic = 0;
    for (int n = 1; n <= 10; n++) {
      harmonic += 1.0 / (n * n);
    }
    assertEquals(harmonic * perFit, runner.theory("test_error", 9), 1e-12);
    assertTrue(runner.theory("test_error", 9) < Math.PI * Math.PI / 6 * perFit);
    for (int t : new int[] {1, 4, 9}) {
      TheoryAssert.assertMeanNear(
          "accumulate test_error t=" + t,
          runner.theory("test_error", t),
          runner.metric("test_error", t),
          Z);
    }
  }

  /**
   * Generations that label every row with the truth restart the walk: E[test_error_t] = n_t sigma^2
   * d / (T - d - 1), n_t the fits since the last such generation (fresh labels: a new first fit; a
   * fixed anchor: w_0 again). Lists of 0s and 1s and a step schedule, both mixing modes.
   */
  @ParameterizedTest(name = "{0}, {1}, fixed_anchor {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "{schedule: list, values: [0, 0, 1, 0, 0, 1]}; count; false; 1,2,3,1,2,3,1",
        "{schedule: list, values: [0, 0, 1, 0, 0, 1]}; count; true; 1,2,3,1,2,3,1",
        "{schedule: step, alpha0: 1.0, until: 3}; per-sample; false; 1,1,1,1,2,3,4"
      })
  void generationsOfRealLabelsRestartTheWalk(
      String alpha, String mixing, boolean fixed, String fits) {
    ChainRunner runner =
        ChainRunner.run(
            config("replace", 6)
                .replace("alpha: 0.0", "alpha: " + alpha + "\n  mixing: " + mixing)
                .replace("output:", "  fixed_anchor: " + fixed + "\noutput:"));
    double perFit = 1.0 * 5 / (40 - 5 - 1);
    String[] n = fits.split(",");
    for (int t = 0; t <= 6; t++) {
      assertEquals(Integer.parseInt(n[t]) * perFit, runner.theory("test_error", t), 1e-12);
    }
    for (int t : new int[] {2, 3, 6}) {
      TheoryAssert.assertMeanNear(
          "test_error t=" + t, runner.theory("test_error", t), runner.metric("test_error", t), Z);
    }
  }

  @Test
  void theoryIsNullWhereNoClosedFormApplies() {
    ChainRunner runner =
        ChainRunner.run(
            config("replace", 2)
                .replace("alpha: 0.0", "alpha: 0.5")
                .replace("replicates: 400", "replicates: 2"));
    assertNull(runner.cell().theory()[LinregCell.TEST_ERROR]);
  }

  @Test
  void presetLoadsAndRuns() throws Exception {
    org.collapsesim.config.SweepConfig config =
        org.collapsesim.config.ConfigLoader.load(
            Families.catalogue(),
            java.nio.file.Path.of("..", "configs", "regression.yaml"),
            java.util.List.of("generations=3", "replicates=1"));
    assertEquals(4, config.cells().size());
    for (var spec : config.cells()) {
      var record =
          org.collapsesim.engine.PreparedCell.prepare(config, spec)
              .runChain(0, row -> {}, BlockRunner.SEQUENTIAL);
      assertTrue(record.ok(), record.error());
    }
  }

  private static String config(String regime, int generations) {
    return String.join(
        "\n",
        "name: linreg-theory",
        "seed: 20261126",
        "replicates: 400",
        "generations: " + generations,
        "family: linreg",
        "params:",
        "  model_size: 5",
        "  samples: 40",
        "  alpha: 0.0",
        "  regime: " + regime,
        "output: {dir: unused}",
        "");
  }

  private static LabelBatch batchOf(double[] x, double[] y) {
    int rows = y.length;
    int d = x.length / rows;
    LabelBatch batch = new LabelBatch(rows);
    batch.design = new Design(rows, d, x);
    for (int i = 0; i < rows; i++) {
      batch.rows[i] = i;
      batch.y[i] = y[i];
    }
    batch.size = rows;
    return batch;
  }
}
