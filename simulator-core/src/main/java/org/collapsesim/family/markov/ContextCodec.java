package org.collapsesim.family.markov;

/**
 * Contexts of an order-k chain over V tokens as base-V numbers: the most recent token is the least
 * significant digit, so a context is a long in [0, V^k) and a transition (context, next token) is
 * the key context * V + token in [0, V^(k+1)). Validation keeps V^(k+1) below 2^62.
 */
final class ContextCodec {

  final int v;
  final int order;

  /** V^(k-1) for k >= 1 (the digits kept when a token is appended), 1 for k = 0. */
  private final long keep;

  ContextCodec(int v, int order) {
    this.v = v;
    this.order = order;
    long p = 1;
    for (int i = 1; i < order; i++) {
      p *= v;
    }
    this.keep = p;
  }

  /** The context after emitting {@code token} in {@code context}. */
  long next(long context, int token) {
    return order == 0 ? 0 : (context % keep) * v + token;
  }

  long key(long context, int token) {
    return context * v + token;
  }

  long contextOf(long key) {
    return key / v;
  }

  int tokenOf(long key) {
    return (int) (key % v);
  }

  /** The context of tokens 0, 1, ..., k-1 (mod V): where the random truth's table is grown from. */
  long startContext() {
    long c = 0;
    for (int i = 0; i < order; i++) {
      c = next(c, i % v);
    }
    return c;
  }

  /** The context made of tokens[at - k .. at - 1], indices taken cyclically. */
  long cyclicContext(int[] tokens, int at) {
    long c = 0;
    int n = tokens.length;
    for (int i = order; i >= 1; i--) {
      c = next(c, tokens[Math.floorMod(at - i, n)]);
    }
    return c;
  }
}
