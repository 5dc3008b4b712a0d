package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.ctm.CtmTable;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The program anchor on D_0 at the size of the symbolic-anchor experiment (M = 100 strings, L = 32,
 * noise r = 0.1, CTM prior from D(5), gate margin 10 bits): it finds a true periodic program and
 * switches itself off where no short program explains the data.
 *
 * <p>False-failure rates. Each assertion allows 2 failures in R = 200 replicates (>= 99%). A wrong
 * output differs from the truth in d >= 1 of 32 positions; at each such position the 100 strings
 * show the truth's symbol about 90 times, so the wrong output pays ~80 d extra mismatches, some 250
 * d bits, against prior differences of a few tens of bits: a replicate fails only if a position
 * shows the wrong symbol about half the time, probability below 1e-15. Measured at another seed
 * over 2,000 replicates, the chosen program's code min(statistical, null) - total was 48 to 90 bits
 * for the truth (the gate needs 10), -836 to -574 for Thue-Morse (no period <= 12 fits its first 32
 * symbols) and -7.9 to +2.9 for uniform noise (the null code binds): a gate decision never came
 * within 7 bits of flipping. Even at a per-replicate failure probability of 1e-3 the chance of 3 or
 * more failures in 200 is about 1e-3.
 */
class ProgramIdentificationTest {

  private static final int M = 100;
  private static final int L = 32;
  private static final double NOISE = 0.1;
  private static final double MARGIN = 10;
  private static final int REPLICATES = 200;
  private static final long SEED = 20261204L;

  private static ProgramSpace space;

  @BeforeAll
  static void buildSpace() {
    space = new ProgramSpace(2, L, 12, ProgramPrior.CTM, CtmTable.d5());
  }

  /** The noiseless output: the block repeated and cut to L. */
  private static int[] tile(String block) {
    int[] g = new int[L];
    for (int j = 0; j < L; j++) {
      g[j] = block.charAt(j % block.length()) - '0';
    }
    return g;
  }

  /** The first L symbols of the Thue-Morse word: the parity of the binary digits of j. */
  private static int[] thueMorse() {
    int[] g = new int[L];
    for (int j = 0; j < L; j++) {
      g[j] = Integer.bitCount(j) & 1;
    }
    return g;
  }

  /** Column counts of M strings: each symbol of {@code truth} flipped with probability r. */
  private static long[] noisyCounts(int[] truth, double r, RandomStream stream) {
    long[] counts = new long[L * 2];
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < L; j++) {
        int symbol = stream.nextBernoulli(r) ? 1 - truth[j] : truth[j];
        counts[j * 2 + symbol]++;
      }
    }
    return counts;
  }

  private static RandomStream stream(int replicate, int scenario) {
    return new RandomStream(StreamKeys.hash(SEED, scenario, replicate));
  }

  private static String text(int[] g) {
    StringBuilder s = new StringBuilder();
    for (int x : g) {
      s.append(x);
    }
    return s.toString();
  }

  @Test
  void theTrueProgramIsIdentifiedAndTheAnchorIsOn() {
    String truth = text(tile("0010111"));
    String complement = text(tile("1101000"));
    int correct = 0;
    int on = 0;
    double noiseSum = 0;
    for (int r = 0; r < REPLICATES; r++) {
      ProgramFit fit = space.fit(noisyCounts(tile("0010111"), NOISE, stream(r, 1)), M);
      assertTrue(!fit.output().equals(complement), "replicate " + r + " chose the complement");
      if (fit.output().equals(truth)) {
        correct++;
        noiseSum += fit.noise();
      }
      on += fit.anchorOn(true, MARGIN) ? 1 : 0;
    }
    assertTrue(
        correct >= 0.99 * REPLICATES, "true program found in " + correct + " / " + REPLICATES);
    assertTrue(on >= 0.99 * REPLICATES, "anchor on in " + on + " / " + REPLICATES);
    // r-hat = k/n with k ~ Binomial(3200, 0.1) when the truth is chosen: mean within 4 SE of 0.1
    double se = Math.sqrt(NOISE * (1 - NOISE) / (M * L) / correct);
    assertEquals(NOISE, noiseSum / correct, 4 * se, "mean r-hat over the identified replicates");
  }

  @Test
  void theGateIsOffForThueMorseWithNoise() {
    int off = 0;
    for (int r = 0; r < REPLICATES; r++) {
      ProgramFit fit = space.fit(noisyCounts(thueMorse(), NOISE, stream(r, 2)), M);
      off += fit.anchorOn(true, MARGIN) ? 0 : 1;
    }
    assertTrue(off >= 0.99 * REPLICATES, "gate off in " + off + " / " + REPLICATES);
  }

  @Test
  void theGateIsOffForUniformNoise() {
    int off = 0;
    int[] zeros = new int[L];
    for (int r = 0; r < REPLICATES; r++) {
      ProgramFit fit = space.fit(noisyCounts(zeros, 0.5, stream(r, 3)), M);
      off += fit.anchorOn(true, MARGIN) ? 0 : 1;
    }
    assertTrue(off >= 0.99 * REPLICATES, "gate off in " + off + " / " + REPLICATES);
  }
}
