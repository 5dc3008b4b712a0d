package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.ctm.CtmTable;
import org.junit.jupiter.api.Test;

/** The hypothesis space, its prior sums over blocks, selection, ties and admissibility, by hand. */
class ProgramSpaceTest {

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static ProgramSpace binary(int length, int maxPeriod, ProgramPrior prior) {
    return new ProgramSpace(2, length, maxPeriod, prior, CtmTable.d5());
  }

  /** Column counts of the given strings over |A| = base symbols. */
  static long[] columnCounts(int base, String... strings) {
    int length = strings[0].length();
    long[] counts = new long[length * base];
    for (String s : strings) {
      for (int j = 0; j < length; j++) {
        counts[j * base + Character.digit(s.charAt(j), base)]++;
      }
    }
    return counts;
  }

  @Test
  void uniformPriorSumsOverEveryBlockThatTilesTheOutput() {
    ProgramSpace space = binary(4, 4, ProgramPrior.UNIFORM);
    assertEquals(16, space.candidates(), "every string of length 4 is some block's output");
    // period codes 2 ceil(log2(w + 1)): w = 1: 2 bits, w = 2, 3: 4 bits, w = 4: 6 bits
    // 0000 <- 0, 00, 000, 0000
    assertEquals(-log2(0.25 + 0.0625 + 0.0625 + 0.015625), space.priorBits("0000"), 1e-12);
    // 0101 <- 01, 0101; 0100 <- 010, 0100 (010 repeated and cut to 4)
    assertEquals(-log2(1.0 / 16 + 1.0 / 64), space.priorBits("0101"), 1e-12);
    assertEquals(-log2(1.0 / 16 + 1.0 / 64), space.priorBits("0100"), 1e-12);
    // 0001 <- 0001 only
    assertEquals(6.0, space.priorBits("0001"), 1e-12);
  }

  @Test
  void lengthPriorAddsWBitsPerBlock() {
    ProgramSpace space = binary(4, 4, ProgramPrior.LENGTH);
    double mass =
        Math.pow(2, -(2 + 1))
            + Math.pow(2, -(4 + 2))
            + Math.pow(2, -(4 + 3))
            + Math.pow(2, -(6 + 4));
    assertEquals(-log2(mass), space.priorBits("0000"), 1e-12);
    ProgramSpace ternary = new ProgramSpace(3, 2, 2, ProgramPrior.LENGTH, CtmTable.d5());
    assertEquals(9, ternary.candidates());
    // 22 <- 2 (2 + log2 3 bits), 22 (4 + 2 log2 3 bits)
    assertEquals(-log2(Math.pow(2, -2) / 3 + Math.pow(2, -4) / 9), ternary.priorBits("22"), 1e-12);
  }

  @Test
  void ctmPriorNormalisesOverBlocksOfOneLength() {
    // c(0) = CTM(0) + log2(2^-CTM(0) + 2^-CTM(1)) = 1 bit, since CTM(0) = CTM(1); plus 2 for w = 1
    assertEquals(3.0, binary(1, 1, ProgramPrior.CTM).priorBits("0"), 1e-12);
    CtmTable d5 = CtmTable.d5();
    double mass2 = 0;
    for (String s : new String[] {"00", "01", "10", "11"}) {
      mass2 += Math.pow(2, -d5.bits(s));
    }
    // L = 2: 01 <- 01 only; 00 <- 0 and 00
    ProgramSpace space = binary(2, 2, ProgramPrior.CTM);
    assertEquals(4 + d5.bits("01") + log2(mass2), space.priorBits("01"), 1e-9);
    double zero = Math.pow(2, -3.0) + Math.pow(2, -(4 + d5.bits("00") + log2(mass2)));
    assertEquals(-log2(zero), space.priorBits("00"), 1e-9);
  }

  @Test
  void aPerfectFitCostsItsPriorAndTheKtCodeOfNoMismatches() {
    ProgramSpace space = binary(6, 3, ProgramPrior.UNIFORM);
    ProgramFit fit = space.fit(columnCounts(2, "011011", "011011"), 2);
    assertEquals("011", fit.block());
    assertEquals("011011", fit.output());
    assertEquals(0, fit.mismatches());
    assertEquals(12, fit.symbols());
    assertEquals(0.0, fit.noise());
    assertEquals(4.0, fit.priorBits(), 1e-12); // 011 alone tiles 011011
    assertEquals(CodeLengths.dataBits(12, 0, 2), fit.dataBits(), 1e-12);
    assertEquals(12.0, fit.nullBits(), 1e-12);
    assertEquals(6 * log2(8.0 / 3), fit.statisticalBits(), 1e-9); // KT (2, 0) per position
  }

  @Test
  void largeDataSetsAreCodedCandidateByCandidate() {
    // 16 candidates whose k spread over far more than 8 x 16 values: no table of codes by k
    String[] data = new String[1000];
    java.util.Arrays.fill(data, "0110");
    java.util.Arrays.fill(data, 0, 100, "0000");
    ProgramFit fit = binary(4, 4, ProgramPrior.UNIFORM).fit(columnCounts(2, data), 1000);
    assertEquals("011", fit.block()); // 011 repeated and cut to 4
    assertEquals(200, fit.mismatches());
    assertEquals(CodeLengths.dataBits(4000, 200, 2), fit.dataBits());
  }

  @Test
  void tiesGoToTheShortestPeriodThenTheSmallestBlock() {
    ProgramSpace space = binary(4, 4, ProgramPrior.UNIFORM);
    // 0101 (period 2) and 0100 (period 3) have equal priors and one mismatch each
    ProgramFit period = space.fit(columnCounts(2, "0101", "0100"), 2);
    assertEquals("01", period.block());
    assertEquals(1, period.mismatches());
    // half 0s, half 1s everywhere: 0000 and 1111 tie on everything
    ProgramFit lexical = space.fit(columnCounts(2, "0000", "1111"), 2);
    assertEquals("0", lexical.block());
    assertEquals("0000", lexical.output());
  }

  @Test
  void theComplementOfTheTruthIsInadmissible() {
    // 1101 and its complement 0010 have equal CTM and equal KT codes (k <-> n - k); the
    // lexicographic tie-break alone would pick 0010, which fits 9 symbols in 10 wrongly.
    String[] data = new String[10];
    java.util.Arrays.fill(data, "11011101");
    data[0] = "01011101";
    ProgramFit fit = binary(8, 4, ProgramPrior.CTM).fit(columnCounts(2, data), 10);
    assertEquals("1101", fit.block());
    assertEquals(1, fit.mismatches());
  }

  @Test
  void theGateComparesTotalPlusMarginWithBothReferenceCodes() {
    ProgramFit fit = new ProgramFit("0", "0000", 400, 40, 3, 100, 120, 400);
    assertTrue(fit.anchorOn(true, 10));
    assertTrue(fit.anchorOn(true, 17)); // 103 + 17 = 120: at most, so on
    assertFalse(fit.anchorOn(true, 17.5));
    assertFalse(new ProgramFit("0", "0000", 400, 40, 3, 100, 500, 110).anchorOn(true, 10));
    assertTrue(new ProgramFit("0", "0000", 400, 40, 3, 100, 50, 50).anchorOn(false, 10));
  }

  @Test
  void badSpacesAreRejectedNamingTheKey() {
    IllegalArgumentException ctm =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ProgramSpace(3, 8, 4, ProgramPrior.CTM, CtmTable.d5()));
    assertTrue(
        ctm.getMessage().startsWith("program.prior: ctm needs alphabet 2"), ctm.getMessage());
    assertThrows(IllegalArgumentException.class, () -> binary(32, 13, ProgramPrior.CTM));
    IllegalArgumentException big =
        assertThrows(IllegalArgumentException.class, () -> binary(32, 21, ProgramPrior.LENGTH));
    assertTrue(big.getMessage().startsWith("program.max_period: 21"), big.getMessage());
    assertThrows(IllegalArgumentException.class, () -> binary(32, 0, ProgramPrior.LENGTH));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProgramSpace(1, 4, 2, ProgramPrior.LENGTH, CtmTable.d5()));
  }
}
