package org.collapsesim.family.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.random.RandomStream;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;

/**
 * The gmm family: EM recovery, the sampler against the mixture CDF, degenerate fits, determinism
 * and the preset. Seeds fixed, not chosen.
 */
class GmmTest {

  private static final String HEAD =
      "name: gmm\nseed: 4242\nreplicates: 1\ngenerations: 3\nfamily: gmm\n";

  private static GmmCell cell(String params) throws Exception {
    SweepConfig config =
        ConfigLoader.parse(Families.catalogue(), HEAD + params + "\n", Path.of("."), List.of());
    return GmmFamily.bindCell(config.cells().get(0));
  }

  private static double[] metrics(GmmCell cell, Mixture model, long seed) {
    double[] out = new double[cell.metricNames().size()];
    cell.metrics(model, out, new RandomStream(seed));
    return out;
  }

  /**
   * 20000 draws of 0.3 N(-2, 0.5) + 0.7 N(3, 2); standard errors of the ML estimates: weight
   * 0.0032, means 0.009 and 0.012, variances 0.009 and 0.024; tolerances are at least 4 of them.
   */
  @Test
  void emRecoversAKnownMixture() throws Exception {
    GmmCell cell =
        cell(
            "params: {model_size: 2, samples: 20000}\n"
                + "truth: {weights: [0.3, 0.7], means: [-2, 3], variances: [0.5, 2]}");
    PointSet data = cell.newBatch(20000);
    cell.drawTruth(new RandomStream(11), 20000, data, BlockRunner.SEQUENTIAL);
    Mixture m = cell.fit(data, null, new RandomStream(12));
    int lo = m.means[0] < m.means[1] ? 0 : 1;
    int hi = 1 - lo;
    assertEquals(0.3, m.weights[lo], 0.015);
    assertEquals(0.7, m.weights[hi], 0.015);
    assertEquals(-2.0, m.means[lo], 0.05);
    assertEquals(3.0, m.means[hi], 0.06);
    assertEquals(0.5, m.covs[lo], 0.05);
    assertEquals(2.0, m.covs[hi], 0.12);
    double[] out = metrics(cell, m, 13);
    assertTrue(out[GmmCell.L2_DISTANCE] < 0.05, "l2 " + out[GmmCell.L2_DISTANCE]);
    assertEquals(1.0, out[GmmCell.VAR_RATIO], 0.05);
    assertEquals(0.0, out[GmmCell.KL_TRUE_MODEL], 0.01);
  }

  /** Two well-separated components in two dimensions (means broadcast, full covariances). */
  @Test
  void emRecoversATwoDimensionalMixture() throws Exception {
    GmmCell cell =
        cell(
            "params: {model_size: 2, dimension: 2, samples: 10000}\n"
                + "truth: {weights: [1, 1], means: [[-3, 0], 3], covariances: [[[1, 0.5], [0.5, 1]], [[2, 0], [0, 0.5]]]}");
    PointSet data = cell.newBatch(10000);
    cell.drawTruth(new RandomStream(21), 10000, data, BlockRunner.SEQUENTIAL);
    Mixture m = cell.fit(data, null, new RandomStream(22));
    int lo = m.means[0] < m.means[2] ? 0 : 1;
    int hi = 1 - lo;
    assertEquals(0.5, m.weights[lo], 0.03);
    assertArrayEquals(new double[] {-3, 0}, Arrays.copyOfRange(m.means, lo * 2, lo * 2 + 2), 0.08);
    assertArrayEquals(new double[] {3, 3}, Arrays.copyOfRange(m.means, hi * 2, hi * 2 + 2), 0.08);
    assertArrayEquals(
        new double[] {1, 0.5, 0.5, 1}, Arrays.copyOfRange(m.covs, lo * 4, lo * 4 + 4), 0.12);
    assertArrayEquals(
        new double[] {2, 0, 0, 0.5}, Arrays.copyOfRange(m.covs, hi * 4, hi * 4 + 4), 0.15);
  }

  /**
   * Chi-square goodness of fit of 40000 draws against the mixture CDF in bins of width 0.5 over
   * [-8, 8] plus two tails, bins with expected count below 5 merged into their neighbour; critical
   * value at a false-failure rate of 1e-4 per check (Wilson-Hilferty), two checks: the truth's
   * sampler, and the model's sampler with sampling_bias 0.5 against the mixture with halved
   * variances.
   */
  @Test
  void samplerMatchesTheMixtureCdf() throws Exception {
    GmmCell cell =
        cell(
            "params: {model_size: 3, samples: 10, sampling_bias: 0.5}\n"
                + "truth: {weights: [0.2, 0.5, 0.3], means: [-3, 0.5, 4], variances: [1, 0.25, 2]}");
    Mixture truth = cell.truth();
    assertGoodFit(truth, 1.0, draws(cell, truth, false));
    Mixture model = new Mixture(3, 1);
    System.arraycopy(truth.weights, 0, model.weights, 0, 3);
    System.arraycopy(truth.means, 0, model.means, 0, 3);
    System.arraycopy(truth.covs, 0, model.covs, 0, 3);
    model.factor(1e-9);
    assertGoodFit(truth, 0.5, draws(cell, model, true));
  }

  private static PointSet draws(GmmCell cell, Mixture m, boolean asModel) {
    PointSet out = cell.newBatch(40000);
    if (asModel) {
      cell.drawModel(m, new RandomStream(31), 40000, out, BlockRunner.SEQUENTIAL);
    } else {
      cell.drawTruth(new RandomStream(32), 40000, out, BlockRunner.SEQUENTIAL);
    }
    return out;
  }

  private static void assertGoodFit(Mixture m, double lambda, PointSet xs) {
    int n = xs.size;
    List<Double> edges = new ArrayList<>();
    for (int i = 0; i <= 32; i++) {
      edges.add(-8.0 + 0.5 * i);
    }
    // cell j: (edges[j-1], edges[j]], cells 0 and last are the tails
    int cells = edges.size() + 1;
    double[] expected = new double[cells];
    long[] observed = new long[cells];
    for (int j = 0; j < cells; j++) {
      double a = j == 0 ? Double.NEGATIVE_INFINITY : edges.get(j - 1);
      double b = j == cells - 1 ? Double.POSITIVE_INFINITY : edges.get(j);
      expected[j] = n * (cdf(m, lambda, b) - cdf(m, lambda, a));
    }
    for (int i = 0; i < n; i++) {
      double x = xs.x[i];
      int j = 0;
      while (j < edges.size() && x > edges.get(j)) {
        j++;
      }
      observed[j]++;
    }
    // merge small bins left to right, the last remainder into the previous bin
    List<double[]> merged = new ArrayList<>();
    double e = 0;
    double o = 0;
    for (int j = 0; j < cells; j++) {
      e += expected[j];
      o += observed[j];
      if (e >= 5) {
        merged.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    if (e > 0 || o > 0) {
      double[] lastBin = merged.get(merged.size() - 1);
      lastBin[0] += e;
      lastBin[1] += o;
    }
    double chi2 = 0;
    for (double[] bin : merged) {
      chi2 += (bin[1] - bin[0]) * (bin[1] - bin[0]) / bin[0];
    }
    int df = merged.size() - 1;
    double z = 3.719016485455709; // the 1 - 1e-4 normal quantile
    double h = 2.0 / (9.0 * df);
    double critical = df * Math.pow(1 - h + z * Math.sqrt(h), 3);
    StringBuilder bins = new StringBuilder();
    for (double[] bin : merged) {
      bins.append(String.format(" [%.1f vs %.0f]", bin[0], bin[1]));
    }
    assertTrue(
        chi2 < critical,
        "chi-square "
            + chi2
            + " >= "
            + critical
            + " (df "
            + df
            + ", lambda "
            + lambda
            + "), bins:"
            + bins);
  }

  private static double cdf(Mixture m, double lambda, double x) {
    if (x == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    double s = 0;
    for (int c = 0; c < m.k; c++) {
      double sd = Math.sqrt(lambda * m.covs[c]);
      s += m.weights[c] * phi((x - m.means[c]) / sd);
    }
    return s;
  }

  /** Standard normal CDF through erfc (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
  private static double phi(double z) {
    double x = -z / Math.sqrt(2);
    double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
    double r =
        t
            * Math.exp(
                -x * x
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    double erfc = x >= 0 ? r : 2.0 - r;
    return 0.5 * erfc;
  }

  @Test
  void degenerateDataGivesDefinedValues() throws Exception {
    GmmCell cell = cell("params: {model_size: 3, samples: 1}");
    // one point
    PointSet one = cell.newBatch(1);
    cell.drawTruth(new RandomStream(41), 1, one, BlockRunner.SEQUENTIAL);
    assertDefined(cell, cell.fit(one, null, new RandomStream(42)));
    // all points identical
    PointSet same = cell.newBatch(50);
    for (int i = 0; i < 50; i++) {
      same.ensureCapacity(1);
      same.x[same.size++] = 1.5;
    }
    Mixture m = cell.fit(same, null, new RandomStream(43));
    assertDefined(cell, m);
    for (int c = 0; c < 3; c++) {
      assertEquals(1.5, m.means[c], 1e-12);
      assertEquals(1e-6, m.covs[c], 1e-12); // the floor
    }
    // K = 3 larger than the two distinct points
    PointSet two = cell.newBatch(5);
    for (double x : new double[] {0, 0, 1, 1, 1}) {
      two.ensureCapacity(1);
      two.x[two.size++] = x;
    }
    assertDefined(cell, cell.fit(two, null, new RandomStream(44)));
    // a whole chain of samples = 1: the fitted variance sits at the floor and the rule fires
    SweepConfig config =
        ConfigLoader.parse(
            Families.catalogue(),
            HEAD + "params: {model_size: 2, samples: 1, mc_samples: 200}\n",
            Path.of("."),
            List.of());
    PreparedCell prepared = PreparedCell.prepare(config, config.cells().get(0));
    ChainRecord record = prepared.runChain(0, row -> {}, BlockRunner.SEQUENTIAL);
    assertTrue(record.ok(), record.error());
    assertEquals(0, record.collapseGeneration());
  }

  private static void assertDefined(GmmCell cell, Mixture m) {
    double sum = 0;
    for (int c = 0; c < m.k; c++) {
      assertTrue(Double.isFinite(m.weights[c]) && m.weights[c] >= 0, "weight " + m.weights[c]);
      assertTrue(Double.isFinite(m.means[c]) && m.covs[c] > 0, "component " + c);
      sum += m.weights[c];
    }
    assertEquals(1.0, sum, 1e-12);
    double[] out = metrics(cell, m, 45);
    for (int i = 0; i < out.length; i++) {
      assertTrue(Double.isFinite(out[i]), cell.metricNames().get(i) + " = " + out[i]);
    }
  }

  @Test
  void sameConfigGivesIdenticalNumbers() throws Exception {
    String yaml =
        HEAD.replace("generations: 3", "generations: 4")
            + "params: {model_size: 3, samples: 200, alpha: 0.1, regime: accumulate, mc_samples: 500}\n";
    assertArrayEquals(run(yaml), run(yaml));
    // two dimensions under a window with sampling bias: the same numbers from a fresh load
    String window =
        HEAD
            + "params: {model_size: 2, dimension: 2, samples: 100, regime: window, window: 2,"
            + " sampling_bias: 0.8, mc_samples: 300}\n";
    assertArrayEquals(run(window), run(window));
  }

  private static double[] run(String yaml) throws Exception {
    SweepConfig config = ConfigLoader.parse(Families.catalogue(), yaml, Path.of("."), List.of());
    PreparedCell prepared = PreparedCell.prepare(config, config.cells().get(0));
    List<GenerationRecord> rows = new ArrayList<>();
    ChainRecord record = prepared.runChain(0, rows::add, BlockRunner.SEQUENTIAL);
    assertTrue(record.ok(), record.error());
    return rows.stream().flatMapToDouble(r -> Arrays.stream(r.metrics())).toArray();
  }

  @Test
  void presetLoadsAndRuns() throws Exception {
    SweepConfig config =
        ConfigLoader.load(
            Families.catalogue(),
            Path.of("..", "configs", "gmm-nature.yaml"),
            List.of("generations=2", "replicates=1", "params.mc_samples=1000"));
    assertEquals(4, config.cells().size());
    for (var spec : config.cells()) {
      ChainRecord record =
          PreparedCell.prepare(config, spec).runChain(0, row -> {}, BlockRunner.SEQUENTIAL);
      assertTrue(record.ok(), record.error());
      assertTrue(record.finalMetrics()[GmmCell.VAR_RATIO] > 0.5, "var_ratio after 2 generations");
    }
  }
}
