package org.collapsesim.random;

/**
 * Walker's alias method in Vose's numerically stable form ("A linear algorithm for generating
 * random numbers with a given distribution", IEEE TSE 1991): O(V) to build, O(1) per draw, two
 * words per draw (an unbiased column, a 53-bit coin). Mutable so that a chain can rebuild it in
 * place every generation without allocating.
 */
public final class AliasTable {

  private double[] accept = new double[0];
  private int[] alias = new int[0];
  private int[] small = new int[0];
  private int[] large = new int[0];
  private double[] scaled = new double[0];
  private int size;

  /** An alias table for {@code weights} (non-negative, positive sum). */
  public static AliasTable of(double[] weights) {
    AliasTable t = new AliasTable();
    t.rebuild(weights, weights.length);
    return t;
  }

  /** Rebuilds the table for the first {@code n} of {@code weights}, reusing storage. */
  public void rebuild(double[] weights, int n) {
    rebuild(weights, 0, n);
  }

  /**
   * Rebuilds the table for {@code weights[from, from + n)}, reusing storage: category i of the
   * table is weight {@code from + i}.
   */
  public void rebuild(double[] weights, int from, int n) {
    if (accept.length < n) {
      accept = new double[n];
      alias = new int[n];
      small = new int[n];
      large = new int[n];
      scaled = new double[n];
    }
    size = n;
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[from + i];
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      throw new IllegalArgumentException(
          "alias table: weights must have a positive finite sum, got " + total);
    }
    int ns = 0;
    int nl = 0;
    double scale = n / total;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[from + i] * scale;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      accept[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      accept[l] = 1.0;
      alias[l] = l;
    }
    while (ns > 0) { // only through round-off
      int s = small[--ns];
      accept[s] = 1.0;
      alias[s] = s;
    }
  }

  /** Number of categories. */
  public int size() {
    return size;
  }

  /** One draw. */
  public int sample(RandomStream rng) {
    int column = rng.nextInt(size);
    return rng.nextDouble() < accept[column] ? column : alias[column];
  }

  /**
   * {@code out[i] = sample(rng)} (mapped through {@code map} when not null) for i in [from, to),
   * with the stream's counter in a local variable and an int loop (C2 unrolls neither a loop over a
   * long nor one whose state lives in a field).
   */
  public void fill(RandomStream rng, int[] map, int[] out, int from, int to) {
    long key = rng.key();
    long start = rng.position();
    long next = start;
    for (int i = from; i < to; i++) {
      long m = (SplitMix64.word(key, next++) >>> 32) * size;
      if ((m & 0xFFFFFFFFL) < size) {
        long threshold = (0x1_0000_0000L - size) % size;
        while ((m & 0xFFFFFFFFL) < threshold) {
          m = (SplitMix64.word(key, next++) >>> 32) * size;
        }
      }
      int column = (int) (m >>> 32);
      double coin = (SplitMix64.word(key, next++) >>> 11) * DOUBLE_UNIT;
      int category = coin < accept[column] ? column : alias[column];
      out[i] = map == null ? category : map[category];
    }
    rng.skip(next - start);
  }

  private static final double DOUBLE_UNIT = 0x1.0p-53;
}
