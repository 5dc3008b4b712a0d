package org.collapsesim.family.categorical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two routes to a maximum-likelihood model's metrics agree: the pass over its counted
 * categories with the dead categories' share from the truth's totals (what {@code metrics} runs),
 * and the dense pass over every category (the vector kernel). Counts are drawn with many zeros and
 * some past the log table, so both the table and the computed logs are used. Agreement to 1e-12
 * relative (rounding of a different summation order), integers exactly; and both against
 * hand-computed values.
 */
class CategoricalMetricPathsTest {

  @ParameterizedTest(name = "V = {0}, zipf {1}, N = {2}")
  @CsvSource({
    "1, 1.1, 7",
    "13, 0.0, 5",
    "1000, 1.1, 300",
    "1000, 1.1, 100000",
    "20000, 1.5, 5000",
  })
  void countedAndDensePassesAgree(int v, double exponent, int n) throws Exception {
    String truth = exponent == 0.0 ? "truth.distribution: uniform" : "truth.exponent: " + exponent;
    SweepConfig config =
        ConfigLoader.parse(
            Families.catalogue(),
            "name: m\nseed: 5\nreplicates: 1\ngenerations: 1\n"
                + "family: categorical\nparams: {model_size: "
                + v
                + ", samples: "
                + n
                + ", "
                + truth
                + "}\n",
            null,
            List.of());
    CellSpec spec = config.cells().get(0);
    CategoricalCell cell = (CategoricalCell) Families.of("categorical").bind(spec, config.seed());
    CountStats stats = cell.newStats();
    cell.drawTruthStats(new RandomStream(StreamKeys.hash(v, n)), n, stats, BlockRunner.SEQUENTIAL);
    CategoricalModel model = cell.fit(stats, null, new RandomStream(0));
    double[] counted = new double[cell.metricNames().size()];
    double[] dense = new double[counted.length];
    cell.metrics(model, counted, new RandomStream(0));
    cell.denseMetrics(model, dense);
    int tailMass = cell.metricNames().indexOf("tail_mass");
    for (int i : cell.truth().tail) {
      dense[tailMass] += model.p[i];
    }
    for (int m = 0; m < counted.length; m++) {
      String name = cell.metricNames().get(m);
      double tolerance = 1e-12 * Math.max(1.0, Math.abs(dense[m]));
      assertEquals(dense[m], counted[m], tolerance, name + " (counted pass vs dense pass)");
    }
  }

  /**
   * Both passes against hand-computed values. Truth from counts [1, 2, 2, 4, 1] (p* = .1, .2, .2,
   * .4, .1); tail_fraction 0.6 takes the last 3 of the ranking by true probability with ties by
   * index (3, 1, 2, 0, 4), so the tail is {2, 0, 4}: the tie at .2 sends category 2, not 1. Model
   * counts [0, 3, 1, 6, 0] of N = 10: p_t = 0, .3, .1, .6, 0.
   */
  @Test
  void handComputedMetricsWithTiesAndExtinctions() {
    CategoricalTruth truth = CategoricalTruth.counts(new long[] {1, 2, 2, 4, 1}, 0.6);
    CategoricalCell cell =
        new CategoricalCell(truth, 0.0, new CategoricalDecoding(1.0, 0, 1.0), 0.5);
    CountStats stats = cell.newStats();
    long[] c = {0, 3, 1, 6, 0};
    System.arraycopy(c, 0, stats.counts, 0, 5);
    stats.total = 10;
    CategoricalModel model = cell.fit(stats, null, new RandomStream(0));
    double[] pStar = {.1, .2, .2, .4, .1};
    double[] p = {0, .3, .1, .6, 0};
    double entropy = 0;
    double squares = 0;
    double klTrueModel = 0;
    double klModelTrue = 0;
    for (int i = 0; i < 5; i++) {
      if (p[i] > 0) {
        entropy -= p[i] * Math.log(p[i]);
        klModelTrue += p[i] * Math.log(p[i] / pStar[i]);
      }
      squares += p[i] * p[i];
      double smoothed = (c[i] + 0.5) / (10 + 5 * 0.5); // kl_eps 0.5
      klTrueModel += pStar[i] * Math.log(pStar[i] / smoothed);
    }
    double[] expected = new double[8];
    expected[CategoricalCell.ENTROPY] = entropy;
    expected[CategoricalCell.GINI_SIMPSON] = 1 - squares;
    expected[CategoricalCell.KL_TRUE_MODEL] = klTrueModel;
    expected[CategoricalCell.KL_MODEL_TRUE] = klModelTrue;
    expected[CategoricalCell.TV] = 0.5 * (.1 + .1 + .1 + .2 + .1);
    expected[CategoricalCell.SUPPORT] = 3;
    expected[CategoricalCell.TAIL_MASS] = p[2] + p[0] + p[4];
    expected[CategoricalCell.EXTINCT] = 2;
    assertArrayEquals(new int[] {2, 0, 4}, truth.tail);
    double[] counted = new double[8];
    cell.metrics(model, counted, new RandomStream(0));
    double[] dense = new double[8];
    cell.denseMetrics(model, dense);
    for (int i : truth.tail) {
      dense[CategoricalCell.TAIL_MASS] += model.p[i];
    }
    for (int m = 0; m < 8; m++) {
      String name = cell.metricNames().get(m);
      assertEquals(expected[m], counted[m], 1e-12, "counted " + name);
      assertEquals(expected[m], dense[m], 1e-12, "dense " + name);
    }
  }
}
