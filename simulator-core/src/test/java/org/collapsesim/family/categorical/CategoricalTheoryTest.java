package org.collapsesim.family.categorical;

import static org.collapsesim.loop.TheoryAssert.assertMeanNear;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.Mixing;
import org.collapsesim.loop.PartWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The categorical family against docs/theory.md (Wright-Fisher drift). Replicate means are compared
 * with closed forms within 4 standard errors from the replicates: about 6e-5 false-failure
 * probability per comparison, under 2e-3 for the class. Seeds fixed, not chosen.
 */
class CategoricalTheoryTest {

  @ParameterizedTest(name = "sampling {0}")
  @ValueSource(strings = {"auto", "explicit"})
  void giniSimpsonDecaysAsWrightFisherDrift(String sampling) {
    ChainRunner run =
        ChainRunner.run(
            "name: wf\nseed: 20261126\nreplicates: 300\ngenerations: 99\nfamily: categorical\n"
                + "truth: {distribution: uniform}\nparams: {model_size: 10, samples: 100}\n"
                + "sampling: "
                + sampling
                + "\n");
    // docs/theory.md: uniform over 10, M = 100: 0.81394 after 10 fits, 0.32943 after 100
    assertEquals(0.81394, run.theory("gini_simpson", 9), 5e-6);
    assertEquals(0.32943, run.theory("gini_simpson", 99), 5e-6);
    for (int t : new int[] {0, 9, 40, 99}) {
      assertMeanNear(
          "E[GS] at generation " + t,
          run.theory("gini_simpson", t),
          run.metric("gini_simpson", t),
          4);
    }
  }

  @Test
  void eachProbabilityIsAMartingaleAndTheSupportOnlyShrinks() {
    ChainRunner run =
        ChainRunner.run(
            "name: wf\nseed: 3\nreplicates: 300\ngenerations: 30\nfamily: categorical\n"
                + "params: {model_size: 20, samples: 50}\n");
    for (int r = 0; r < 300; r++) {
      double previous = Double.POSITIVE_INFINITY;
      for (var row : run.rows(r)) {
        double support = row.metrics()[CategoricalCell.SUPPORT];
        assertTrue(support <= previous, "support grew in replicate " + r);
        previous = support;
      }
    }
    // E[tv] is not closed form, but E[p_t] = p*: the mean model's tail mass stays the truth's
    double[] tail = run.metric("tail_mass", 30);
    double tailStar = 0;
    CategoricalTruth truth = CategoricalTruth.zipf(20, 1.1, 0.1);
    for (int i : truth.tail) {
      tailStar += truth.p[i];
    }
    assertMeanNear("E[tail_mass] (martingale)", tailStar, tail, 4);
  }

  @ParameterizedTest(name = "alpha {0}, mixing {1}")
  @CsvSource({"0.1, count", "0.1, per-sample", "0.5, count", "0.03, per-sample"})
  void exogenousDataMatchTheMomentRecursion(double alpha, String mixing) {
    ChainRunner run =
        ChainRunner.run(
            "name: a\nseed: 11\nreplicates: 300\ngenerations: 40\nfamily: categorical\n"
                + "params: {model_size: 30, samples: 40, alpha: "
                + alpha
                + ", mixing: "
                + mixing
                + "}\n");
    for (int t : new int[] {1, 10, 40}) {
      assertMeanNear(
          "E[GS] at generation " + t,
          run.theory("gini_simpson", t),
          run.metric("gini_simpson", t),
          4);
    }
  }

  @Test
  void scheduleGoesIntoTheRecursionGenerationByGeneration() {
    ChainRunner run =
        ChainRunner.run(
            "name: s\nseed: 5\nreplicates: 300\ngenerations: 30\nfamily: categorical\n"
                + "params: {model_size: 10, samples: 30,"
                + " alpha: {schedule: exponential, alpha0: 0.6, rate: 0.8}}\n");
    for (int t : new int[] {1, 5, 30}) {
      assertMeanNear(
          "E[GS] at generation " + t,
          run.theory("gini_simpson", t),
          run.metric("gini_simpson", t),
          4);
    }
  }

  /**
   * A reservoir is real data with the uniform in the truth's place: over a uniform truth, a
   * reservoir at fraction f gives exactly the recursion of exogenous data at f (both mixings).
   */
  @ParameterizedTest(name = "mixing {0}")
  @CsvSource({"count", "per-sample"})
  void aReservoirOverAUniformTruthIsExogenousData(String mixing) {
    Mixing m = Mixing.of(mixing);
    int v = 12;
    double[] asReal =
        CategoricalTheory.giniSimpson(
            1.0 / v, v, 50, 30, t -> PartWeights.of(50, m, new double[] {0.1, 0.0}, null));
    double[] asReservoir =
        CategoricalTheory.giniSimpson(
            1.0 / v, v, 50, 30, t -> PartWeights.of(50, m, new double[] {0.0, 0.1}, null));
    assertArrayEquals(asReal, asReservoir, 1e-15);
  }

  /**
   * The stationary Gini-Simpson of a reservoir alone (count mixing, k of M uniform draws): the
   * fixed point of M^2 s = k (1 - 1/V) + r (1 - s) + (k^2 + 2 k r) / V + r^2 s, r = M - k, whatever
   * the truth the chain started from.
   */
  @Test
  void aReservoirPullsTheChainToItsStationaryValue() {
    int v = 20;
    int m = 40;
    int k = 4;
    int r = m - k;
    double fixedPoint = (k * (1 - 1.0 / v) + r + (k * k + 2.0 * k * r) / v) / (m * m - r * r + r);
    double[] gs =
        CategoricalTheory.giniSimpson(
            0.5, v, m, 2000, t -> PartWeights.of(m, Mixing.COUNT, new double[] {0.0, 0.1}, null));
    assertEquals(1 - fixedPoint, gs[2000], 1e-12);
    assertTrue(gs[0] < gs[2000], "starts from the truth's GS 0.5, below the reservoir's");
  }

  /**
   * The reservoir recursion (docs/theory.md) against simulation, both mixings, both sampling paths,
   * with and without exogenous data beside it: 4 SE at 3 generations each (about 2e-4 per case).
   */
  @ParameterizedTest(name = "alpha {0}, reservoir {1}, mixing {2}, sampling {3}")
  @CsvSource({
    "0.0, 0.1, count, explicit",
    "0.0, 0.1, count, exact",
    "0.05, 0.2, count, exact",
    "0.0, 0.1, per-sample, explicit",
    "0.05, 0.2, per-sample, exact"
  })
  void aReservoirMatchesItsRecursion(
      double alpha, double reservoir, String mixing, String sampling) {
    ChainRunner run =
        ChainRunner.run(
            "name: r\nseed: 19\nreplicates: 300\ngenerations: 40\nfamily: categorical\n"
                + "sampling: "
                + sampling
                + "\nparams: {model_size: 25, samples: 40, alpha: "
                + alpha
                + ", mixing: "
                + mixing
                + ", reservoir: {fraction: "
                + reservoir
                + "}}\n");
    run.assertTheory("gini_simpson", 1, 10, 40);
  }

  /** Real-data weighting: the weighted fit's Gini-Simpson follows the same recursion. */
  @ParameterizedTest(name = "w {0}, sampling {1}")
  @CsvSource({"0.5, explicit", "0.5, exact", "0.9, exact"})
  void realDataWeightingMatchesItsRecursion(double weight, String sampling) {
    ChainRunner run =
        ChainRunner.run(
            "name: w\nseed: 23\nreplicates: 300\ngenerations: 30\nfamily: categorical\n"
                + "sampling: "
                + sampling
                + "\nparams: {model_size: 20, samples: 40, alpha: 0.1, real_weight: "
                + weight
                + "}\n");
    run.assertTheory("gini_simpson", 1, 10, 30);
  }
}
