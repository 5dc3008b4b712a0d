package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exact arithmetic facts about the weights of D_new's parts; no randomness. */
class PartWeightsTest {

  /** Cumulative rounding: two sources of 0.5% of 100 share one sample, never 2 (or 101 in all). */
  @Test
  void countsRoundTheCumulativeFractions() {
    assertArrayEquals(
        new int[] {1, 0, 99},
        org.collapsesim.config.CountMixing.counts(100, new double[] {0.005, 0.005}));
    assertArrayEquals(
        new int[] {5, 0, 95},
        org.collapsesim.config.CountMixing.counts(100, new double[] {0.05, 0.0}));
    assertArrayEquals(
        new int[] {0, 5, 95},
        org.collapsesim.config.CountMixing.counts(100, new double[] {0.0, 0.05}));
    // each fraction alone would round up to 2 of 3, 6 in all
    assertArrayEquals(
        new int[] {2, 1, 2, 0},
        org.collapsesim.config.CountMixing.counts(5, new double[] {0.3, 0.3, 0.4}));
    int[] full = org.collapsesim.config.CountMixing.counts(7, new double[] {0.5, 0.5});
    assertEquals(7, full[0] + full[1]);
    assertEquals(0, full[2]);
  }

  @Test
  void pooledCountWeightsAreTheShares() {
    PartWeights w = PartWeights.of(40, Mixing.COUNT, new double[] {0.25, 0.1}, null);
    assertArrayEquals(new double[] {0.25, 0.1, 0.65}, w.mean(), 1e-15);
    assertArrayEquals(new double[] {0.25 / 40, 0.1 / 40, 0.65 / 40}, w.noise(), 1e-15);
    assertEquals(0.25 * 0.65, w.cross()[0][2], 1e-15);
  }

  /** w on 10 real samples, 1 - w split 4 : 26 between the reservoir and the synthetic part. */
  @Test
  void realWeightSplitsTheRestBySize() {
    PartWeights w = PartWeights.of(40, Mixing.COUNT, new double[] {0.25, 0.1}, 0.6);
    assertArrayEquals(new double[] {0.6, 0.4 * 4 / 30, 0.4 * 26 / 30}, w.mean(), 1e-15);
    assertEquals(0.36 / 10, w.noise()[0], 1e-15);
    assertEquals(0.6 * 0.4 * 26 / 30, w.cross()[2][0], 1e-15);
  }

  /** Multinomial counts: E[n_j n_l] = M (M - 1) f_j f_l + [j = l] M f_j, over M^2. */
  @Test
  void perSampleMomentsAreMultinomial() {
    PartWeights w = PartWeights.of(10, Mixing.PER_SAMPLE, new double[] {0.2, 0.3}, null);
    assertArrayEquals(new double[] {0.2, 0.3, 0.5}, w.mean(), 1e-15);
    assertArrayEquals(new double[] {0.02, 0.03, 0.05}, w.noise(), 1e-15);
    assertEquals((90 * 0.2 * 0.5) / 100, w.cross()[0][2], 1e-15);
    assertEquals((90 * 0.25 + 10 * 0.5) / 100, w.cross()[2][2], 1e-15);
  }
}
