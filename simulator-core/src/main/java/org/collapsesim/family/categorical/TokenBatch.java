package org.collapsesim.family.categorical;

import org.collapsesim.loop.SampleBatch;

/** A growable batch of category indices: the raw samples of the categorical family. */
final class TokenBatch implements SampleBatch<TokenBatch> {

  int[] tokens;
  int size;

  TokenBatch(int capacity) {
    tokens = new int[Math.max(capacity, 1)];
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
  public void append(TokenBatch from, int index) {
    add(from.tokens[index]);
  }

  @Override
  public void appendRows(TokenBatch from, int[] rows, int count) {
    ensureCapacity(count);
    for (int k = 0; k < count; k++) {
      tokens[size + k] = from.tokens[rows[k]];
    }
    size += count;
  }

  void add(int token) {
    if (size == tokens.length) {
      tokens = java.util.Arrays.copyOf(tokens, tokens.length * 2);
    }
    tokens[size++] = token;
  }

  void ensureCapacity(int extra) {
    if (size + extra > tokens.length) {
      tokens = java.util.Arrays.copyOf(tokens, Math.max(size + extra, tokens.length * 2));
    }
  }
}
