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
