package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.Verifier;
import org.collapsesim.loop.VerifierHarness;
import org.collapsesim.random.ChiSquare;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The sequence family's mechanisms: the reservoir's strings are uniform (symbol pairs included),
 * the verifier keeps a string within max_errors of the truth's noiseless output and its accepted
 * strings' Hamming distances follow the model's (a Poisson-binomial over positions, computed
 * exactly) tilted by the acceptance, and the weighted fit is the hand-computed weighted counts.
 * Each chi-square test fails by chance with probability about 1e-4 ({@link ChiSquare}).
 */
class SequenceMechanismsTest {

  private static final int L = 8;
  private final SequenceTruth truth = SequenceTruth.periodic(3, L, "012", 0.1);
  private final SequenceCell cell = new SequenceCell(truth, 0.0, 0.5, 2);
  private final byte[] output = {0, 1, 2, 0, 1, 2, 0, 1};

  @Test
  void theReservoirsStringsAreUniform() {
    int n = 20_000;
    SequenceBatch out = cell.newBatch(n);
    cell.drawReservoir(new RandomStream(4), n, out, BlockRunner.SEQUENTIAL);
    long[] pairs = new long[9]; // positions 2 and 5, jointly
    for (int i = 0; i < n; i++) {
      pairs[out.symbols[i * L + 2] * 3 + out.symbols[i * L + 5]]++;
    }
    double[] uniform = new double[9];
    java.util.Arrays.fill(uniform, 1.0 / 9);
    ChiSquare.assertFits("reservoir symbol pairs", pairs, uniform);
  }

  @Test
  void correctIsTheHammingRadiusAroundTheNoiselessOutput() {
    SequenceBatch b = cell.newBatch(2);
    int o = b.reserve(2);
    System.arraycopy(output, 0, b.symbols, o, L);
    System.arraycopy(output, 0, b.symbols, o + L, L);
    b.symbols[0] = 2;
    b.symbols[7] = 0; // 2 errors
    b.symbols[L] = 1;
    b.symbols[L + 3] = 2;
    b.symbols[L + 6] = 2; // 3 errors
    assertTrue(cell.correct(b, 0));
    assertFalse(cell.correct(b, 1));
  }

  /** A model whose position j puts 0.6 on the output's symbol and 0.2 on each other one. */
  private PositionalModel model() {
    SequenceCounts stats = cell.newStats();
    for (int j = 0; j < L; j++) {
      for (int a = 0; a < 3; a++) {
        stats.counts[j * 3 + a] = a == output[j] ? 6 : 2;
      }
    }
    stats.total = 10;
    return cell.fit(stats, null, null);
  }

  @Test
  void acceptedStringsHammingDistancesFollowTheTiltedModel() {
    double fpr = 0.25;
    double fnr = 0.1;
    int n = 30_000;
    SequenceBatch kept =
        VerifierHarness.filter(
            cell, model(), new Verifier(fpr, fnr, true, 100_000_000L), n, 51, new double[2]);
    assertEquals(n, kept.size);
    long[] observed = new long[L + 1];
    for (int i = 0; i < n; i++) {
      int d = 0;
      for (int j = 0; j < L; j++) {
        d += kept.symbols[i * L + j] != output[j] ? 1 : 0;
      }
      observed[d]++;
    }
    // the distance of a model string is Binomial(L, 0.4); tilt by 1 - FNR within 2 errors, FPR
    // after
    double[] law = new double[L + 1];
    double total = 0;
    for (int d = 0; d <= L; d++) {
      double binomial = choose(L, d) * Math.pow(0.4, d) * Math.pow(0.6, L - d);
      law[d] = binomial * (d <= 2 ? 1 - fnr : fpr);
      total += law[d];
    }
    for (int d = 0; d <= L; d++) {
      law[d] /= total;
    }
    ChiSquare.assertFits("accepted Hamming distances", observed, law);
  }

  private static double choose(int n, int k) {
    double c = 1;
    for (int i = 0; i < k; i++) {
      c = c * (n - i) / (i + 1);
    }
    return c;
  }

  /** M = 4 + 6, w = 0.7: c = 10 (0.7 c_exo / 4 + 0.3 c_rest / 6), p = c / 10. */
  @Test
  void theWeightedFitIsTheWeightedCounts() {
    SequenceCounts exo = cell.newStats();
    SequenceCounts rest = cell.newStats();
    exo.total = 4;
    rest.total = 6;
    for (int j = 0; j < L; j++) {
      exo.counts[j * 3] = 4;
      rest.counts[j * 3 + 1] = 5;
      rest.counts[j * 3 + 2] = 1;
    }
    PositionalModel m = cell.fitWeighted(exo, rest, 0.7, null, null);
    for (int j = 0; j < L; j++) {
      assertEquals(7.0, m.counts[j * 3], 1e-12);
      assertEquals(2.5, m.counts[j * 3 + 1], 1e-12);
      assertEquals(0.5, m.counts[j * 3 + 2], 1e-12);
      assertEquals(0.7, m.p[j * 3], 1e-12);
      assertEquals(0.25, m.p[j * 3 + 1], 1e-12);
    }
    assertEquals(10.0, m.total, 0.0);
  }
}
