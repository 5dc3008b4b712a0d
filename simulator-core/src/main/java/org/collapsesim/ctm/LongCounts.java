package org.collapsesim.ctm;

import java.util.function.BiConsumer;

/**
 * Counts per non-zero {@code long} key: an open-addressing hash table with linear probing, so the
 * enumerator's tens of millions of additions neither box nor allocate (a hot loop, see {@link
 * MachineEnumerator}).
 */
final class LongCounts {

  private long[] keys = new long[1 << 10];
  private long[] counts = new long[1 << 10];
  private int size;

  /** Adds {@code count} to the count of {@code key} (key must not be 0, the empty-slot marker). */
  void add(long key, long count) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == 0) {
      keys[slot] = key;
      if (++size * 2 > keys.length) {
        counts[slot] = count;
        grow();
        return;
      }
    }
    counts[slot] += count;
  }

  /** Visits every key with its count, in no particular order. */
  void forEach(BiConsumer<Long, Long> visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.accept(keys[i], counts[i]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i], mask);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  /** A well-mixed slot (the SplitMix64 finaliser's first round) so short keys spread out. */
  private static int slot(long key, int mask) {
    long h = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
    return (int) (h ^ (h >>> 33)) & mask;
  }
}
