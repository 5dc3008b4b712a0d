package org.collapsesim.random;

/**
 * A counter-based random stream: word {@code i} is {@code SplitMix64.word(key, i)}. Passed
 * explicitly to every sampler; nothing reads a global generator.
 *
 * <p>Counter-based so that a vector kernel can produce words {@code i .. i+7} in lanes with the
 * same bits, and so that {@link #skip} is O(1). Streams of different keys are offsets into one 2^64
 * cycle; with keys hashed by {@link StreamKeys} the chance that two streams of a sweep overlap is
 * about (streams x words)^2 / 2^64, negligible.
 *
 * <p>All conversions use integer arithmetic, IEEE basic operations or {@code DetMath}, so the
 * numbers never depend on the JIT or the CPU (README, Random streams and determinism).
 */
public final class RandomStream {

  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private final long key;
  private long counter;

  public RandomStream(long key) {
    this.key = key;
  }

  /** The stream key (for deriving block substreams). */
  public long key() {
    return key;
  }

  /** Words drawn so far. */
  public long position() {
    return counter;
  }

  /** Skips {@code words} words. */
  public void skip(long words) {
    counter += words;
  }

  public long nextLong() {
    return SplitMix64.word(key, counter++);
  }

  /** A uniform double in [0, 1), 53 random bits. */
  public double nextDouble() {
    return toDouble(nextLong());
  }

  /** The uniform double in [0, 1) that {@link #nextDouble} makes of a word: its top 53 bits. */
  public static double toDouble(long word) {
    return (word >>> 11) * DOUBLE_UNIT;
  }

  /** A uniform double in the open interval (0, 1): the 53-bit grid shifted by half a step. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 11) + 0.5) * DOUBLE_UNIT;
  }

  /**
   * A uniform integer in [0, bound), unbiased: Lemire's multiply-shift with rejection ("Fast random
   * integer generation in an interval", ACM TOMACS 2019).
   */
  public int nextInt(int bound) {
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** A uniform long in [0, bound), unbiased (rejection on the 64-bit product). */
  public long nextLong(long bound) {
    if (bound <= 0x7FFF_FFFFL) {
      return nextInt((int) bound);
    }
    long limit = Long.MAX_VALUE - Long.remainderUnsigned(Long.MAX_VALUE, bound) - 1;
    long r;
    do {
      r = nextLong() >>> 1;
    } while (r > limit);
    return r % bound;
  }

  /**
   * A standard normal deviate by the ziggurat ({@link ZigguratNormal}): deviate number {@link
   * #position()} of this stream's key, then one word is consumed. The rare slow path (about 1.2%)
   * draws from a substream of that element, not from this stream, so each deviate takes exactly one
   * word and equals {@code KernelSupport.gaussians} at the same position.
   */
  public double nextGaussian() {
    return ZigguratNormal.deviate(key, counter++);
  }

  /** True with probability {@code p}. */
  public boolean nextBernoulli(double p) {
    return nextDouble() < p;
  }
}
