package org.collapsesim.family.markov;

import java.util.Arrays;
import org.collapsesim.loop.SampleBatch;

/**
 * A batch of the markov family: one sample per generated token, stored as its transition key
 * (context * V + token, {@link ContextCodec}). Sequences are cut into transitions, so
 * accumulate-subsample draws transitions.
 */
final class TransitionBatch implements SampleBatch<TransitionBatch> {

  long[] keys;
  int size;

  TransitionBatch(int capacity) {
    keys = new long[Math.max(capacity, 1)];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void clear() {
    size = 0;
  }

  @Override
  public void append(TransitionBatch from, int index) {
    ensureCapacity(1);
    keys[size++] = from.keys[index];
  }

  @Override
  public void appendRows(TransitionBatch from, int[] rows, int count) {
    ensureCapacity(count);
    for (int k = 0; k < count; k++) {
      keys[size + k] = from.keys[rows[k]];
    }
    size += count;
  }

  void ensureCapacity(int extra) {
    if (size + extra > keys.length) {
      keys = Arrays.copyOf(keys, Math.max(size + extra, keys.length * 2));
    }
  }
}
