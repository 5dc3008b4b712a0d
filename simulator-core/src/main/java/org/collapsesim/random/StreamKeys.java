package org.collapsesim.random;

/**
 * Derivation of every random stream from the master seed (README, Random streams and determinism).
 *
 * <pre>
 *   chainSeed = H(masterSeed, worldKey, replicate)
 *   stream    = H(chainSeed, generation, purpose.tag)
 *   block b   = H(stream, BLOCK_TAG, b)
 * </pre>
 *
 * where {@code H(a, b, ...)} folds each part into the previous value with the SplitMix64 mixer:
 * {@code h = mix(h ^ mix(part + GOLDEN_GAMMA * (position + 1)))}. The world key hashes only the
 * family, its truth, model_size and samples, so cells that differ only in mechanism (alpha, mixing,
 * regime, decoding, anchors, estimator) draw from the same streams: common random numbers. Keying
 * by generation (and by block inside a generation) lets a chain be extended or split across cores
 * without changing a number.
 */
public final class StreamKeys {

  /** Samples per block inside one generation's stream: fixed, never dependent on core counts. */
  public static final int BLOCK_SIZE = 1 << 16;

  private static final long BLOCK_TAG = 0x626C6F636BL; // "block"
  private static final long TRUTH_TAG = 0x7472757468L; // "truth"

  private StreamKeys() {}

  /** Folds {@code parts} into {@code seed}. */
  public static long hash(long seed, long... parts) {
    long h = SplitMix64.mix(seed);
    for (int i = 0; i < parts.length; i++) {
      h = SplitMix64.mix(h ^ SplitMix64.mix(parts[i] + SplitMix64.GOLDEN_GAMMA * (i + 1)));
    }
    return h;
  }

  /** The seed of one chain: written to the output as the {@code seed} column. */
  public static long chainSeed(long masterSeed, long worldKey, int replicate) {
    return hash(masterSeed, worldKey, replicate);
  }

  /** The key of the stream of one chain, generation and purpose. */
  public static long stream(long chainSeed, int generation, StreamPurpose purpose) {
    return stream(generationKey(chainSeed, generation), purpose);
  }

  /**
   * H's first two rounds for one chain and generation, {@code mix(mix(chainSeed) ^ mix(generation +
   * GOLDEN_GAMMA))}: shared by every purpose's stream of that generation, so a loop derives it once
   * per generation and each purpose's key in one more round ({@link #stream(long, StreamPurpose)}),
   * the same key as {@link #hash}{@code (chainSeed, generation, tag)}.
   */
  public static long generationKey(long chainSeed, int generation) {
    return SplitMix64.mix(
        SplitMix64.mix(chainSeed) ^ SplitMix64.mix(generation + SplitMix64.GOLDEN_GAMMA));
  }

  /** The key of a purpose's stream from its generation's {@link #generationKey}. */
  public static long stream(long generationKey, StreamPurpose purpose) {
    return SplitMix64.mix(
        generationKey ^ SplitMix64.mix(purpose.tag() + SplitMix64.GOLDEN_GAMMA * 2));
  }

  /** The key of block {@code block} of a stream (for splitting one large generation). */
  public static long block(long streamKey, long block) {
    return hash(streamKey, BLOCK_TAG, block);
  }

  /** The key of a random truth: the master seed and a hash of the truth's parameters alone. */
  public static long truth(long masterSeed, long truthParametersHash) {
    return hash(masterSeed, TRUTH_TAG, truthParametersHash);
  }

  /** A stream for one chain, generation and purpose. */
  public static RandomStream open(long chainSeed, int generation, StreamPurpose purpose) {
    return new RandomStream(stream(chainSeed, generation, purpose));
  }
}
