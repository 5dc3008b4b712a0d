package org.collapsesim.ctm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact D(n) against the published figures: halting counts on blank 0 and distinct outputs
 * (Delahaye and Zenil 2012), D(4)("0") and OEIS A141474. Exact integers: no tolerance.
 */
class OutputDistributionTest {

  /** OEIS A141474, its 105 published terms: D(1), D(2), D(3) concatenated. */
  private static final String A141474 =
      "010100011011001011100110000010101111000000100100011010011011110111110100011011000111001011100"
          + "110010101000";

  @ParameterizedTest
  @CsvSource({"1, 12, 2", "2, 3044, 22", "3, 2147184, 128"})
  void smallMachinesReproduceThePublishedCounts(int n, long halting, int outputs) {
    OutputDistribution d = OutputDistribution.enumerate(n);
    assertEquals(halting, d.haltingBlank0(), "halting machines on blank 0, n = " + n);
    assertEquals(outputs, d.outputs().size(), "distinct outputs over both blanks, n = " + n);
    long total = 0;
    for (String s : d.outputs()) {
      total += d.countBlank0(s);
    }
    assertEquals(halting, total, "every halting machine has exactly one output");
  }

  @Test
  void theOrderedOutputsOfDOneToThreeAreOeisA141474() {
    StringBuilder concatenated = new StringBuilder();
    for (int n = 1; n <= 3; n++) {
      OutputDistribution.enumerate(n).outputs().forEach(concatenated::append);
    }
    assertEquals(736, concatenated.length(), "A141474 has 736 terms");
    assertEquals(A141474, concatenated.substring(0, A141474.length()));
  }

  @Test
  void dThreeIsSymmetricUnderComplementAndReversal() {
    OutputDistribution d = OutputDistribution.enumerate(3);
    for (String s : d.outputs()) {
      String reversed = new StringBuilder(s).reverse().toString();
      assertEquals(d.count(s), d.count(reversed), "reversal of " + s);
      assertEquals(d.count(s), d.count(OutputDistribution.complement(s)), "complement of " + s);
    }
  }

  /** The proof of the enumerator at full size: about a minute on one core. */
  @Test
  void fourStateMachinesReproduceThePublishedCountsAndTheShippedTable() {
    OutputDistribution d = OutputDistribution.enumerate(4);
    assertEquals(2_985_384_480L, d.haltingBlank0());
    List<String> outputs = d.outputs();
    assertEquals(1832, outputs.size());
    // Only machines halting at step 1 write one cell: 2 halting options x 18^7 other tables.
    long eighteenToTheSeven = 612_220_032L;
    assertEquals(eighteenToTheSeven / (double) 2_985_384_480L, d.probability("0"));
    assertEquals(eighteenToTheSeven / (double) 2_985_384_480L, d.probability("1"));
    assertEquals(
        d.table().entries(),
        CtmTable.d4().entries(),
        "the shipped ctm-d4-binary.csv is this enumeration (collapse ctm --enumerate 4)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, -1})
  void statesOutsideOneToFourAreRejectedWithTheAllowedRange(int n) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OutputDistribution.enumerate(n));
    assertTrue(e.getMessage().contains("states: " + n + " is not in 1..4"), e.getMessage());
  }
}
