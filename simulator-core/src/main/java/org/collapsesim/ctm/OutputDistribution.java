package org.collapsesim.ctm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.collapsesim.math.DetMath;

/**
 * The exact output distribution D(n) of the (n, 2) Turing machines, n &lt;= 4 (Delahaye and Zenil,
 * Applied Mathematics and Computation 219(1), 2012; Soler-Toscano, Zenil, Delahaye and Gauvrit,
 * PLoS ONE 9(5): e96223, 2014).
 *
 * <p>Machines: states 1..n plus a halting state, symbols {0, 1}, each (state, symbol) entry one of
 * 4n + 2 options (write and halt without moving, or write, move left or right and go to one of n
 * states), started in state 1 on a blank tape; one step is one transition, the halting one
 * included; the output is the tape cells the head visited, left to right. With c0(s) the number of
 * machines whose output is s on the all-0 tape and H0 the number that halt on it, and the all-1
 * tape the complement of the all-0 one,
 *
 * <pre>
 *   D(n)(s) = (c0(s) + c0(complement s)) / (2 H0),     CTM(s) = -log2 D(n)(s) bits.
 * </pre>
 *
 * Counting both blanks makes D complement-symmetric; the left-right mirror makes it
 * reversal-symmetric.
 */
public final class OutputDistribution {

  /** The largest n enumerated exactly (S(5) = 47,176,870 steps puts n = 5 out of reach). */
  public static final int MAX_STATES = 4;

  private static final double LN2 = 0.6931471805599453;

  private final int states;
  private final long haltingBlank0;
  private final Map<String, Long> blank0;

  OutputDistribution(int states, long haltingBlank0, Map<String, Long> blank0) {
    this.states = states;
    this.haltingBlank0 = haltingBlank0;
    this.blank0 = Collections.unmodifiableMap(blank0);
  }

  /**
   * Enumerates D(n) exactly (n = 4 takes well under a minute on one core).
   *
   * @param states n, in 1..{@value #MAX_STATES}
   * @throws IllegalArgumentException for any other n
   */
  public static OutputDistribution enumerate(int states) {
    if (!(states >= 1 && states <= MAX_STATES)) {
      throw new IllegalArgumentException(
          "states: " + states + " is not in 1.." + MAX_STATES + " (D(n) is enumerated exactly)");
    }
    return MachineEnumerator.enumerate(states);
  }

  /** n, the number of non-halting states. */
  public int states() {
    return states;
  }

  /** H0: the machines that halt on the all-0 tape. */
  public long haltingBlank0() {
    return haltingBlank0;
  }

  /** c0(s): the machines whose output on the all-0 tape is s. */
  public long countBlank0(String s) {
    return blank0.getOrDefault(s, 0L);
  }

  /** c0(s) + c0(complement s): the machines with output s on either blank tape. */
  public long count(String s) {
    return countBlank0(s) + countBlank0(complement(s));
  }

  /** D(n)(s) = count(s) / (2 H0). */
  public double probability(String s) {
    return count(s) / (2.0 * haltingBlank0);
  }

  /** CTM(s) = -log2 D(n)(s) = log2(2 H0) - log2 count(s); +Infinity for an output never seen. */
  public double bits(String s) {
    long c = count(s);
    return c == 0
        ? Double.POSITIVE_INFINITY
        : (DetMath.log(2.0 * haltingBlank0) - DetMath.log(c)) / LN2;
  }

  /**
   * Every output over both blanks, by decreasing D(n), ties in lexicographic order: the order of
   * OEIS A141474.
   */
  public List<String> outputs() {
    TreeSet<String> all = new TreeSet<>();
    for (String s : blank0.keySet()) {
      all.add(s);
      all.add(complement(s));
    }
    List<String> ordered = new ArrayList<>(all);
    ordered.sort(Comparator.comparingLong(this::count).reversed()); // stable: ties stay sorted
    return ordered;
  }

  /** The CTM bits of every output, as a table (a missing string gets the largest value + 1). */
  public CtmTable table() {
    Map<String, Double> bits = new LinkedHashMap<>();
    for (String s : outputs()) {
      bits.put(s, bits(s));
    }
    return new CtmTable("D(" + states + ")", bits);
  }

  /** The string with every symbol flipped: the output of the same machine on the other blank. */
  static String complement(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i] == '0' ? '1' : '0';
    }
    return new String(c);
  }
}
