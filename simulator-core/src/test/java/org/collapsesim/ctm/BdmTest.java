package org.collapsesim.ctm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.collapsesim.ctm.Bdm.Partition;
import org.junit.jupiter.api.Test;

/** BDM against the published value and sums worked by hand from the D(5) table. */
class BdmTest {

  private static final CtmTable D5 = CtmTable.d5();
  private static final String ZEROS_12 = "0".repeat(12);

  @Test
  void twentyFourZerosIgnorePartitionIsThePublishedValue() {
    assertEquals(26.6104137, Bdm.of(D5).bits("0".repeat(24)), 5e-8);
  }

  @Test
  void ignoreSumsDistinctBlocksWithLogMultiplicityAndDropsTheRemainder() {
    String other = "010111000110";
    String s = ZEROS_12 + other + ZEROS_12 + ZEROS_12 + "0101";
    double hand = D5.bits(ZEROS_12) + Math.log(3) / Math.log(2) + D5.bits(other);
    assertEquals(hand, Bdm.of(D5).bits(s), 1e-12);
  }

  @Test
  void correlatedSlidesByOneSymbol() {
    // 0^13 1: windows 0^12, 0^12, 0^11 1
    Bdm correlated = new Bdm(D5, 12, Partition.CORRELATED);
    double hand = D5.bits(ZEROS_12) + 1 + D5.bits("0".repeat(11) + "1");
    assertEquals(hand, correlated.bits("0".repeat(13) + "1"), 1e-12);
  }

  @Test
  void smallerBlocksUseTheTableAtTheirLength() {
    // block 4, ignore: 0110 0110 1111 -> CTM(0110) + 1 + CTM(1111)
    Bdm four = new Bdm(D5, 4, Partition.IGNORE);
    assertEquals(D5.bits("0110") + 1 + D5.bits("1111"), four.bits("011001101111"), 1e-12);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Bdm(D5, 0, Partition.IGNORE));
    assertThrows(IllegalArgumentException.class, () -> Bdm.of(D5).bits("0".repeat(12) + "x"));
  }
}
