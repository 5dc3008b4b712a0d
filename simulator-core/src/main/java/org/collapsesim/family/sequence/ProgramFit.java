package org.collapsesim.family.sequence;

/**
 * The program chosen for a data set and the codes the gate compares (all in bits).
 *
 * @param block the chosen output's representative block: its shortest period, lexicographically
 *     smallest (symbols as base-36 digits)
 * @param output the chosen output g-hat (the block repeated and cut to L)
 * @param symbols n, the symbols fitted (strings x L)
 * @param mismatches k, the symbols that differ from g-hat
 * @param priorBits the prior code of g-hat: -log2 of the summed prior of the blocks that tile it
 * @param dataBits the KT data code of the k mismatches among n symbols
 * @param statisticalBits the positional learner's code: the sum over positions of the KT code of
 *     the position's symbol counts
 * @param nullBits n log2|A|: the code of uniform noise
 */
public record ProgramFit(
    String block,
    String output,
    long symbols,
    long mismatches,
    double priorBits,
    double dataBits,
    double statisticalBits,
    double nullBits) {

  /** The anchor's total code: prior bits + data bits (the {@code anchor_bits} diagnostic). */
  public double totalBits() {
    return priorBits + dataBits;
  }

  /** r-hat = k / n, the fitted noise rate of the program's channel. */
  public double noise() {
    return (double) mismatches / symbols;
  }

  /** The period of the representative block. */
  public int period() {
    return block.length();
  }

  /**
   * Whether the anchor is on: always without a gate; with one, only if its total code plus the
   * margin is at most both the statistical code and the null code.
   */
  public boolean anchorOn(boolean gate, double margin) {
    double cost = totalBits() + margin;
    return !gate || (cost <= statisticalBits && cost <= nullBits);
  }

  /** The symbols of g-hat, one per position. */
  public int[] outputSymbols() {
    int[] g = new int[output.length()];
    for (int j = 0; j < g.length; j++) {
      g[j] = Character.digit(output.charAt(j), Character.MAX_RADIX);
    }
    return g;
  }
}
