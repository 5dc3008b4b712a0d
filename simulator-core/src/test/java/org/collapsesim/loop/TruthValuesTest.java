package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The truth's own value of each level metric ({@link CellModel#truthValues}, better: truth) is the
 * value that metric takes on a model fitted to a large sample of the truth: over {@value #R}
 * replicates, generation 0's mean lands on it within {@value #SE} standard errors (t with 7 degrees
 * of freedom: p = 0.002 per metric), the plug-in biases, O(1/M), far below one.
 */
class TruthValuesTest {

  private static final int R = 8;
  private static final double SE = 5;

  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of(
            "categorical",
            "truth: {distribution: zipf, exponent: 1.1}\n"
                + "params: {model_size: 50, samples: 100000}"),
        Arguments.of("gaussian", "params: {model_size: 2, samples: 100000}"),
        // unequal weights: the smallest fitted weight is then the first's, not a biased minimum
        Arguments.of(
            "gmm",
            "truth: {weights: [0.3, 0.7], means: [-3, 3], variances: [1, 1]}\n"
                + "params: {model_size: 2, dimension: 1, samples: 20000, mc_samples: 100}"),
        Arguments.of(
            "markov", "params: {model_size: 6, order: 1, samples: 100000, sequence_length: 1000}"),
        Arguments.of(
            "sequence",
            "truth: {program: periodic, block: '0010111', noise: 0.1}\n"
                + "params: {model_size: 32, samples: 20000}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aLargeSampleFitsTheTruthsOwnValueOfEveryLevelMetric(String family, String lines) {
    ChainRunner run =
        ChainRunner.run(
            "name: t\nseed: 11\nreplicates: "
                + R
                + "\ngenerations: 1\nfamily: "
                + family
                + "\n"
                + lines
                + "\noutput: {dir: unused}\n");
    PreparedCell cell = run.cell();
    int levels = 0;
    for (MetricDefinition d : Families.of(family).metrics()) {
      double truth = cell.truthValues()[cell.metricNames().indexOf(d.name())];
      if (d.better() != MetricDefinition.Better.TRUTH) {
        assertTrue(Double.isNaN(truth), d.name() + " is not a level: no truth value");
        continue;
      }
      levels++;
      double[] fitted = run.metric(d.name(), 0);
      double mean = Arrays.stream(fitted).average().orElseThrow();
      double sd =
          Math.sqrt(Arrays.stream(fitted).map(x -> (x - mean) * (x - mean)).sum() / (R - 1));
      assertTrue(sd > 0, family + " " + d.name() + " varies between replicates");
      assertEquals(truth, mean, SE * sd / Math.sqrt(R), family + " " + d.name());
    }
    assertTrue(levels >= 2, family + " has " + levels + " level metrics");
  }

  /** The known values: a variance ratio's 1, a log-determinant ratio's 0, H of a uniform law. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("closedForms")
  void theTruthsOwnValuesInClosedForm(String family, String lines, Map<String, Double> expected) {
    PreparedCell cell =
        ChainRunner.run(
                "name: t\nseed: 11\nreplicates: 1\ngenerations: 1\nfamily: "
                    + family
                    + "\n"
                    + lines
                    + "\noutput: {dir: unused}\n")
            .cell();
    assertFalse(expected.isEmpty());
    expected.forEach(
        (metric, value) ->
            assertEquals(
                value,
                cell.truthValues()[cell.metricNames().indexOf(metric)],
                1e-12 * Math.max(1, Math.abs(value)),
                metric));
  }

  static Stream<Arguments> closedForms() {
    // d = 3 identity covariance: H = (3 / 2) (1 + ln 2 pi)
    double gaussianEntropy = 1.5 * (1 + Math.log(2 * Math.PI));
    return Stream.of(
        Arguments.of(
            "categorical",
            "truth: {distribution: uniform}\nparams: {model_size: 40, samples: 100}",
            Map.of("entropy", Math.log(40), "gini_simpson", 1 - 1.0 / 40, "tail_mass", 0.1)),
        Arguments.of(
            "gaussian",
            "params: {model_size: 3, samples: 100}",
            Map.of("var_ratio", 1.0, "logdet_ratio", 0.0, "entropy", gaussianEntropy)),
        Arguments.of(
            "gmm",
            "truth: {weights: [0.2, 0.8], means: [-3, 3], variances: [1, 1]}\n"
                + "params: {model_size: 2, dimension: 1, samples: 100}",
            Map.of(
                "weight_entropy",
                -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)),
                "min_weight",
                0.2,
                "var_ratio",
                1.0)));
  }
}
