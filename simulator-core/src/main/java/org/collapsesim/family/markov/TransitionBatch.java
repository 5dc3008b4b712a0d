package org.collapsesim.family.markov;

import java.util.Arrays;

/**
 * A batch of the markov family: one sample per generated token, stored as its transition key
 * (context * V + token, {@link ContextCodec}). Sequences are cut into transitions, so
 * accumulate-subsample draws transitions.
 */
final class TransitionBatch {

  long[] keys;
  int size;

  TransitionBatch(int capacity) {
    keys = new long[Math.max(capacity, 1)];
  }

  void ensureCapacity(int extra) {
    if (size + extra > keys.length) {
      keys = Arrays.copyOf(keys, Math.max(size + extra, keys.length * 2));
    }
  }
}
