package org.collapsesim.family.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The markov metrics against values computed by hand: a text truth "0 1 0 2" read cyclically (order
 * 1, V = 3: P*(1|0) = P*(2|0) = 1/2, P*(0|1) = P*(0|2) = 1, stationary contexts pi* = (1/2, 1/4,
 * 1/4)) and a model fitted on hand-written transitions 0->1 three times, 0->2 once, 1->0 twice
 * (context 2 never seen), kl_eps 0.5. Independent formulas with plain logarithms; exact up to
 * round-off.
 */
class MarkovMetricsTest {

  private static final double EPS = 0.5;

  @Test
  void klRatePerplexityAndUnigramEntropyMatchHandComputedValues() {
    ContextCodec codec = new ContextCodec(3, 1);
    MarkovTruth truth = MarkovTruth.text(codec, new int[] {0, 1, 0, 2}, 11L, 400, 8);
    assertEquals(0.5, truth.pi[0], 1e-12);
    assertEquals(0.25, truth.pi[1], 1e-12);
    MarkovCell cell = new MarkovCell(truth, 10, 0.0, new RowDecoding(1.0, 0, 1.0), EPS);
    TransitionBatch batch = new TransitionBatch(6);
    long[] keys = {
      codec.key(0, 1),
      codec.key(0, 1),
      codec.key(0, 1),
      codec.key(0, 2),
      codec.key(1, 0),
      codec.key(1, 0)
    };
    for (long k : keys) {
      batch.keys[batch.size++] = k;
    }
    TransitionCounts stats = cell.newStats();
    cell.statsOf(batch, stats);
    MarkovModel model = cell.fit(stats, null, new RandomStream(0));
    double[] out = new double[MarkovFamily.METRIC_NAMES.size()];
    cell.metrics(model, out, new RandomStream(0));

    // kl_rate = sum_c pi*(c) sum_y P*(y|c) log(P*(y|c) / ((n(c,y) + eps) / (N(c) + V eps)))
    double c0 =
        0.5 * Math.log(0.5 / ((3 + EPS) / (4 + 3 * EPS)))
            + 0.5 * Math.log(0.5 / ((1 + EPS) / (4 + 3 * EPS)));
    double c1 = Math.log(1 / ((2 + EPS) / (2 + 3 * EPS)));
    double c2 = Math.log(1 / (EPS / (3 * EPS))); // unseen context: uniform, log 3
    assertEquals(0.5 * c0 + 0.25 * c1 + 0.25 * c2, out[MarkovCell.KL_RATE], 1e-12);

    // unigram of the model's tokens: 0 twice, 1 three times, 2 once
    double h = -(2 / 6.0) * Math.log(2 / 6.0) - 0.5 * Math.log(0.5) - (1 / 6.0) * Math.log(1 / 6.0);
    assertEquals(h, out[MarkovCell.UNIGRAM_ENTROPY], 1e-12);

    // perplexity: exp of the mean negative log-likelihood of the held-out truth text under the
    // smoothed model; the text follows the truth, so only transitions 0->1, 0->2, 1->0, 2->0 occur
    long[][] counts = {{0, 3, 1}, {2, 0, 0}, {0, 0, 0}};
    long[] totals = {4, 2, 0};
    double nll = 0;
    long tokens = 0;
    for (int i = 0; i < truth.heldoutKeys.length; i++) {
      int c = (int) codec.contextOf(truth.heldoutKeys[i]);
      int y = codec.tokenOf(truth.heldoutKeys[i]);
      nll -= truth.heldoutCounts[i] * Math.log((counts[c][y] + EPS) / (totals[c] + 3 * EPS));
      tokens += truth.heldoutCounts[i];
    }
    assertEquals(truth.heldoutTotal, tokens);
    assertEquals(Math.exp(nll / tokens), out[MarkovCell.PERPLEXITY], 1e-9);
    // the held-out text has the truth's transition frequencies: 0->1 and 0->2 about a quarter each
    assertEquals(4, truth.heldoutKeys.length, "four distinct transitions in the held-out text");
  }
}
