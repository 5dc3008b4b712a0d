package org.collapsesim.family.sequence;

import org.collapsesim.random.RandomStream;

/**
 * The symmetric noise channel of the sequence family: each symbol of an output is independently
 * replaced, with probability r, by a uniformly chosen different symbol. The truth (a program or
 * Thue-Morse plus noise) draws through it; the program anchor's part Gen(g-hat, r-hat) is to draw
 * through it too, so that the two are the same channel by construction.
 *
 * <p>Per symbol: one uniform u (replaced if u &lt; r), and for |A| &gt; 2 one uniform integer
 * choosing among the |A| - 1 other symbols, from the stream in string order.
 */
final class NoiseChannel {

  private NoiseChannel() {}

  /**
   * Appends {@code n} noisy copies of {@code output}.
   *
   * @param output the noiseless output, one symbol per position
   * @param r the replacement probability, in [0, 1]
   */
  static void draw(
      int[] output, double r, int alphabet, RandomStream rng, int n, SequenceBatch out) {
    int length = output.length;
    int o = out.reserve(n);
    byte[] s = out.symbols;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < length; j++, o++) {
        int a = output[j];
        if (rng.nextDouble() < r) {
          a = alphabet == 2 ? 1 - a : (a + 1 + rng.nextInt(alphabet - 1)) % alphabet;
        }
        s[o] = (byte) a;
      }
    }
  }

  /** P(symbol a at a position whose noiseless symbol is g): 1 - r if a = g, else r / (|A| - 1). */
  static double probability(int a, int g, double r, int alphabet) {
    return a == g ? 1 - r : r / (alphabet - 1);
  }
}
