package org.collapsesim.family.linreg;

import java.util.Arrays;
import org.collapsesim.loop.SampleBatch;

/**
 * A batch of the linreg family: labelled rows of the chain's fixed design. Sample i is the pair
 * (row index rows[i], label y[i]); the design X (T x d, row-major) belongs to the chain and is
 * shared by reference by every batch, statistics object and model of the chain.
 */
final class LabelBatch implements SampleBatch<LabelBatch> {

  int[] rows;
  double[] y;
  int size;

  /**
   * Where the samples appended to this batch go: the j-th takes design row {@code positions[j]}
   * (set by the loop's row partition for D_new, README, Anchoring mechanisms); null for rows 0, 1,
   * 2, ... in order.
   */
  int[] positions;

  /** The chain's design, drawn with its first truth draw (generation 0); null before that. */
  Design design;

  LabelBatch(int capacity) {
    rows = new int[Math.max(capacity, 1)];
    y = new double[Math.max(capacity, 1)];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void clear() {
    size = 0;
  }

  /** Appends sample {@code index} of {@code from}; the batch takes the chain's design. */
  @Override
  public void append(LabelBatch from, int index) {
    ensureCapacity(1);
    rows[size] = from.rows[index];
    y[size] = from.y[index];
    size++;
    design = from.design;
  }

  @Override
  public void appendRows(LabelBatch from, int[] rows, int count) {
    ensureCapacity(count);
    for (int k = 0; k < count; k++) {
      this.rows[size + k] = from.rows[rows[k]];
      y[size + k] = from.y[rows[k]];
    }
    size += count;
    if (count > 0) {
      design = from.design;
    }
  }

  void ensureCapacity(int extra) {
    if (size + extra > rows.length) {
      int n = Math.max(size + extra, rows.length * 2);
      rows = Arrays.copyOf(rows, n);
      y = Arrays.copyOf(y, n);
    }
  }
}
