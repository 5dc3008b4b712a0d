package org.collapsesim.ctm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.math.DetMath;

/**
 * CTM bits of binary strings, CTM(s) = -log2 D(n)(s) (the Coding Theorem Method: Delahaye and Zenil
 * 2012; Soler-Toscano, Zenil, Delahaye and Gauvrit, PLoS ONE 9(5): e96223, 2014).
 *
 * <p>Two tables ship with the code: {@link #d5()}, every binary string of 1 to 12 symbols under the
 * 5-state machines (published data, see the README and licence beside the resource), and {@link
 * #d4()}, our own exact D(4) ({@link OutputDistribution#enumerate}; 1,832 strings), the fallback
 * and the cross-check. A string a table does not hold gets the table's largest value plus one bit:
 * rarer than anything the machines produced (never the case for D(5) up to 12 symbols).
 */
public final class CtmTable {

  /** Where the shipped tables live on the classpath. */
  static final String D5_RESOURCE = "ctm-d5-binary-1to12.csv";

  static final String D4_RESOURCE = "ctm-d4-binary.csv";

  /** The longest strings the shipped tables are meant for (D(5) holds all of them). */
  public static final int MAX_LENGTH = 12;

  private static final double LN2 = 0.6931471805599453;

  private final String source;
  private final Map<String, Double> bits;
  private final double missingBits;

  /** log2Mass[w] = log2 of the sum over all 2^w strings s of length w of 2^-bits(s). */
  private final double[] log2Mass = new double[MAX_LENGTH + 1];

  /**
   * A table of CTM bits.
   *
   * @param source what the values come from, e.g. "D(5)"
   * @param bits CTM bits per binary string (copied)
   */
  public CtmTable(String source, Map<String, Double> bits) {
    if (bits.isEmpty()) {
      throw new IllegalArgumentException("bits: a CTM table needs at least one string");
    }
    this.source = source;
    this.bits = Collections.unmodifiableMap(new LinkedHashMap<>(bits));
    double max = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : bits.entrySet()) {
      requireBinary(e.getKey());
      double v = e.getValue();
      if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "bits of '" + e.getKey() + "': " + v + " is not a finite number >= 0");
      }
      max = Math.max(max, v);
    }
    this.missingBits = max + 1;
    for (int w = 1; w <= MAX_LENGTH; w++) {
      double mass = 0;
      for (int v = 0; v < 1 << w; v++) { // lexicographic order: a fixed summation order
        mass +=
            DetMath.exp(-bitsOrMissing(Integer.toBinaryString((1 << w) | v).substring(1)) * LN2);
      }
      log2Mass[w] = DetMath.log(mass) / LN2;
    }
  }

  /** D(5): every binary string of 1 to 12 symbols (Soler-Toscano et al. 2014, via pybdm). */
  public static CtmTable d5() {
    return D5.TABLE;
  }

  /** Our exact D(4) ({@code collapse ctm --enumerate 4}), the fallback and cross-check. */
  public static CtmTable d4() {
    return D4.TABLE;
  }

  /** What the values come from, e.g. "D(5)". */
  public String source() {
    return source;
  }

  /**
   * CTM(s) in bits: the table's value, or its largest value plus one bit if it lacks s.
   *
   * @throws IllegalArgumentException if s is empty or not binary
   */
  public double bits(String s) {
    requireBinary(s);
    return bitsOrMissing(s);
  }

  /**
   * log2 of the sum over every binary string s of the given length of 2^-CTM(s): the normaliser
   * that turns 2^-CTM into a probability over the strings of one length (computed once, in
   * lexicographic order).
   *
   * @param length 1..{@value #MAX_LENGTH}
   */
  public double log2Mass(int length) {
    if (!(length >= 1 && length <= MAX_LENGTH)) {
      throw new IllegalArgumentException(
          "length: " + length + " is not in 1.." + MAX_LENGTH + " (the CTM tables' reach)");
    }
    return log2Mass[length];
  }

  private double bitsOrMissing(String s) {
    Double v = bits.get(s);
    return v != null ? v : missingBits;
  }

  /** Whether the table holds s. */
  public boolean contains(String s) {
    return bits.containsKey(s);
  }

  /** Every string with its bits, in the table's order. */
  public Map<String, Double> entries() {
    return bits;
  }

  /**
   * Checks that s is a non-empty string of 0s and 1s.
   *
   * @throws IllegalArgumentException naming the string and what is allowed
   */
  public static void requireBinary(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("string: empty (a binary string of 0s and 1s is needed)");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '1') {
        throw new IllegalArgumentException(
            "string '" + s + "': symbol '" + c + "' at " + i + " is not binary (0 or 1 allowed)");
      }
    }
  }

  /**
   * Reads a CSV table with a header naming a {@code string} column and a bits column ({@code
   * ctm_bits} or {@code bits}).
   */
  static CtmTable read(String source, String resource) {
    InputStream in = CtmTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("resource " + resource + " is missing from the classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = List.of(reader.readLine().split(","));
      int key = header.indexOf("string");
      int value = header.contains("ctm_bits") ? header.indexOf("ctm_bits") : header.indexOf("bits");
      if (key < 0 || value < 0) {
        throw new IllegalStateException(resource + ": header " + header + " lacks string, bits");
      }
      Map<String, Double> bits = new LinkedHashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          String[] fields = line.split(",");
          bits.put(fields[key], Double.parseDouble(fields[value]));
        }
      }
      return new CtmTable(source, bits);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /** The shipped D(5) table, read once on first use (class-holder idiom). */
  private static final class D5 {
    static final CtmTable TABLE = read("D(5)", D5_RESOURCE);
  }

  /** The shipped D(4) table, read once on first use. */
  private static final class D4 {
    static final CtmTable TABLE = read("D(4)", D4_RESOURCE);
  }
}
