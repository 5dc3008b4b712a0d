package org.collapsesim.family.categorical;

import org.collapsesim.math.DetMath;

/**
 * log(c + a) for integer counts c, tabulated for the small counts that almost every category has:
 * the metrics take two logs per counted category per generation, and a table read costs a small
 * fraction of {@link DetMath#log}. Counts past the table are computed; either way the value is
 * {@code DetMath.log(c + a)}, bit for bit. Immutable, shared by every chain of a cell.
 */
final class CountLogs {

  /** Counts below this are tabulated (32 KiB: stays in the first-level cache). */
  static final int SIZE = 4096;

  private final double offset;
  private final double[] table = new double[SIZE];

  CountLogs(double offset) {
    this.offset = offset;
    for (int c = 0; c < SIZE; c++) {
      table[c] = DetMath.log(c + offset);
    }
  }

  /** log(c + a) for c >= 0. */
  double of(long c) {
    return c < SIZE ? table[(int) c] : DetMath.log(c + offset);
  }
}
