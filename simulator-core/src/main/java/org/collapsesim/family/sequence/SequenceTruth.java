package org.collapsesim.family.sequence;

import java.util.Locale;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/**
 * The truth P* of the sequence family: strings of L symbols over an alphabet of |A| symbols, from
 * one of three sources.
 *
 * <ul>
 *   <li>{@code periodic}: a block b repeated and cut to L, seen through the {@link NoiseChannel}
 *       with rate r: a short program plus noise, inside the program anchor's hypothesis space when
 *       |b| &lt;= max_period;
 *   <li>{@code thue-morse}: the first L symbols of the Thue-Morse word t_j = (number of 1s in the
 *       binary digits of j) mod 2 (Thue 1912; Allouche and Shallit, Automatic Sequences, 2003),
 *       plus noise: simple to generate but with no period, so outside the hypothesis space;
 *   <li>{@code markov}: a stationary chain: the first symbol uniform, then each symbol repeats the
 *       previous one with probability {@code stay}, else is a uniformly chosen different symbol
 *       (its stationary law is uniform at every position; positions are dependent).
 * </ul>
 */
public final class SequenceTruth {

  /** The truth's source. */
  public enum Program {
    PERIODIC,
    THUE_MORSE,
    MARKOV;

    /** The config spelling ({@code truth.program}). */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Program program;
  private final int alphabet;
  private final int length;
  private final double noise;
  private final double stay;

  /** The noiseless output (periodic, Thue-Morse); null for markov. */
  private final int[] output;

  private SequenceTruth(
      Program program, int alphabet, int length, double noise, double stay, int[] output) {
    this.program = program;
    this.alphabet = alphabet;
    this.length = length;
    this.noise = noise;
    this.stay = stay;
    this.output = output;
  }

  /**
   * A block repeated and cut to L, plus noise.
   *
   * @param block the block's symbols as base-36 digits below |A| (e.g. "0010111")
   */
  public static SequenceTruth periodic(int alphabet, int length, String block, double noise) {
    check(alphabet, length);
    checkNoise(noise);
    if (block.isEmpty()) {
      throw new IllegalArgumentException(
          "truth.block: empty (a string over the alphabet is needed)");
    }
    int[] b = new int[block.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = Character.digit(block.charAt(i), Character.MAX_RADIX);
      if (!(b[i] >= 0 && b[i] < alphabet)) {
        throw new IllegalArgumentException(
            "truth.block: '"
                + block
                + "' has symbol '"
                + block.charAt(i)
                + "', not in the alphabet 0.."
                + Character.forDigit(alphabet - 1, Character.MAX_RADIX));
      }
    }
    return new SequenceTruth(
        Program.PERIODIC, alphabet, length, noise, 0, ProgramSpace.tile(b, b.length, length));
  }

  /** The Thue-Morse word's first L symbols plus noise (binary only). */
  public static SequenceTruth thueMorse(int alphabet, int length, double noise) {
    check(alphabet, length);
    checkNoise(noise);
    if (alphabet != 2) {
      throw new IllegalArgumentException(
          "truth.program: thue-morse is binary, alphabet " + alphabet + " is not 2");
    }
    int[] t = new int[length];
    for (int j = 0; j < length; j++) {
      t[j] = Integer.bitCount(j) & 1;
    }
    return new SequenceTruth(Program.THUE_MORSE, alphabet, length, noise, 0, t);
  }

  /** The stationary chain that repeats a symbol with probability {@code stay}. */
  public static SequenceTruth markov(int alphabet, int length, double stay) {
    check(alphabet, length);
    if (!(stay >= 0 && stay <= 1)) {
      throw new IllegalArgumentException("truth.stay: " + stay + " is not in [0, 1]");
    }
    return new SequenceTruth(Program.MARKOV, alphabet, length, 0, stay, null);
  }

  private static void check(int alphabet, int length) {
    if (!(alphabet >= 2 && alphabet <= Character.MAX_RADIX)) {
      throw new IllegalArgumentException("alphabet: " + alphabet + " is not in 2..36");
    }
    if (!(length >= 1)) {
      throw new IllegalArgumentException("model_size: " + length + " is not >= 1");
    }
  }

  private static void checkNoise(double noise) {
    if (!(noise >= 0 && noise <= 1)) {
      throw new IllegalArgumentException("truth.noise: " + noise + " is not in [0, 1]");
    }
  }

  public Program program() {
    return program;
  }

  public int alphabet() {
    return alphabet;
  }

  /** L, the string length. */
  public int length() {
    return length;
  }

  /** r, the noise rate (0 for markov). */
  public double noise() {
    return noise;
  }

  /** The noiseless output as base-36 digits, or null for a truth that is not a program (markov). */
  public String outputString() {
    if (output == null) {
      return null;
    }
    char[] s = new char[length];
    for (int j = 0; j < length; j++) {
      s[j] = Character.forDigit(output[j], Character.MAX_RADIX);
    }
    return new String(s);
  }

  /**
   * Whether the positions of a string are independent under P* (periodic and Thue-Morse: yes, so
   * per-position counts are independent multinomials and an exact path exists; markov: no).
   */
  public boolean independentPositions() {
    return output != null;
  }

  /** P*(symbol a at position j): the noise channel's law, or uniform for the stationary chain. */
  public double marginal(int j, int a) {
    return output == null
        ? 1.0 / alphabet
        : NoiseChannel.probability(a, output[j], noise, alphabet);
  }

  /** G*, the mean over positions of the Gini-Simpson index 1 - sum_a P*(a at j)^2. */
  public double giniSimpson() {
    double sum = 0;
    for (int j = 0; j < length; j++) {
      double squares = 0;
      for (int a = 0; a < alphabet; a++) {
        double p = marginal(j, a);
        squares += p * p;
      }
      sum += 1 - squares;
    }
    return sum / length;
  }

  /** The mean over positions of the Shannon entropy of P*'s marginal at j, in nats. */
  public double entropy() {
    double sum = 0;
    for (int j = 0; j < length; j++) {
      for (int a = 0; a < alphabet; a++) {
        sum -= DetMath.xlogx(marginal(j, a));
      }
    }
    return sum / length;
  }

  /** Appends {@code n} strings of P*. */
  public void draw(RandomStream rng, int n, SequenceBatch out) {
    if (output != null) {
      NoiseChannel.draw(output, noise, alphabet, rng, n, out);
      return;
    }
    int o = out.reserve(n);
    byte[] s = out.symbols;
    for (int i = 0; i < n; i++) {
      int a = rng.nextInt(alphabet);
      s[o++] = (byte) a;
      for (int j = 1; j < length; j++) {
        if (!(rng.nextDouble() < stay)) {
          a = alphabet == 2 ? 1 - a : (a + 1 + rng.nextInt(alphabet - 1)) % alphabet;
        }
        s[o++] = (byte) a;
      }
    }
  }
}
