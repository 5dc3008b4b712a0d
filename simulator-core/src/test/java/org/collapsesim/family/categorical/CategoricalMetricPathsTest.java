package org.collapsesim.family.categorical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two routes to a maximum-likelihood model's metrics agree: the pass over its counted
 * categories with the dead categories' share from the truth's totals (what {@code metrics} runs),
 * and the dense pass over every category (the vector kernel). Counts are drawn with many zeros and
 * some past the log table, so both the table and the computed logs are used. Agreement to 1e-12
 * relative (rounding of a different summation order), integers exactly.
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
}
