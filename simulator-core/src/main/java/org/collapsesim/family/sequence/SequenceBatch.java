package org.collapsesim.family.sequence;

import java.util.Arrays;
import org.collapsesim.loop.SampleBatch;

/**
 * Raw samples of the sequence family: strings of L symbols, stored one after another as bytes
 * (symbol a of string i at position j is {@code symbols[i * L + j]}). Growable, reused per chain.
 */
final class SequenceBatch implements SampleBatch<SequenceBatch> {

  final int length;
  byte[] symbols;
  int size;

  SequenceBatch(int length, int capacity) {
    this.length = length;
    this.symbols = new byte[Math.max(1, capacity) * length];
  }

  /** Room for {@code more} further strings; returns the offset of the first. */
  int reserve(int more) {
    int need = (size + more) * length;
    if (need > symbols.length) {
      symbols = Arrays.copyOf(symbols, Math.max(need, symbols.length * 2));
    }
    int offset = size * length;
    size += more;
    return offset;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void clear() {
    size = 0;
  }

  /** Appends string {@code index} of {@code from}. */
  @Override
  public void append(SequenceBatch from, int index) {
    int offset = reserve(1);
    System.arraycopy(from.symbols, index * length, symbols, offset, length);
  }

  /** The per-position symbol counts of the batch, added to {@code counts[j * |A| + a]}. */
  void countInto(long[] counts, int alphabet) {
    for (int i = 0, o = 0; i < size; i++) {
      for (int j = 0; j < length; j++, o++) {
        counts[j * alphabet + symbols[o]]++;
      }
    }
  }
}
