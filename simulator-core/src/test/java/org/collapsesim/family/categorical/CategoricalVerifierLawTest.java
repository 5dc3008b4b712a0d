package org.collapsesim.family.categorical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.Filter;
import org.collapsesim.loop.Verifier;
import org.collapsesim.loop.VerifierHarness;
import org.collapsesim.random.ChiSquare;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The verifier's one-step law from a fixed model q (docs/theory.md): each candidate i is kept with
 * probability a_i = 1 - FNR on the truth's top-mass categories, FPR elsewhere. Without refill the
 * kept counts and the rejected count are Multinomial(n, (q_i a_i, 1 - A)); with refill the part is
 * full and Multinomial(n, q a / A). Each chi-square test fails by chance with probability about
 * 1e-4 (merged bins, {@link ChiSquare}).
 */
class CategoricalVerifierLawTest {

  private static final long[] COUNTS = {30, 20, 15, 10, 8, 6, 4, 3, 2, 1, 1, 0};
  private static final int N = 40_000;

  private final CategoricalTruth truth = CategoricalTruth.zipf(COUNTS.length, 1.1, 0.1);
  private final boolean[] correct = truth.correctSet(0.7);
  private final CategoricalCell cell =
      new CategoricalCell(truth, 0, new CategoricalDecoding(1.0, 0, 1.0), 0.5, correct);
  private final Verifier verifier = new Verifier(0.3, 0.2, false, 100_000_000L);

  private CategoricalModel model() {
    CountStats stats = cell.newStats();
    System.arraycopy(COUNTS, 0, stats.counts, 0, COUNTS.length);
    stats.total = 100;
    return cell.fit(stats, null, null);
  }

  private TokenBatch filtered(
      CategoricalModel model, Verifier v, int n, long seed, double[] diagnostics) {
    return VerifierHarness.filter(cell, model, v, n, seed, diagnostics);
  }

  /** (q_i a_i)_i and, last, the rejection probability 1 - A. */
  private double[] thinnedLaw(CategoricalModel model) {
    double[] law = new double[COUNTS.length + 1];
    double accepted = 0;
    for (int i = 0; i < COUNTS.length; i++) {
      law[i] = model.p[i] * (correct[i] ? 1 - 0.2 : 0.3); // FNR 0.2, FPR 0.3, written out

      accepted += law[i];
    }
    law[COUNTS.length] = 1 - accepted;
    return law;
  }

  @Test
  void theCorrectSetIsTheTopMassOfTheTruth() {
    double mass = 0;
    int size = 0;
    for (int i = 0; i < correct.length; i++) {
      if (correct[i]) {
        mass += truth.p[i];
        size++;
        assertEquals(i, size - 1, "Zipf's top categories are the first ones");
      }
    }
    double withoutLast = mass - truth.p[size - 1];
    assertEquals(true, mass >= 0.7 && withoutLast < 0.7, "mass " + mass + " first reaches 0.7");
  }

  @Test
  void withoutRefillEachCandidateIsKeptWithItsAcceptance() {
    CategoricalModel model = model();
    double[] rate = new double[1];
    TokenBatch out = filtered(model, verifier, N, 101, rate);
    assertEquals((double) out.size / N, rate[0], 0.0, "verifier_accept_rate");
    long[] observed = new long[COUNTS.length + 1];
    for (int i = 0; i < out.size; i++) {
      observed[out.tokens[i]]++;
    }
    observed[COUNTS.length] = N - out.size;
    ChiSquare.assertFits("kept and rejected counts", observed, thinnedLaw(model));
  }

  /**
   * The exact path without refill: Multinomial(n, q) candidate counts thinned by Binomial(c_i, a_i)
   * have the explicit path's law, the kept counts and the rejected count Multinomial(n, (q_i a_i, 1
   * - A)).
   */
  @Test
  void theExactPathThinsCountsWithTheExplicitPathsLaw() {
    CategoricalModel model = model();
    long[] observed = new long[COUNTS.length + 1];
    double[] rate = new double[1];
    int draws = 400;
    int n = N / draws; // many small generations: the law of one, pooled
    for (int k = 0; k < draws; k++) {
      CountStats stats = cell.newStats();
      cell.drawModelStats(model, new RandomStream(5000 + k), n, stats, BlockRunner.SEQUENTIAL);
      Filter.Part<TokenBatch> part = verifier.open(cell);
      part.filterStats(cell, new RandomStream(9000 + k), stats);
      part.diagnose(rate, 0);
      assertEquals((double) stats.total / n, rate[0], 0.0, "verifier_accept_rate");
      for (int i = 0; i < COUNTS.length; i++) {
        observed[i] += stats.counts[i];
      }
      observed[COUNTS.length] += n - stats.total;
    }
    ChiSquare.assertFits("exactly thinned counts", observed, thinnedLaw(model));
  }

  @Test
  void withRefillThePartIsFullAndTilted() {
    CategoricalModel model = model();
    Verifier refill = new Verifier(0.3, 0.2, true, 100_000_000L);
    double[] diagnostics = new double[2];
    TokenBatch out = filtered(model, refill, N, 303, diagnostics);
    assertEquals(N, out.size);
    assertEquals(0.0, diagnostics[1], "not exhausted");
    long[] observed = new long[COUNTS.length];
    for (int i = 0; i < out.size; i++) {
      observed[out.tokens[i]]++;
    }
    double[] law = thinnedLaw(model);
    double accept = 1 - law[COUNTS.length];
    double[] tilted = new double[COUNTS.length];
    for (int i = 0; i < tilted.length; i++) {
      tilted[i] = law[i] / accept;
    }
    ChiSquare.assertFits("refilled counts", observed, tilted);
  }
}
