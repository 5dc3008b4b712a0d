package org.collapsesim.family.markov;

import java.util.Arrays;

/**
 * Sufficient statistics of the markov family: the count of every observed transition key in an
 * open-addressing hash table (so V^k contexts need no dense storage), with the unigram counts of
 * the emitted tokens and their total. Merging adds counts; the estimator reads the keys sorted, so
 * the table's layout never reaches a number.
 */
final class TransitionCounts {

  private static final long EMPTY = -1L;

  private final int v;
  long[] keys;
  long[] counts;
  int distinct;
  final long[] unigram;
  long total;

  TransitionCounts(int v) {
    this.v = v;
    this.unigram = new long[v];
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    counts = new long[capacity];
    Arrays.fill(keys, EMPTY);
    distinct = 0;
  }

  void clear() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(counts, 0L);
    Arrays.fill(unigram, 0L);
    distinct = 0;
    total = 0;
  }

  void add(long key, long count) {
    if (2 * (distinct + 1) > keys.length) {
      grow();
    }
    insert(key, count);
    unigram[(int) (key % v)] += count;
    total += count;
  }

  private void insert(long key, long count) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (true) {
      long k = keys[slot];
      if (k == key) {
        counts[slot] += count;
        return;
      }
      if (k == EMPTY) {
        keys[slot] = key;
        counts[slot] = count;
        distinct++;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The count of {@code key}, 0 when absent. */
  long get(long key) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return counts[slot];
      }
      if (k == EMPTY) {
        return 0;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        insert(oldKeys[i], oldCounts[i]);
      }
    }
  }

  void mergeFrom(TransitionCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.counts[i]);
      }
    }
  }

  void copyFrom(TransitionCounts other) {
    if (keys.length != other.keys.length) {
      keys = new long[other.keys.length];
      counts = new long[other.keys.length];
    }
    System.arraycopy(other.keys, 0, keys, 0, keys.length);
    System.arraycopy(other.counts, 0, counts, 0, counts.length);
    System.arraycopy(other.unigram, 0, unigram, 0, v);
    distinct = other.distinct;
    total = other.total;
  }

  /** The distinct keys in ascending order. */
  long[] sortedKeys() {
    long[] out = new long[distinct];
    int n = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }
}
