package org.collapsesim.random;

/**
 * The SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), used both to derive stream keys and, applied to a counter, as the
 * generator itself.
 *
 * <p>Written by hand rather than taken from Commons RNG because the generator is the innermost
 * kernel: it must be a pure function of (key, counter) so that a vector twin can compute eight
 * counters in lanes and give the same bits, and so that a stream can be entered at any block.
 */
public final class SplitMix64 {

  /** The golden-ratio increment of SplitMix64. */
  public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SplitMix64() {}

  /** The SplitMix64 output function: a bijective 64-bit mixer. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Word {@code index} (0-based) of the SplitMix64 sequence seeded with {@code key}. */
  public static long word(long key, long index) {
    return mix(key + (index + 1) * GOLDEN_GAMMA);
  }
}
