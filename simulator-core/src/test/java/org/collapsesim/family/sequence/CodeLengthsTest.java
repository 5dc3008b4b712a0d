package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The anchor's code lengths against values worked by hand from the Gamma function. */
class CodeLengthsTest {

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void ktDataCodeOfSmallCases() {
    // n = 1, k = 0: Gamma(1/2) Gamma(3/2) / (pi Gamma(2)) = 1/2: 1 bit, minus the admissible bit
    assertEquals(0.0, CodeLengths.dataBits(1, 0, 2), 1e-12);
    // n = 2, k = 0: Gamma(1/2) Gamma(5/2) / (2 pi) = 3/8
    assertEquals(log2(8.0 / 3) - 1, CodeLengths.dataBits(2, 0, 2), 1e-12);
    // n = 2, k = 1: Gamma(3/2)^2 / (2 pi) = 1/8: 3 bits - 1
    assertEquals(2.0, CodeLengths.dataBits(2, 1, 2), 1e-12);
    // n = 4, k = 1: Gamma(3/2) Gamma(7/2) / (24 pi) = 15/384
    assertEquals(log2(384.0 / 15) - 1, CodeLengths.dataBits(4, 1, 2), 1e-12);
    // ternary: one more bit per mismatch for which of the two other symbols
    assertEquals(3.0, CodeLengths.dataBits(2, 1, 3), 1e-12);
    assertEquals(log2(384.0 / 15) - 1 + log2(3), CodeLengths.dataBits(4, 1, 4), 1e-12);
  }

  @Test
  void ktPositionCodeIsTheSequentialKtEstimator() {
    // binary (1, 0): 1/2 -> 1 bit; (2, 1): 1/2 * 3/4 * 1/6 = 1/16 -> 4 bits
    assertEquals(1.0, CodeLengths.positionBits(new long[] {1, 0}, 0, 2), 1e-12);
    assertEquals(4.0, CodeLengths.positionBits(new long[] {9, 2, 1}, 1, 2), 1e-12);
    // ternary (1, 0, 0): (0 + 1/2) / (0 + 3/2) = 1/3; (1, 1, 0): 1/3 * (1/2)/(5/2) = 1/15
    assertEquals(log2(3), CodeLengths.positionBits(new long[] {1, 0, 0}, 0, 3), 1e-12);
    assertEquals(log2(15), CodeLengths.positionBits(new long[] {9, 1, 1, 0}, 1, 3), 1e-12);
  }

  @Test
  void combinedCodeIsMinusLogOfTheSummedMass() {
    double[] codes = {9, 2, 4, 4, 6, 9};
    assertEquals(
        -log2(0.25 + 0.0625 + 0.0625 + 0.015625), CodeLengths.combinedBits(codes, 1, 5), 1e-12);
    assertEquals(9 - 1.0, CodeLengths.combinedBits(new double[] {9, 9}, 0, 2), 1e-12);
  }

  @Test
  void ceilLog2() {
    int[] expected = {0, 1, 2, 2, 3, 3, 3, 3, 4};
    for (int x = 1; x <= 9; x++) {
      assertEquals(expected[x - 1], CodeLengths.ceilLog2(x), "x = " + x);
    }
  }
}
