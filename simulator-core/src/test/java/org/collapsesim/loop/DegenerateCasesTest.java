package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Degenerate cells give defined values (possibly infinite), never NaN, and never fail. */
class DegenerateCasesTest {

  private static ChainRunner run(String family, String params, int generations) {
    return ChainRunner.run(
        "name: x\nseed: 1\nreplicates: 3\ngenerations: "
            + generations
            + "\nfamily: "
            + family
            + "\nparams: {"
            + params
            + "}\n");
  }

  private static void assertNoNaN(ChainRunner run) {
    for (ChainRecord chain : run.chains()) {
      assertTrue(chain.ok(), chain.error());
      for (GenerationRecord row : run.rows(chain.replicate())) {
        for (double v : row.metrics()) {
          assertFalse(Double.isNaN(v), "NaN at generation " + row.generation());
        }
      }
    }
  }

  @Test
  void oneSampleCollapsesACategoricalModelToOneCategory() {
    ChainRunner run = run("categorical", "model_size: 5, samples: 1", 4);
    assertNoNaN(run);
    for (int t = 0; t <= 4; t++) {
      assertEquals(0.0, run.metric("entropy", t)[0]);
      assertEquals(0.0, run.metric("gini_simpson", t)[0]);
      assertEquals(1.0, run.metric("support", t)[0]);
      assertEquals(4.0, run.metric("extinct", t)[0]);
    }
    assertEquals(
        0, run.chains().get(0).collapseGeneration(), "entropy 0 <= 0.1 H* at generation 0");
  }

  @Test
  void aOneCategoryVocabularyIsAlreadyCollapsedButFinite() {
    ChainRunner run = run("categorical", "model_size: 1, samples: 10", 3);
    assertNoNaN(run);
    assertEquals(0.0, run.metric("kl_true_model", 3)[1]);
    assertEquals(0.0, run.metric("tv", 3)[1]);
  }

  @Test
  void oneSampleGivesAZeroVarianceGaussianWithInfiniteValues() {
    ChainRunner run = run("gaussian", "model_size: 1, samples: 1", 5);
    assertNoNaN(run);
    for (int t = 0; t <= 5; t++) {
      assertEquals(0.0, run.metric("var_ratio", t)[2]);
      assertEquals(Double.NEGATIVE_INFINITY, run.metric("logdet_ratio", t)[2]);
      assertEquals(Double.NEGATIVE_INFINITY, run.metric("entropy", t)[2]);
      assertEquals(Double.POSITIVE_INFINITY, run.metric("kl_true_model", t)[2]);
      assertTrue(run.metric("w2_sq", t)[2] >= 1.0 - 1e-12, "w2 >= tr Sigma* when Sigma_t = 0");
    }
    // the mean never moves again once the variance is zero
    assertEquals(run.metric("mean_sq_err", 1)[0], run.metric("mean_sq_err", 5)[0]);
  }

  @Test
  void fewerSamplesThanDimensionsGiveASingularCovariance() {
    ChainRunner run = run("gaussian", "model_size: 4, samples: 3", 3);
    assertNoNaN(run);
  }

  /**
   * With alpha = 1 every generation is one fit on M fresh truth samples, so the simulated metric at
   * generation 6 has the law of generation 0 (theory: one fit), not of seven: its mean over 400
   * replicates must be within 4 standard errors of the one-fit value (false failure about 6e-5 per
   * family), and it must not repeat generation 0's numbers (the draws are fresh).
   */
  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "categorical"})
  void alphaOneDrawsEveryGenerationFreshFromTheTruth(String family) {
    ChainRunner run =
        ChainRunner.run(
            "name: x\nseed: 1\nreplicates: 400\ngenerations: 6\nfamily: "
                + family
                + "\nparams: {model_size: 3, samples: 20, alpha: 1.0}\n");
    assertNoNaN(run);
    String metric = family.equals("gaussian") ? "var_ratio" : "gini_simpson";
    for (int t = 1; t <= 6; t++) {
      assertEquals(
          run.theory(metric, 0), run.theory(metric, t), 1e-12, "stationary at generation " + t);
      assertEquals(1.0, run.rows(0).get(t).alphaT());
    }
    TheoryAssert.assertMeanNear(metric + " t=6", run.theory(metric, 0), run.metric(metric, 6), 4);
    assertFalse(java.util.Arrays.equals(run.metric(metric, 0), run.metric(metric, 6)));
  }

  @Test
  void greedyDecodingKeepsOnlyTheMode() {
    ChainRunner run = run("categorical", "model_size: 50, samples: 200, top_k: 1", 2);
    assertNoNaN(run);
    assertEquals(1.0, run.metric("support", 1)[0]);
    assertEquals(0.0, run.metric("entropy", 2)[0]);
  }

  @Test
  void accumulateGrowsTheTrainingSetAndSubsampleKeepsItAtM() {
    ChainRunner acc = run("categorical", "model_size: 5, samples: 10, regime: accumulate", 3);
    ChainRunner sub =
        run("categorical", "model_size: 5, samples: 10, regime: accumulate-subsample", 3);
    ChainRunner win =
        run("categorical", "model_size: 5, samples: 10, regime: window, window: 2", 3);
    for (int t = 0; t <= 3; t++) {
      assertEquals(10L * (t + 1), acc.rows(0).get(t).nTrain());
      assertEquals(10L, sub.rows(0).get(t).nTrain());
      assertEquals(10L * Math.min(t + 1, 2), win.rows(0).get(t).nTrain());
    }
  }
}
