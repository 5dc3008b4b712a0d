package org.collapsesim.family.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.Verifier;
import org.collapsesim.loop.VerifierHarness;
import org.collapsesim.random.ChiSquare;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The markov family's mechanisms: the reservoir's transition keys are uniform, the verifier's
 * accepted transitions follow the model tilted by the acceptance (docs/theory.md, the verifier's
 * one-step laws), and the weighted fit is the hand-computed weighted counts. Each chi-square test
 * fails by chance with probability about 1e-4 ({@link ChiSquare}).
 */
class MarkovMechanismsTest {

  private static final int V = 6;
  private final ContextCodec codec = new ContextCodec(V, 1);
  // rows of 3 of the 6 tokens: half the transition keys have truth probability 0
  private final MarkovTruth truth = MarkovTruth.dirichlet(codec, 1.0, 3, 7L, 100, 1);
  // sequence_length 1: each sample's context comes from pi afresh, so samples are iid
  private final MarkovCell cell = new MarkovCell(truth, 1, 0.0, new RowDecoding(1.0, 0, 1.0), 0.5);

  @Test
  void theReservoirsTransitionKeysAreUniform() {
    MarkovCell long10 = new MarkovCell(truth, 10, 0.0, new RowDecoding(1.0, 0, 1.0), 0.5);
    TransitionBatch out = new TransitionBatch(0);
    int n = 36_000;
    // keys 10 apart in a sequence are independent; take every 10th (the first of each sequence)
    long10.drawReservoir(new RandomStream(3), n * 10, out, BlockRunner.SEQUENTIAL);
    long[] observed = new long[V * V];
    for (int i = 0; i < out.size; i += 10) {
      observed[(int) out.keys[i]]++;
    }
    double[] uniform = new double[V * V];
    java.util.Arrays.fill(uniform, 1.0 / (V * V));
    ChiSquare.assertFits("reservoir keys", observed, uniform);
  }

  @Test
  void correctIsANonZeroTruthTransition() {
    TransitionBatch all = new TransitionBatch(V * V);
    for (int k = 0; k < V * V; k++) {
      all.keys[all.size++] = k;
    }
    int valid = 0;
    for (int c = 0; c < truth.contexts.length; c++) {
      for (int j = truth.rowStart[c]; j < truth.rowStart[c + 1]; j++) {
        long key = codec.key(truth.contexts[c], truth.tokens[j]);
        assertEquals(truth.prob[j] > 0, cell.correct(all, (int) key), "key " + key);
        valid += truth.prob[j] > 0 ? 1 : 0;
      }
    }
    int accepted = 0;
    for (int k = 0; k < V * V; k++) {
      accepted += cell.correct(all, k) ? 1 : 0;
    }
    assertEquals(valid, accepted, "no key outside the truth's rows is correct");
  }

  /** A model fit on reservoir data: it puts mass on every key, valid or not. */
  private MarkovModel uniformishModel() {
    TransitionBatch data = new TransitionBatch(0);
    cell.drawReservoir(new RandomStream(11), 400, data, BlockRunner.SEQUENTIAL);
    TransitionCounts stats = cell.newStats();
    cell.statsOf(data, stats);
    return cell.fit(stats, null, null);
  }

  @Test
  void acceptedTransitionsFollowTheTiltedModel() {
    MarkovModel model = uniformishModel();
    double fnr = 0.2;
    double fpr = 0.3;
    int n = 30_000;
    TransitionBatch kept =
        VerifierHarness.filter(
            cell, model, new Verifier(fpr, fnr, true, 100_000_000L), n, 21, new double[2]);
    assertEquals(n, kept.size);
    // with sequence_length 1 a candidate is key (c, y) with probability pi(c) P(y | c) = n(c, y) /
    // N
    TransitionBatch all = new TransitionBatch(V * V);
    for (int k = 0; k < V * V; k++) {
      all.keys[all.size++] = k;
    }
    double[] tilted = new double[V * V];
    double total = 0;
    for (int c = 0; c < model.contexts(); c++) {
      for (int j = model.rowStart[c]; j < model.rowStart[c + 1]; j++) {
        int key = (int) codec.key(model.contexts[c], model.tokens[j]);
        tilted[key] = model.counts[j] / model.total * (cell.correct(all, key) ? 1 - fnr : fpr);
        total += tilted[key];
      }
    }
    for (int k = 0; k < tilted.length; k++) {
      tilted[k] /= total;
    }
    long[] observed = new long[V * V];
    for (int i = 0; i < kept.size; i++) {
      observed[(int) kept.keys[i]]++;
    }
    ChiSquare.assertFits("accepted transitions", observed, tilted);
  }

  /**
   * N = 12, w = 1/4: n(0, 1) = 12 (1/4 3/4 + 3/4 2/8) = 4.5, n(1, 2) = 12 (1/4 1/4) = 0.75, n(2, 0)
   * = 12 (3/4 6/8) = 6.75; pi = (4.5, 0.75, 6.75) / 12.
   */
  @Test
  void theWeightedFitIsTheWeightedCounts() {
    TransitionCounts exo = cell.newStats();
    exo.add(codec.key(0, 1), 3);
    exo.add(codec.key(1, 2), 1);
    TransitionCounts rest = cell.newStats();
    rest.add(codec.key(0, 1), 2);
    rest.add(codec.key(2, 0), 6);
    MarkovModel m = cell.fitWeighted(exo, rest, 0.25, null, null);
    assertEquals(12.0, m.total, 1e-12);
    assertEquals(4.5, m.count(m.indexOf(0), 1), 1e-12);
    assertEquals(0.75, m.count(m.indexOf(1), 2), 1e-12);
    assertEquals(6.75, m.count(m.indexOf(2), 0), 1e-12);
    assertEquals(0.375, m.pi[m.indexOf(0)], 1e-12);
    assertEquals(6.75 / 12, m.pi[m.indexOf(2)], 1e-12);
    assertEquals(4.5, m.unigram[1], 1e-12);
    MarkovModel restOnly = cell.fitWeighted(exo, rest, 0.0, null, null);
    assertEquals(-1, restOnly.indexOf(1), "w = 0: the exogenous-only context leaves the support");
    assertEquals(2, restOnly.tokens.length);
  }
}
