package org.collapsesim.family.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.TheoryAssert;
import org.collapsesim.random.ChiSquare;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sampler, estimator and theory tests of the markov family. Chi-square tests merge bins with
 * expected counts below 5 and fail by chance with probability about 1e-4 each ({@link ChiSquare});
 * theory comparisons use z = 4 standard errors from R = 400 replicates, about 6.3e-5 each. The
 * class fails by chance with probability below 1e-3.
 */
class MarkovTest {

  private static final double Z = 4.0;

  private static String config(String params) {
    return String.join(
        "\n",
        "name: markov-test",
        "seed: 20261126",
        "replicates: 400",
        "generations: 9",
        "family: markov",
        "params:",
        params,
        "output: {dir: unused}",
        "");
  }

  /** Order 0 is Wright-Fisher drift: E[GS] = GS* (1 - 1/M)^(t+1) (docs/theory.md). */
  @Test
  void orderZeroReproducesCategoricalGiniSimpsonDecay() {
    ChainRunner runner =
        ChainRunner.run(
            config(
                String.join(
                    "\n",
                    "  model_size: 10",
                    "  order: 0",
                    "  samples: 100",
                    "  sequence_length: 10",
                    "  truth.row_support: 10",
                    "  truth.concentration: 2.0")));
    MarkovCell cell = MarkovFamily.bindCell(runner.config().cells().get(0), runner.config().seed());
    double gsStar = 1 - cell.truth().unigramSumSquares;
    for (int t : new int[] {0, 4, 9}) {
      assertEquals(
          gsStar * Math.pow(1 - 1.0 / 100, t + 1), runner.theory("gini_simpson", t), 1e-12);
      TheoryAssert.assertMeanNear(
          "gini_simpson t=" + t,
          runner.theory("gini_simpson", t),
          runner.metric("gini_simpson", t),
          Z);
    }
  }

  /**
   * Order 0 with exogenous data: the unigram Gini-Simpson follows the categorical mixing recursion
   * (count: k = floor(a M + 0.5) truth draws; per-sample: each token's own coin), the markov
   * family's exogenous source and mixing running through the same loop.
   */
  @ParameterizedTest(name = "alpha {0}, mixing {1}")
  @CsvSource({"0.2, count", "0.3, per-sample"})
  void orderZeroWithExogenousDataFollowsTheMixingRecursion(double alpha, String mixing) {
    ChainRunner runner =
        ChainRunner.run(
            config(
                String.join(
                    "\n",
                    "  model_size: 8",
                    "  order: 0",
                    "  samples: 60",
                    "  sequence_length: 6",
                    "  alpha: " + alpha,
                    "  mixing: " + mixing,
                    "  truth.row_support: 8",
                    "  truth.concentration: 1.0")));
    double[] theory = new double[10];
    for (int t : new int[] {1, 4, 9}) {
      theory[t] = runner.theory("gini_simpson", t);
      TheoryAssert.assertMeanNear(
          "gini_simpson t=" + t, theory[t], runner.metric("gini_simpson", t), Z);
    }
    // with real data the index levels off above the closed loop's decay
    assertTrue(theory[9] > runner.theory("gini_simpson", 0) * Math.pow(1 - 1.0 / 60, 10));
  }

  /**
   * Order 0 with a reservoir (both mixing modes) or real-data weighting: the unigram Gini-Simpson
   * follows the categorical recursion with the uniform over the V tokens in the reservoir's place
   * and the weighted parts' weights.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mixing: count; reservoir.fraction: 0.2",
        "mixing: per-sample; reservoir.fraction: 0.2",
        "alpha: 0.1; real_weight: 0.6",
        "alpha: 0.1; reservoir.fraction: 0.1; real_weight: 0.3"
      })
  void orderZeroWithAReservoirOrWeightingFollowsTheCategoricalRecursion(String mechanism) {
    ChainRunner runner =
        ChainRunner.run(
            config(
                String.join(
                    "\n",
                    "  model_size: 8",
                    "  order: 0",
                    "  samples: 60",
                    "  sequence_length: 6",
                    "  " + mechanism.replace("; ", "\n  "),
                    "  truth.row_support: 8",
                    "  truth.concentration: 1.0")));
    for (int t : new int[] {1, 4, 9}) {
      TheoryAssert.assertMeanNear(
          "gini_simpson t=" + t,
          runner.theory("gini_simpson", t),
          runner.metric("gini_simpson", t),
          Z);
    }
  }

  /**
   * Sequences of length 1 start in a context drawn from pi* and emit one token, so the transition
   * counts are multinomial with probabilities pi*(c) P*(y | c): an exact chi-square test of the
   * stationary distribution and of every row at once.
   */
  @Test
  void truthTransitionsFollowTheTable() {
    MarkovTruth truth = MarkovTruth.dirichlet(new ContextCodec(6, 1), 0.7, 3, 99L, 100, 1);
    TransitionBatch batch = new TransitionBatch(0);
    truth.sample(new RandomStream(7), 60_000, 1, batch);
    assertTransitionsFit("truth order 1", truth, batch);
  }

  @Test
  void orderTwoTruthTransitionsFollowTheTable() {
    MarkovTruth truth = MarkovTruth.dirichlet(new ContextCodec(4, 2), 1.0, 2, 5L, 100, 1);
    TransitionBatch batch = new TransitionBatch(0);
    truth.sample(new RandomStream(8), 60_000, 1, batch);
    assertTransitionsFit("truth order 2", truth, batch);
  }

  private static void assertTransitionsFit(String what, MarkovTruth truth, TransitionBatch batch) {
    ContextCodec codec = truth.codec;
    int nnz = truth.tokens.length;
    long[] observed = new long[nnz];
    double[] p = new double[nnz];
    for (int c = 0; c < truth.contexts.length; c++) {
      for (int j = truth.rowStart[c]; j < truth.rowStart[c + 1]; j++) {
        p[j] = truth.pi[c] * truth.prob[j];
      }
    }
    for (int i = 0; i < batch.size; i++) {
      long key = batch.keys[i];
      int c = java.util.Arrays.binarySearch(truth.contexts, codec.contextOf(key));
      assertTrue(c >= 0, "a sampled context outside the table");
      int j =
          java.util.Arrays.binarySearch(
              truth.tokens, truth.rowStart[c], truth.rowStart[c + 1], codec.tokenOf(key));
      assertTrue(j >= 0, "a sampled token outside the row");
      observed[j]++;
    }
    ChiSquare.assertFits(what, observed, p);
  }

  /**
   * The fitted chain's transition counts and its empirical context law (not the fitted chain's
   * stationary law (2/3, 1/3)).
   */
  @Test
  void estimatorCountsAndEmpiricalContextLaw() {
    ContextCodec codec = new ContextCodec(2, 1);
    MarkovCell cell = cellFor(codec, 0.0);
    TransitionCounts stats = cell.newStats();
    // context 0: 0->0 three times, 0->1 once (alpha = 1/4); context 1: 1->0 twice, 1->1 twice (beta
    // = 1/2)
    long[] keys = {0, 0, 0, 1, 2, 2, 3, 3};
    TransitionBatch batch = new TransitionBatch(8);
    for (long k : keys) {
      batch.keys[batch.size++] = k;
    }
    cell.statsOf(batch, stats);
    MarkovModel model = cell.fit(stats, null, new RandomStream(0));
    assertEquals(2, model.contexts());
    assertEquals(3, model.count(0, 0));
    assertEquals(1, model.count(0, 1));
    assertEquals(2, model.count(1, 0));
    assertEquals(0.5, model.pi[0], 1e-15);
    double[] out = new double[MarkovFamily.METRIC_NAMES.size()];
    cell.metrics(model, out, new RandomStream(0));
    double h025 = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
    assertEquals(0.5 * h025 + 0.5 * Math.log(2), out[MarkovCell.ENTROPY_RATE], 1e-12);
    assertEquals(4, out[MarkovCell.DISTINCT_NGRAMS]);
    assertEquals(2, out[MarkovCell.SUPPORT]);
  }

  /** A successor never observed as a source: the sampler backs off to the unigram there. */
  @Test
  void openChainSamplesThroughUnseenContexts() {
    ContextCodec codec = new ContextCodec(3, 1);
    MarkovCell cell = cellFor(codec, 0.0);
    TransitionBatch batch = new TransitionBatch(4);
    batch.keys[batch.size++] = codec.key(0, 1);
    batch.keys[batch.size++] = codec.key(1, 0);
    batch.keys[batch.size++] = codec.key(1, 2);
    TransitionCounts stats = cell.newStats();
    cell.statsOf(batch, stats);
    MarkovModel model = cell.fit(stats, null, new RandomStream(0));
    assertEquals(1.0 / 3.0, model.pi[0], 1e-15);
    assertEquals(2.0 / 3.0, model.pi[1], 1e-15);
    // sampling from the model reaches context 2 and backs off without failing
    TransitionBatch out = new TransitionBatch(0);
    cell.drawModel(model, new RandomStream(3), 1000, out, BlockRunner.SEQUENTIAL);
    assertEquals(1000, out.size);
  }

  /** A chain collapsed onto one transition: every metric is defined. */
  @Test
  void collapsedModelHasDefinedMetrics() {
    for (double addK : new double[] {0.0, 1.0}) {
      ContextCodec codec = new ContextCodec(5, 2);
      MarkovCell cell = cellFor(codec, addK);
      TransitionBatch batch = new TransitionBatch(10);
      for (int i = 0; i < 10; i++) {
        batch.keys[batch.size++] = codec.key(0, 0);
      }
      TransitionCounts stats = cell.newStats();
      cell.statsOf(batch, stats);
      MarkovModel model = cell.fit(stats, null, new RandomStream(0));
      double[] out = new double[MarkovFamily.METRIC_NAMES.size()];
      cell.metrics(model, out, new RandomStream(0));
      for (int m = 0; m < out.length; m++) {
        assertFalse(
            Double.isNaN(out[m]) || Double.isInfinite(out[m]),
            MarkovFamily.METRIC_NAMES.get(m) + " " + out[m]);
      }
      if (addK == 0) { // one deterministic transition: no uncertainty per token
        assertEquals(0.0, out[MarkovCell.ENTROPY_RATE]);
      } else { // smoothing spreads mass: strictly between 0 and ln V
        assertTrue(
            out[MarkovCell.ENTROPY_RATE] > 0 && out[MarkovCell.ENTROPY_RATE] <= Math.log(5),
            "add-k entropy rate " + out[MarkovCell.ENTROPY_RATE]);
      }
      assertEquals(0.0, out[MarkovCell.UNIGRAM_ENTROPY], 1e-15);
      TransitionBatch sampled = new TransitionBatch(0);
      cell.drawModel(model, new RandomStream(1), 50, sampled, BlockRunner.SEQUENTIAL);
      assertEquals(50, sampled.size);
    }
  }

  /** top_k = 1 decodes every row to its most frequent token. */
  @Test
  void topKOneSamplesTheModeOfEachRow() {
    ContextCodec codec = new ContextCodec(3, 1);
    MarkovTruth truth = MarkovTruth.dirichlet(codec, 1.0, 3, 1L, 10, 10);
    MarkovCell cell = new MarkovCell(truth, 10, 0.0, new RowDecoding(1.0, 1, 1.0), 0.5);
    TransitionBatch batch = new TransitionBatch(0);
    cell.drawTruth(new RandomStream(2), 5000, batch, BlockRunner.SEQUENTIAL);
    TransitionCounts stats = cell.newStats();
    cell.statsOf(batch, stats);
    MarkovModel model = cell.fit(stats, null, new RandomStream(0));
    TransitionBatch out = new TransitionBatch(0);
    cell.drawModel(model, new RandomStream(4), 2000, out, BlockRunner.SEQUENTIAL);
    for (int i = 0; i < out.size; i++) {
      int c = model.indexOf(codec.contextOf(out.keys[i]));
      double best = 0;
      for (int j = model.rowStart[c]; j < model.rowStart[c + 1]; j++) {
        best = Math.max(best, model.counts[j]);
      }
      assertEquals(best, model.count(c, codec.tokenOf(out.keys[i])), "token " + i);
    }
  }

  /** A text truth: read at load, vocabulary as model_size, chains run with defined metrics. */
  @Test
  void textTruthRunsFromAFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("t.txt"),
        "the cat sat on the mat and the dog sat on the log\n",
        StandardCharsets.UTF_8);
    String yaml =
        String.join(
            "\n",
            "name: text",
            "seed: 1",
            "replicates: 2",
            "generations: 5",
            "family: markov",
            "truth: {source: text, file: t.txt, tokens: words}",
            "params:",
            "  order: 1",
            "  samples: 200",
            "  sequence_length: 20",
            "output: {dir: unused}",
            "");
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, yaml);
    SweepConfig config = ConfigLoader.load(Families.catalogue(), file, List.of());
    assertEquals(8L, config.cells().get(0).getLong("model_size"));
    MarkovCell cell = MarkovFamily.bindCell(config.cells().get(0), config.seed());
    // read cyclically (log -> the closes the loop), 13 transitions; only "the" (4 of 13 contexts)
    // is uncertain, followed once each by cat, mat, dog, log: ln 4 nats
    assertEquals(4.0 / 13.0 * Math.log(4), cell.truth().entropyRate, 1e-12);
    org.collapsesim.engine.PreparedCell prepared =
        org.collapsesim.engine.PreparedCell.prepare(config, config.cells().get(0));
    assertTrue(prepared.runChain(0, row -> {}, BlockRunner.SEQUENTIAL).ok());
  }

  @Test
  void presetLoadsAndRuns() throws IOException, Exception {
    Path preset = Path.of("..", "configs", "markov-text.yaml");
    SweepConfig config =
        ConfigLoader.load(Families.catalogue(), preset, List.of("generations=2", "replicates=1"));
    for (var spec : config.cells()) {
      var prepared = org.collapsesim.engine.PreparedCell.prepare(config, spec);
      var record = prepared.runChain(0, row -> {}, BlockRunner.SEQUENTIAL);
      assertTrue(record.ok(), record.error());
    }
  }

  private static MarkovCell cellFor(ContextCodec codec, double addK) {
    MarkovTruth truth = MarkovTruth.dirichlet(codec, 1.0, codec.v, 3L, 100, 10);
    return new MarkovCell(truth, 10, addK, new RowDecoding(1.0, 0, 1.0), 0.5);
  }
}
