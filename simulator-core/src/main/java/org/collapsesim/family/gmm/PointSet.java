package org.collapsesim.family.gmm;

import java.util.Arrays;
import org.collapsesim.loop.SampleBatch;

/**
 * Raw points in d dimensions, row-major and growable. The gmm family uses it both as the batch and
 * as the "statistics" of {@link org.collapsesim.loop.CellModel}: EM has no finite sufficient
 * statistics, so the statistics of a batch are its points, and merging two sets concatenates them
 * in order (which keeps accumulate and window exact, at the cost of memory linear in the data).
 */
final class PointSet implements SampleBatch<PointSet> {

  final int d;
  double[] x;
  int size;

  PointSet(int d, int capacity) {
    this.d = d;
    this.x = new double[Math.max(1, capacity) * d];
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
  public void append(PointSet from, int index) {
    ensureCapacity(1);
    System.arraycopy(from.x, index * from.d, x, size * d, from.d);
    size++;
  }

  /** Makes room for {@code more} further points. */
  void ensureCapacity(int more) {
    long needed = (long) (size + more) * d;
    if (needed > x.length) {
      long grown = Math.max(needed, 2L * x.length);
      if (grown > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("gmm: too many points (" + (size + more) + ")");
      }
      x = Arrays.copyOf(x, (int) grown);
    }
  }

  /** Appends every point of {@code other}. */
  void appendAll(PointSet other) {
    ensureCapacity(other.size);
    System.arraycopy(other.x, 0, x, size * d, other.size * d);
    size += other.size;
  }

  /** {@code this <- other}. */
  void copyFrom(PointSet other) {
    size = 0;
    appendAll(other);
  }
}
