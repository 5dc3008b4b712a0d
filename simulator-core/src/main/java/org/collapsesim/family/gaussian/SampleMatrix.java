package org.collapsesim.family.gaussian;

import org.collapsesim.loop.SampleBatch;

/** A growable batch of d-dimensional samples, row-major: sample i is x[i*d .. i*d + d). */
final class SampleMatrix implements SampleBatch<SampleMatrix> {

  final int d;
  double[] x;
  int size;

  SampleMatrix(int d, int capacity) {
    this.d = d;
    this.x = new double[Math.max(capacity, 1) * d];
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
  public void append(SampleMatrix from, int index) {
    ensureCapacity(1);
    // a plain loop: for a row of d = 1 or a few, System.arraycopy's call costs more than the copy
    int source = index * d;
    int target = size * d;
    for (int j = 0; j < d; j++) {
      x[target + j] = from.x[source + j];
    }
    size++;
  }

  @Override
  public void appendRows(SampleMatrix from, int[] rows, int count) {
    ensureCapacity(count);
    double[] source = from.x;
    int target = size * d;
    if (d == 1) {
      for (int k = 0; k < count; k++) {
        x[target + k] = source[rows[k]];
      }
    } else {
      for (int k = 0; k < count; k++, target += d) {
        int row = rows[k] * d;
        for (int j = 0; j < d; j++) {
          x[target + j] = source[row + j];
        }
      }
    }
    size += count;
  }

  void ensureCapacity(int extra) {
    long needed = (long) (size + extra) * d;
    if (needed > x.length) {
      x = java.util.Arrays.copyOf(x, (int) Math.max(needed, 2L * x.length));
    }
  }
}
