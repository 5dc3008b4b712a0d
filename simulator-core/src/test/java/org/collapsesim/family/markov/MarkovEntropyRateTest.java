package org.collapsesim.family.markov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.TheoryAssert;
import org.collapsesim.random.ChiSquare;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The markov context law of a fitted chain (docs/families.md, markov): entropy_rate = sum_c (N(c) /
 * N) H(P_t(. | c)) and sequences start from N(c) / N, for a periodic, a reducible and an absorbing
 * fitted chain, each hand-computed with plain logarithms and chosen so that the fitted chain's
 * stationary (or long-run) law gives a different value; the generation-0 mean against the truth's
 * entropy rate; and the truth's stationary law, exact and iterated. The chi-square test fails by
 * chance with probability about 1e-4 ({@link ChiSquare}), the 4-standard-error comparison with
 * about 6.3e-5 ({@link TheoryAssert}); the rest are exact up to round-off.
 */
class MarkovEntropyRateTest {

  private static final ContextCodec CODEC = new ContextCodec(3, 1);

  /** H of a distribution given by weights, in nats. */
  private static double h(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double h = 0;
    for (double w : weights) {
      if (w > 0) {
        h -= w / total * Math.log(w / total);
      }
    }
    return h;
  }

  private static MarkovCell cell(double addK) {
    MarkovTruth truth = MarkovTruth.dirichlet(CODEC, 1.0, 3, 3L, 100, 10);
    return new MarkovCell(truth, 1, addK, new RowDecoding(1.0, 0, 1.0), 0.5);
  }

  /** A model fitted on transitions given as {context, token, count} triples. */
  private static MarkovModel fit(MarkovCell cell, int[]... transitions) {
    TransitionBatch batch = new TransitionBatch(0);
    for (int[] t : transitions) {
      batch.ensureCapacity(batch.size + t[2]);
      for (int i = 0; i < t[2]; i++) {
        batch.keys[batch.size++] = CODEC.key(t[0], t[1]);
      }
    }
    TransitionCounts stats = cell.newStats();
    cell.statsOf(batch, stats);
    return cell.fit(stats, null, new RandomStream(0));
  }

  private static double entropyRate(MarkovCell cell, MarkovModel model) {
    double[] out = new double[MarkovFamily.METRIC_NAMES.size()];
    cell.metrics(model, out, new RandomStream(0));
    return out[MarkovCell.ENTROPY_RATE];
  }

  /**
   * Period 2: 0 -> 1 three times, 0 -> 2 once, 1 -> 0 twice, 2 -> 0 once. Empirical contexts (4, 2,
   * 1) / 7; the fitted chain's stationary law would be (1/2, 3/8, 1/8).
   */
  private static final int[][] PERIODIC = {{0, 1, 3}, {0, 2, 1}, {1, 0, 2}, {2, 0, 1}};

  @Test
  void periodicChainIsWeightedByItsContextFrequencies() {
    MarkovCell mle = cell(0.0);
    assertEquals(4 / 7.0 * h(3, 1), entropyRate(mle, fit(mle, PERIODIC)), 1e-12);
    // add-k (k = 1, V = 3): rows (n(c, y) + 1) / (N(c) + 3) over all V tokens, same weights
    MarkovCell addOne = cell(1.0);
    double expected = 4 / 7.0 * h(1, 4, 2) + 2 / 7.0 * h(3, 1, 1) + 1 / 7.0 * h(2, 1, 1);
    assertEquals(expected, entropyRate(addOne, fit(addOne, PERIODIC)), 1e-12);
  }

  /**
   * Reducible: 0 -> 0 twice and 0 -> 1 twice leave {0} for the closed class {1, 2} (1 -> 1, 1 -> 2,
   * 2 -> 1 twice). Empirical (4, 2, 2) / 8: 3/4 ln 2; the long-run law from any start, (0, 2/3,
   * 1/3), would give 2/3 ln 2.
   */
  @Test
  void reducibleChainKeepsItsTransientContexts() {
    MarkovCell mle = cell(0.0);
    MarkovModel model =
        fit(mle, new int[][] {{0, 0, 2}, {0, 1, 2}, {1, 1, 1}, {1, 2, 1}, {2, 1, 2}});
    assertEquals(0.75 * Math.log(2), entropyRate(mle, model), 1e-12);
  }

  /**
   * Absorbing: 0 -> 0 three times, 0 -> 1 once, 1 -> 1 four times. Empirical (1/2, 1/2): H(1/4) /
   * 2; the long-run law (all mass on the absorbing context) would give 0.
   */
  @Test
  void absorbingChainKeepsItsTransientContexts() {
    MarkovCell mle = cell(0.0);
    MarkovModel model = fit(mle, new int[][] {{0, 0, 3}, {0, 1, 1}, {1, 1, 4}});
    assertEquals(0.5 * h(1, 3), entropyRate(mle, model), 1e-12);
  }

  /** Sequences of length 1 show the start law alone: (4, 2, 1) / 7, not (1/2, 3/8, 1/8). */
  @Test
  void sequencesStartFromTheEmpiricalContextLaw() {
    MarkovCell mle = cell(0.0); // sequence_length 1
    MarkovModel model = fit(mle, PERIODIC);
    TransitionBatch out = new TransitionBatch(0);
    mle.drawModel(model, new RandomStream(20261205L), 70_000, out, BlockRunner.SEQUENTIAL);
    long[] starts = new long[3];
    for (int i = 0; i < out.size; i++) {
      starts[(int) CODEC.contextOf(out.keys[i])]++;
    }
    ChiSquare.assertFits("start contexts", starts, new double[] {4 / 7.0, 2 / 7.0, 1 / 7.0});
  }

  /**
   * What entropy_rate is compared with (docs/families.md): truth sequences start from pi*, so
   * E[N(c) / N] = pi*(c), and each row's plug-in entropy on n = N(c) draws is low by (k_c - 1) / (2
   * n) - (1 - sum_y 1 / P*(y | c)) / (12 n^2) + O(n^-3) (Miller-Madow and the next term), so
   * E[entropy_rate_0] = H* - sum_c (k_c - 1) / (2 N) + sum_c (1 - sum_y 1 / P*(y | c)) / (12 N^2
   * pi*(c)), up to terms near 1e-5 here. The first-order correction is 8e-3, about 7 standard
   * errors of the mean of 400 replicates: the comparison tells H* and its plug-in estimate apart.
   */
  @Test
  void generationZeroEstimatesTheTruthsEntropyRate() {
    int samples = 500;
    ChainRunner runner =
        ChainRunner.run(
            String.join(
                "\n",
                "name: markov-entropy-rate",
                "seed: 20261205",
                "replicates: 400",
                "generations: 1",
                "family: markov",
                "params:",
                "  model_size: 4",
                "  order: 1",
                "  samples: " + samples,
                "  sequence_length: 50",
                "  truth.row_support: 3",
                "  truth.concentration: 1.0",
                "output: {dir: unused}",
                ""));
    MarkovTruth truth =
        MarkovFamily.bindCell(runner.config().cells().get(0), runner.config().seed()).truth();
    double firstOrder = 0;
    double secondOrder = 0;
    for (int c = 0; c < truth.contexts.length; c++) {
      double inverses = 0;
      for (int j = truth.rowStart[c]; j < truth.rowStart[c + 1]; j++) {
        inverses += 1 / truth.prob[j];
      }
      firstOrder += (truth.rowStart[c + 1] - truth.rowStart[c] - 1) / (2.0 * samples);
      secondOrder += (1 - inverses) / (12.0 * samples * samples * truth.pi[c]);
    }
    assertEquals(4 * 2 / (2.0 * samples), firstOrder, 1e-15);
    TheoryAssert.assertMeanNear(
        "entropy_rate at generation 0",
        truth.entropyRate - firstOrder + secondOrder,
        runner.metric("entropy_rate", 0),
        4.0);
  }

  /** The same periodic chain as a truth table: pi* = (1/2, 3/8, 1/8) by both methods. */
  @Test
  void truthStationaryLawIsExactAndTheIterationAgrees() {
    int[] rowStart = {0, 2, 3, 4};
    int[] succ = {1, 2, 0, 0};
    double[] prob = {0.75, 0.25, 1.0, 1.0};
    double[] expected = {0.5, 0.375, 0.125};
    assertArrayEquals(expected, Stationary.solve(3, rowStart, succ, prob), 1e-15);
    assertArrayEquals(
        expected,
        Stationary.powerIteration(3, rowStart, succ, prob, Stationary.MAX_ITERATIONS),
        1e-12);
  }

  /** A random truth on 400 contexts (above the exact limit): the two methods agree. */
  @Test
  void iterationAgreesWithTheExactSolveOnARandomTruth() {
    MarkovTruth truth = MarkovTruth.dirichlet(new ContextCodec(20, 2), 0.5, 5, 7L, 100, 10);
    int n = truth.contexts.length;
    assertTrue(n > Stationary.EXACT_LIMIT, n + " contexts");
    double[] exact = Stationary.solve(n, truth.rowStart, truth.succ, truth.prob);
    assertArrayEquals(exact, truth.pi, 1e-11);
    double sum = 0;
    for (double p : exact) {
      sum += p;
    }
    assertEquals(1.0, sum, 1e-12);
  }

  /**
   * Two cycles of m contexts each, A (contexts 0..m-1) and B (m..2m-1), joined by rare jumps: a
   * context of A goes to its twin in B with probability eps, one of B to its twin in A with 2 eps,
   * else each steps around its own cycle. The flow balance gives pi = 2 / (3m) on A and 1 / (3m) on
   * B, and the iteration from the uniform law closes the gap between the halves only at a rate of
   * about 3 eps a step.
   */
  private static double[][] slowChain(int m, double eps) {
    int n = 2 * m;
    int[] rowStart = new int[n + 1];
    int[] succ = new int[2 * n];
    double[] prob = new double[2 * n];
    for (int c = 0; c < n; c++) {
      boolean inA = c < m;
      int base = inA ? 0 : m;
      double jump = inA ? eps : 2 * eps;
      rowStart[c + 1] = 2 * (c + 1);
      succ[2 * c] = base + (c - base + 1) % m;
      prob[2 * c] = 1 - jump;
      succ[2 * c + 1] = inA ? c + m : c - m;
      prob[2 * c + 1] = jump;
    }
    double[] rs = new double[n + 1];
    double[] sc = new double[2 * n];
    for (int i = 0; i <= n; i++) {
      rs[i] = rowStart[i];
    }
    for (int j = 0; j < 2 * n; j++) {
      sc[j] = succ[j];
    }
    return new double[][] {rs, sc, prob};
  }

  private static int[] ints(double[] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (int) x[i];
    }
    return out;
  }

  /**
   * A chain above the exact limit that mixes too slowly for the iteration is solved exactly after
   * all (up to the dense limit), and refused with its parameters' advice above it.
   */
  @Test
  void aSlowlyMixingChainIsSolvedExactlyOrRefused() {
    int m = 150;
    double[][] chain = slowChain(m, 1e-7);
    int[] rowStart = ints(chain[0]);
    int[] succ = ints(chain[1]);
    int n = 2 * m;
    assertTrue(n > Stationary.EXACT_LIMIT && n <= Stationary.DENSE_LIMIT);
    assertThrows(
        Stationary.NotConverged.class,
        () -> Stationary.powerIteration(n, rowStart, succ, chain[2], Stationary.MAX_ITERATIONS));
    double[] pi = Stationary.of(n, rowStart, succ, chain[2]);
    for (int c = 0; c < n; c++) {
      assertEquals(c < m ? 2.0 / (3 * m) : 1.0 / (3 * m), pi[c], 1e-13, "context " + c);
    }

    int big = Stationary.DENSE_LIMIT / 2 + 1;
    double[][] large = slowChain(big, 1e-7);
    Stationary.NotConverged refused =
        assertThrows(
            Stationary.NotConverged.class,
            () -> Stationary.of(2 * big, ints(large[0]), ints(large[1]), large[2]));
    assertTrue(refused.getMessage().contains("did not converge"), refused.getMessage());
  }

  /** An iteration stopped before convergence is refused, never used silently. */
  @Test
  void nonConvergedIterationIsRefused() {
    int[] rowStart = {0, 2, 3, 4};
    int[] succ = {1, 2, 0, 0};
    double[] prob = {0.75, 0.25, 1.0, 1.0};
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Stationary.powerIteration(3, rowStart, succ, prob, 3));
    assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
  }
}
