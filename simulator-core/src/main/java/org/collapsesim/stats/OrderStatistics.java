package org.collapsesim.stats;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The order statistics x_(0) &lt;= ... &lt;= x_(n-1) of NaN-free values, found by selection on
 * demand instead of a full sort: each {@link #get} is a quickselect (Hoare's FIND, three-way
 * partitioned so ties cost nothing) confined to the gap between the ranks already placed, so a
 * handful of quantiles costs expected linear time.
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

  private final long[] keys;

  /** The ranks whose keys are in their sorted positions. */
  private final BitSet placed;

  /**
   * Prepares the order statistics of {@code values}; the array is not modified.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public OrderStatistics(double[] values) {
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
    if (!placed.get(rank)) {
      int from = placed.previousSetBit(rank) + 1;
      int to = placed.nextSetBit(rank);
      select(from, to < 0 ? keys.length : to, rank);
    }
    return value(keys[rank]);
  }

  /**
   * Moves the key of rank {@code k} to index k, smaller keys before it and larger after, touching
   * only [from, to); marks k (or the whole gap, when it is sorted) as placed.
   */
  private void select(int from, int to, int k) {
    int depth = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 4;
    while (to - from > SMALL) {
      if (depth-- == 0) {
        break;
      }
      long pivot = medianOfThree(keys[from], keys[(from + to) >>> 1], keys[to - 1]);
      // Dijkstra's three-way partition: [from, lt) < pivot, [lt, gt] == pivot, (gt, to) > pivot.
      int lt = from;
      int gt = to - 1;
      int i = from;
      while (i <= gt) {
        long x = keys[i];
        if (x < pivot) {
          keys[i++] = keys[lt];
          keys[lt++] = x;
        } else if (x > pivot) {
          keys[i] = keys[gt];
          keys[gt--] = x;
        } else {
          i++;
        }
      }
      if (k < lt) {
        to = lt;
      } else if (k > gt) {
        from = gt + 1;
      } else {
        placed.set(lt, gt + 1);
        return;
      }
    }
    Arrays.sort(keys, from, to);
    placed.set(from, to);
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
