package org.collapsesim.family.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.ctm.CtmTable;
import org.collapsesim.math.DetMath;

/**
 * The program anchor's hypothesis space and its minimum-description-length selection: Zenil's
 * symbolic anchoring by algorithmic probability made concrete (two-part MDL, Rissanen 1978;
 * Grunwald, The Minimum Description Length Principle, MIT Press 2007).
 *
 * <p>Hypotheses: periodic blocks b in A^w, 1 &lt;= w &lt;= maxPeriod; the output g = b repeated and
 * cut to L, seen through a noise channel that replaces each symbol, with probability r, by a
 * uniformly chosen other symbol. Several blocks can give the same g ("01" and "0101"), so the
 * candidates are the distinct outputs, each with the prior of all its blocks:
 *
 * <pre>
 *   bits(b) = 2 ceil(log2(w + 1)) + c(b)                      ({@link ProgramPrior} gives c)
 *   bits(g) = -log2 sum over tile(b) = g of 2^-bits(b)         (summed by period, then lexicographically)
 *   data(g) = KT code of the k mismatches among the n symbols  ({@link CodeLengths#dataBits})
 * </pre>
 *
 * g-hat minimises bits(g) + data(g) among the admissible outputs (k/n &lt;= (|A| - 1)/|A|; in
 * binary this excludes the complement of the true output, whose code would tie), ties broken by the
 * shortest period, then the lexicographically smallest block; r-hat = k/n. Some output is always
 * admissible: the |A| constant outputs together match all n symbols, so one matches at least n/|A|.
 *
 * <p>Cost: the space (candidate outputs and their prior bits, with CTM's per-length normalisers) is
 * built once; a fit is one product of the per-position column counts with the candidate outputs (L
 * x candidates integer additions) and never passes over the data again.
 */
public final class ProgramSpace {

  /** The default {@code program.max_period}: 12 for binary (the CTM tables' reach), else 6. */
  public static int defaultMaxPeriod(int alphabet) {
    return alphabet == 2 ? CtmTable.MAX_LENGTH : 6;
  }

  /** The most blocks a space may hold (sum over w of |A|^w). */
  public static final int MAX_BLOCKS = 1 << 20;

  private static final double LN2 = 0.6931471805599453;

  private final int alphabet;
  private final int length;
  private final String[] blocks;
  private final String[] outputs;
  private final double[] priorBits;

  /** columnIndex[c * L + j] = j * |A| + g_c[j]: where candidate c's symbol at j is counted. */
  private final int[] columnIndex;

  /**
   * Builds the space.
   *
   * @param alphabet |A|, 2..36
   * @param length L, the string length (at least 1)
   * @param maxPeriod the longest block, at least 1 ({@code program.max_period})
   * @param prior the block prior ({@code program.prior}); {@code ctm} needs |A| = 2 and maxPeriod
   *     &lt;= 12
   * @param table the CTM table for {@code ctm} (D(5), or our D(4) as the fallback)
   * @throws IllegalArgumentException naming the parameter, its value and what is allowed
   */
  public ProgramSpace(int alphabet, int length, int maxPeriod, ProgramPrior prior, CtmTable table) {
    if (!(alphabet >= 2 && alphabet <= Character.MAX_RADIX)) {
      throw new IllegalArgumentException("alphabet: " + alphabet + " is not in 2..36");
    }
    if (!(length >= 1)) {
      throw new IllegalArgumentException("model_size: " + length + " is not >= 1");
    }
    if (!(maxPeriod >= 1)) {
      throw new IllegalArgumentException("program.max_period: " + maxPeriod + " is not >= 1");
    }
    if (prior == ProgramPrior.CTM && !(alphabet == 2 && maxPeriod <= CtmTable.MAX_LENGTH)) {
      throw new IllegalArgumentException(
          "program.prior: ctm needs alphabet 2 and program.max_period <= "
              + CtmTable.MAX_LENGTH
              + ", got alphabet "
              + alphabet
              + " and max_period "
              + maxPeriod
              + " (use length or uniform)");
    }
    long blockCount = 0;
    long ofLength = 1;
    for (int w = 1; w <= maxPeriod && blockCount <= MAX_BLOCKS; w++) {
      ofLength *= alphabet;
      blockCount += ofLength;
    }
    if (blockCount > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "program.max_period: "
              + maxPeriod
              + " gives more than "
              + MAX_BLOCKS
              + " blocks over "
              + alphabet
              + " symbols; choose a shorter one");
    }
    this.alphabet = alphabet;
    this.length = length;

    // Enumerate blocks by period, then lexicographically; the first block of an output is its
    // representative, and its blocks' codes are combined in that same order.
    Map<String, Integer> index = new HashMap<>();
    List<String> blockList = new ArrayList<>();
    List<String> outputList = new ArrayList<>();
    int[] counts = new int[(int) blockCount];
    double[] codeOf = new double[(int) blockCount];
    int[] candidateOf = new int[(int) blockCount];
    int b = 0;
    for (int w = 1; w <= maxPeriod; w++) {
      int periodBits = 2 * CodeLengths.ceilLog2(w + 1);
      int[] digits = new int[w];
      do {
        String block = symbols(digits, w);
        String output = symbols(tile(digits, w, length), length);
        Integer c = index.get(output);
        if (c == null) {
          c = blockList.size();
          index.put(output, c);
          blockList.add(block);
          outputList.add(output);
        }
        candidateOf[b] = c;
        codeOf[b] = periodBits + blockCode(prior, table, block);
        counts[c]++;
        b++;
      } while (increment(digits));
    }
    int candidates = blockList.size();
    this.blocks = blockList.toArray(new String[0]);
    this.outputs = outputList.toArray(new String[0]);
    this.priorBits = new double[candidates];
    int[] start = new int[candidates + 1];
    for (int c = 0; c < candidates; c++) {
      start[c + 1] = start[c] + counts[c];
    }
    double[] grouped = new double[b];
    int[] fill = Arrays.copyOf(start, candidates);
    for (int i = 0; i < b; i++) {
      grouped[fill[candidateOf[i]]++] = codeOf[i];
    }
    for (int c = 0; c < candidates; c++) {
      priorBits[c] = CodeLengths.combinedBits(grouped, start[c], start[c + 1]);
    }
    this.columnIndex = new int[candidates * length];
    for (int c = 0; c < candidates; c++) {
      for (int j = 0; j < length; j++) {
        columnIndex[c * length + j] =
            j * alphabet + Character.digit(outputs[c].charAt(j), Character.MAX_RADIX);
      }
    }
  }

  /** |A|, the alphabet size. */
  public int alphabet() {
    return alphabet;
  }

  /** The number of distinct candidate outputs. */
  public int candidates() {
    return outputs.length;
  }

  /**
   * The prior code of an output given as a string of base-36 digits; +Infinity if no block tiles
   * it.
   */
  public double priorBits(String output) {
    for (int c = 0; c < outputs.length; c++) {
      if (outputs[c].equals(output)) {
        return priorBits[c];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * Selects the program for the data summarised by {@code columnCounts}.
   *
   * @param columnCounts per position j and symbol a, at {@code j * |A| + a}: how many of the
   *     strings show a at j (trusted: L x |A| non-negative counts, each column summing to strings)
   * @param strings M, the number of strings counted (at least 1)
   * @return the chosen program with its codes and the gate's two reference codes
   */
  public ProgramFit fit(long[] columnCounts, long strings) {
    long n = strings * length;
    double statistical = 0;
    for (int j = 0; j < length; j++) {
      statistical += CodeLengths.positionBits(columnCounts, j * alphabet, alphabet);
    }
    double nullBits = n * (DetMath.log(alphabet) / LN2);
    long maxMismatches = n * (alphabet - 1) / alphabet; // k/n <= (|A| - 1)/|A|, in integers

    // The product of the column counts with the candidate outputs: k for every candidate.
    long[] mismatches = new long[outputs.length];
    long kMin = Long.MAX_VALUE;
    long kMax = 0;
    for (int c = 0, base = 0; c < outputs.length; c++, base += length) {
      long matches = 0;
      for (int j = 0; j < length; j++) {
        matches += columnCounts[columnIndex[base + j]];
      }
      long k = n - matches;
      mismatches[c] = k;
      if (k <= maxMismatches) {
        kMin = Math.min(kMin, k);
        kMax = Math.max(kMax, k);
      }
    }
    // Many candidates share k: code each k once, while the table stays small.
    long range = kMax - kMin + 1;
    double[] dataByK = range <= 8L * outputs.length ? new double[(int) range] : null;
    if (dataByK != null) {
      Arrays.fill(dataByK, Double.NaN);
    }
    int best = -1;
    double bestData = 0;
    double bestTotal = Double.POSITIVE_INFINITY;
    for (int c = 0; c < outputs.length; c++) {
      long k = mismatches[c];
      if (k > maxMismatches) {
        continue;
      }
      double data;
      if (dataByK == null) {
        data = CodeLengths.dataBits(n, k, alphabet);
      } else {
        data = dataByK[(int) (k - kMin)];
        if (Double.isNaN(data)) {
          data = CodeLengths.dataBits(n, k, alphabet);
          dataByK[(int) (k - kMin)] = data;
        }
      }
      double total = priorBits[c] + data;
      // strict: on a tie the earlier candidate (shorter period, smaller block) stays
      if (total < bestTotal) {
        bestTotal = total;
        best = c;
        bestData = data;
      }
    }
    return new ProgramFit(
        blocks[best],
        outputs[best],
        n,
        mismatches[best],
        priorBits[best],
        bestData,
        statistical,
        nullBits);
  }

  /** c(b), see {@link ProgramPrior}. */
  private double blockCode(ProgramPrior prior, CtmTable table, String block) {
    int w = block.length();
    return switch (prior) {
      case CTM -> table.bits(block) + table.log2Mass(w);
      case LENGTH -> w * (DetMath.log(alphabet) / LN2);
      case UNIFORM -> 0.0;
    };
  }

  /** The block repeated and cut to L. */
  static int[] tile(int[] block, int w, int length) {
    int[] g = new int[length];
    for (int j = 0; j < length; j++) {
      g[j] = block[j % w];
    }
    return g;
  }

  private static String symbols(int[] digits, int count) {
    char[] s = new char[count];
    for (int i = 0; i < count; i++) {
      s[i] = Character.forDigit(digits[i], Character.MAX_RADIX);
    }
    return new String(s);
  }

  /** The next block of the same length in lexicographic order; false after the last. */
  private boolean increment(int[] digits) {
    for (int i = digits.length - 1; i >= 0; i--) {
      if (++digits[i] < alphabet) {
        return true;
      }
      digits[i] = 0;
    }
    return false;
  }
}
