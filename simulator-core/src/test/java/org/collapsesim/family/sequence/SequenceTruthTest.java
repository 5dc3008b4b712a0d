package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.junit.jupiter.api.Test;

/**
 * The sequence family's truths: outputs, marginals, G*, and the laws of their draws. Each frequency
 * check allows 4 standard errors (two-sided false-failure rate about 6e-5 each; 6 such checks here,
 * about 4e-4 for the class).
 */
class SequenceTruthTest {

  private static RandomStream stream(long... parts) {
    return new RandomStream(StreamKeys.hash(20261204L, parts));
  }

  private static void assertWithin4Se(double expected, long hits, long trials, String what) {
    double se = Math.sqrt(expected * (1 - expected) / trials);
    double seen = (double) hits / trials;
    assertTrue(
        Math.abs(seen - expected) <= 4 * se,
        what + ": " + seen + " against " + expected + " (se " + se + ", " + trials + " trials)");
  }

  @Test
  void outputsAreTheTiledBlockAndTheThueMorseWord() {
    assertEquals("0010111001", SequenceTruth.periodic(2, 10, "0010111", 0.1).outputString());
    assertEquals("0110100110010110", SequenceTruth.thueMorse(2, 16, 0.1).outputString());
    assertEquals("2012", SequenceTruth.periodic(3, 4, "201", 0).outputString());
    assertEquals(null, SequenceTruth.markov(2, 8, 0.9).outputString());
  }

  @Test
  void giniSimpsonOfTheTruth() {
    // binary, r = 0.1: 1 - 0.9^2 - 0.1^2 = 0.18 at every position
    assertEquals(0.18, SequenceTruth.periodic(2, 32, "0010111", 0.1).giniSimpson(), 1e-15);
    assertEquals(0.18, SequenceTruth.thueMorse(2, 32, 0.1).giniSimpson(), 1e-15);
    // ternary: 1 - 0.9^2 - 2 (0.05)^2
    assertEquals(0.185, SequenceTruth.periodic(3, 5, "01", 0.1).giniSimpson(), 1e-15);
    assertEquals(0.75, SequenceTruth.markov(4, 7, 0.3).giniSimpson(), 1e-15);
    double h = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
    assertEquals(h, SequenceTruth.periodic(2, 3, "1", 0.1).entropy(), 1e-15);
  }

  @Test
  void theNoiseChannelReplacesAtRateRWithAUniformOtherSymbol() {
    SequenceTruth truth = SequenceTruth.periodic(3, 16, "0012", 0.2);
    SequenceBatch batch = new SequenceBatch(16, 0);
    truth.draw(stream(1), 3000, batch);
    int[] g = {0, 0, 1, 2};
    long mismatches = 0;
    long upward = 0; // replaced by (g + 1) mod 3
    for (int i = 0; i < batch.size; i++) {
      for (int j = 0; j < 16; j++) {
        int a = batch.symbols[i * 16 + j];
        if (a != g[j % 4]) {
          mismatches++;
          upward += a == (g[j % 4] + 1) % 3 ? 1 : 0;
        }
      }
    }
    assertWithin4Se(0.2, mismatches, 3000L * 16, "replacement rate");
    assertWithin4Se(0.5, upward, mismatches, "share of replacements by the next symbol");
  }

  @Test
  void theMarkovTruthStartsUniformAndStaysWithItsProbability() {
    SequenceTruth truth = SequenceTruth.markov(3, 12, 0.7);
    SequenceBatch batch = new SequenceBatch(12, 0);
    truth.draw(stream(2), 4000, batch);
    long zeros = 0;
    long stays = 0;
    long switchesUp = 0;
    for (int i = 0; i < batch.size; i++) {
      zeros += batch.symbols[i * 12] == 0 ? 1 : 0;
      for (int j = 1; j < 12; j++) {
        int previous = batch.symbols[i * 12 + j - 1];
        int a = batch.symbols[i * 12 + j];
        stays += a == previous ? 1 : 0;
        switchesUp += a == (previous + 1) % 3 ? 1 : 0;
      }
    }
    assertWithin4Se(1.0 / 3, zeros, 4000, "first symbol 0");
    assertWithin4Se(0.7, stays, 4000L * 11, "stay rate");
    assertWithin4Se(0.5, switchesUp, 4000L * 11 - stays, "share of switches to the next symbol");
  }

  @Test
  void badTruthsAreRejectedNamingTheKey() {
    IllegalArgumentException block =
        assertThrows(
            IllegalArgumentException.class, () -> SequenceTruth.periodic(2, 8, "012", 0.1));
    assertEquals("truth.block: '012' has symbol '2', not in the alphabet 0..1", block.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SequenceTruth.thueMorse(3, 8, 0.1));
    IllegalArgumentException noise =
        assertThrows(IllegalArgumentException.class, () -> SequenceTruth.periodic(2, 8, "01", 1.5));
    assertEquals("truth.noise: 1.5 is not in [0, 1]", noise.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SequenceTruth.markov(2, 8, -0.1));
    assertThrows(IllegalArgumentException.class, () -> SequenceTruth.periodic(2, 0, "01", 0.1));
  }
}
