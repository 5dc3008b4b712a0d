package org.collapsesim.ctm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.collapsesim.math.DetMath;

/**
 * The Block Decomposition Method: the complexity of a string longer than a CTM table reaches, from
 * the CTM of its blocks (Zenil, Hernandez-Orozco, Kiani, Soler-Toscano, Rueda-Toicen and Tegner,
 * Entropy 20(8): 605, 2018; the definition of pybdm):
 *
 * <pre>
 *   BDM(s) = sum over distinct blocks b of [ CTM(b) + log2 n_b ],
 * </pre>
 *
 * n_b being the number of times block b occurs in the partition of s. The {@code ignore} partition
 * cuts s into non-overlapping blocks of {@code block} symbols and drops the remainder; {@code
 * correlated} takes every window of {@code block} symbols (sliding by one). Example: 24 zeros,
 * ignore, block 12: CTM(0^12) + log2 2 = 25.6104137 + 1 = 26.6104137 bits under D(5).
 *
 * @param table the CTM of each block
 * @param block the block length, 1..12 in practice (the tables' reach)
 * @param partition how s is cut into blocks
 */
public record Bdm(CtmTable table, int block, Partition partition) {

  /** The block length of the published BDM (the D(5) table's longest strings). */
  public static final int DEFAULT_BLOCK = 12;

  private static final double LN2 = 0.6931471805599453;

  /** How a string is cut into blocks. */
  public enum Partition {
    /** Non-overlapping blocks from the left; a remainder shorter than a block is dropped. */
    IGNORE,
    /** Every window of a block's length, sliding by one symbol. */
    CORRELATED;

    /** The lower-case name used in configs and on the command line. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks the block length. */
  public Bdm {
    if (!(block >= 1)) {
      throw new IllegalArgumentException("block: " + block + " is not >= 1");
    }
  }

  /** BDM with the default block of 12 and the {@code ignore} partition. */
  public static Bdm of(CtmTable table) {
    return new Bdm(table, DEFAULT_BLOCK, Partition.IGNORE);
  }

  /**
   * BDM(s) in bits; 0 for a string shorter than one block under {@code ignore} (no block).
   *
   * @throws IllegalArgumentException if s is empty or not binary
   */
  public double bits(String s) {
    CtmTable.requireBinary(s);
    int step = partition == Partition.IGNORE ? block : 1;
    Map<String, Integer> multiplicity = new LinkedHashMap<>(); // first-seen order: a fixed sum
    for (int start = 0; start + block <= s.length(); start += step) {
      multiplicity.merge(s.substring(start, start + block), 1, Integer::sum);
    }
    double total = 0;
    for (Map.Entry<String, Integer> e : multiplicity.entrySet()) {
      total += table.bits(e.getKey()) + DetMath.log(e.getValue()) / LN2;
    }
    return total;
  }
}
