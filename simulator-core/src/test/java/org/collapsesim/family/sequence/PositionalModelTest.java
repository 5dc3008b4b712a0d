package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.junit.jupiter.api.Test;

/** The positional learner: its fit, its metrics by hand, its sampler, and the closed-loop law. */
class PositionalModelTest {

  @Test
  void metricsOfAHandCase() {
    // L = 2, M = 4: position 0 counts (3, 1), position 1 counts (4, 0); truth 00 with r = 0.25
    PositionalModel model = new PositionalModel(2, 2);
    model.fit(new long[] {3, 1, 4, 0}, 4, 0);
    PositionalModel.Metrics m = model.metrics(SequenceTruth.periodic(2, 2, "0", 0.25), 0.5);
    assertEquals((1 - 0.625 + 0) / 2, m.giniSimpson(), 1e-15);
    assertEquals(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / 2, m.entropy(), 1e-15);
    assertEquals(0.5, m.fixated());
    // smoothed with eps = 0.5: (3.5, 1.5) / 5 and (4.5, 0.5) / 5
    double kl0 = 0.75 * Math.log(0.75 / 0.7) + 0.25 * Math.log(0.25 / 0.3);
    double kl1 = 0.75 * Math.log(0.75 / 0.9) + 0.25 * Math.log(0.25 / 0.1);
    assertEquals((kl0 + kl1) / 2, m.klTrueModel(), 1e-15);
  }

  @Test
  void addKSmoothsEveryPosition() {
    PositionalModel model = new PositionalModel(3, 1);
    model.fit(new long[] {2, 0, 0}, 2, 1);
    assertEquals(3.0 / 5, model.p[0], 1e-15);
    assertEquals(1.0 / 5, model.p[1], 1e-15);
    assertEquals(0.0, model.metrics(SequenceTruth.markov(3, 1, 0.5), 0.5).fixated());
  }

  @Test
  void drawsFollowEachPositionsLaw() {
    PositionalModel model = new PositionalModel(3, 2);
    model.fit(new long[] {2, 5, 3, 0, 0, 10}, 10, 0);
    SequenceBatch batch = new SequenceBatch(2, 0);
    int n = 20000;
    model.draw(new RandomStream(StreamKeys.hash(5, 1)), n, batch);
    long[] counts = new long[6];
    batch.countInto(counts, 3);
    assertEquals(n, counts[5], "a symbol of probability 1 is always drawn");
    double[] p = {0.2, 0.5, 0.3};
    for (int a = 0; a < 3; a++) { // 4 SE each: false-failure rate about 2e-4 for the three
      double se = Math.sqrt(p[a] * (1 - p[a]) / n);
      assertEquals(p[a], (double) counts[a] / n, 4 * se, "symbol " + a);
    }
  }
}
