package org.collapsesim.stats;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The order statistics x_(0) &lt;= ... &lt;= x_(n-1) of NaN-free values, found by selection on
 * demand instead of a full sort: each {@link #get} is a quickselect (Hoare's FIND) confined to the
 * gap between the ranks already placed, so a handful of quantiles costs expected linear time.
 *
 * <p>The order is {@link Double#compare}'s, the one {@link Arrays#sort(double[])} uses (-0.0 before
 * +0.0), so {@code get(r)} is bit for bit the value a sort would put at index r. Selection runs on
 * the IEEE bits mapped to longs that compare as the doubles do (negative values have their
 * magnitude bits flipped), which both makes that order exact and keeps the comparisons integer.
 *
 * <p>Hand-written rather than taken from a library: it is on the summary path of every recorded
 * generation, the libraries' selectors (e.g. Commons Math's KthSelector) work on boxed or {@code
 * double} comparisons that merge -0.0 and +0.0, and none keeps placed ranks between calls.
 * Adversarial inputs are bounded as in Musser's introselect: after 2 log2(n) + 4 partitions of one
 * gap, the gap is sorted.
 */
public final class OrderStatistics {

  /** Gaps up to this size are sorted outright: partitioning them costs more than it saves. */
  private static final int SMALL = 24;

  /**
   * Up to this many values, the first {@link #get} sorts them all: a tuned sort beats the five or
   * so selections a summary makes (ReplicateSummaryBenchmark on Zen 5: selection 1.8x slower at n =
   * 100, even at n = 1000, 4x faster at n = 10^6).
   */
  static final int SORT_ALL = 1024;

  private final long[] keys;

  /** The ranks whose keys are in their sorted positions. */
  private final BitSet placed;

  private final int sortAllUpTo;

  /**
   * Prepares the order statistics of {@code values}; the array is not modified.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public OrderStatistics(double[] values) {
    this(values, SORT_ALL);
  }

  /**
   * As {@link #OrderStatistics(double[])}, sorting all values at once up to {@code sortAllUpTo}.
   */
  OrderStatistics(double[] values, int sortAllUpTo) {
    this.sortAllUpTo = sortAllUpTo;
    keys = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(
            "values[" + i + "] is NaN; order statistics need numbers");
      }
      keys[i] = key(values[i]);
    }
    placed = new BitSet(values.length);
  }

  /** The number of values. */
  public int size() {
    return keys.length;
  }

  /**
   * The value of rank {@code rank} (0 the smallest), exactly as {@code sorted[rank]} after {@link
   * Arrays#sort(double[])}.
   *
   * @throws IndexOutOfBoundsException unless 0 &lt;= rank &lt; size()
   */
  public double get(int rank) {
    if (rank < 0 || rank >= keys.length) {
      throw new IndexOutOfBoundsException("rank " + rank + " of " + keys.length + " values");
    }
    if (!placed.get(rank) && keys.length <= sortAllUpTo) {
      Arrays.sort(keys);
      placed.set(0, keys.length);
    } else if (!placed.get(rank)) {
      int from = placed.previousSetBit(rank) + 1;
      int to = placed.nextSetBit(rank);
      select(from, to < 0 ? keys.length : to, rank);
    }
    return value(keys[rank]);
  }

  /**
   * Moves the key of rank {@code k} to index k, smaller keys before it and larger after, touching
   * only [from, to), and marks k placed (the whole gap, when it is sorted). A rank at either end of
   * its gap (the min, the max, the neighbour x_(lo+1) of a placed x_(lo)) is one scan; any other is
   * Hoare's FIND with Wirth's partition (both scans stop on keys equal to the pivot, so ties split
   * evenly and an all-equal gap halves).
   */
  private void select(int from, int to, int k) {
    int depth = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 4;
    while (to - from > SMALL && k != from && k != to - 1) {
      if (depth-- == 0) {
        break;
      }
      long pivot = medianOfThree(keys[from], keys[(from + to) >>> 1], keys[to - 1]);
      int i = from;
      int j = to - 1;
      do {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = keys[i];
          keys[i++] = keys[j];
          keys[j--] = t;
        }
      } while (i <= j);
      // [from, j] <= pivot, [i, to) >= pivot, and anything between equals the pivot
      if (k <= j) {
        to = j + 1;
      } else if (k >= i) {
        from = i;
      } else {
        placed.set(k);
        return;
      }
    }
    if (to - from > SMALL && (k == from || k == to - 1)) {
      moveExtreme(from, to, k);
      placed.set(k);
    } else {
      Arrays.sort(keys, from, to);
      placed.set(from, to);
    }
  }

  /** Swaps the smallest (k == from) or largest (k == to - 1) key of [from, to) into index k. */
  private void moveExtreme(int from, int to, int k) {
    int best = k;
    if (k == from) {
      for (int i = from + 1; i < to; i++) {
        if (keys[i] < keys[best]) {
          best = i;
        }
      }
    } else {
      for (int i = from; i < to - 1; i++) {
        if (keys[i] > keys[best]) {
          best = i;
        }
      }
    }
    long t = keys[k];
    keys[k] = keys[best];
    keys[best] = t;
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /**
   * A long that orders as {@link Double#compare} orders the non-NaN doubles: the IEEE bits, with
   * the magnitude bits of negative values flipped. It is its own inverse.
   */
  static long key(double v) {
    long bits = Double.doubleToRawLongBits(v);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }
}
