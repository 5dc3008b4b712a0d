package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-generation key a chain derives once ({@link StreamKeys#generationKey}) gives every
 * purpose's stream the key of the documented derivation H(chainSeed, generation, tag), bit for bit:
 * 10,000 random chain seeds and generations (including 0 and the int extremes), every purpose.
 */
class StreamKeysTest {

  @Test
  void theGenerationKeyGivesTheKeysOfTheFullHash() {
    SplittableRandom random = new SplittableRandom(20261205);
    for (int i = 0; i < 10_000; i++) {
      long chainSeed = random.nextLong();
      int generation =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> i % 8 == 1 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            default -> random.nextInt(1_000_000);
          };
      long key = StreamKeys.generationKey(chainSeed, generation);
      for (StreamPurpose purpose : StreamPurpose.values()) {
        long expected = StreamKeys.hash(chainSeed, generation, purpose.tag());
        assertEquals(expected, StreamKeys.stream(key, purpose), purpose + " " + generation);
        assertEquals(expected, StreamKeys.stream(chainSeed, generation, purpose));
      }
    }
  }
}
