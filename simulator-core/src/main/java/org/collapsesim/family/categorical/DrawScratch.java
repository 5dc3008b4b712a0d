package org.collapsesim.family.categorical;

import org.collapsesim.random.AliasTable;

/**
 * The exact sampler's working storage for one draw of counts: the live categories, their weights
 * packed, suffix sums, one alias table per group of live categories. Nothing in it outlives a draw
 * (every entry read is written first in the same draw), so the cell keeps a pool of them, one per
 * draw in progress, reused by every generation and chain instead of allocated per chain (at V = 1e6
 * that was 20 MB a chain for the garbage collector to copy).
 */
final class DrawScratch {

  final int[] live;
  final double[] packed;
  final double[] suffix;
  private AliasTable[] tables = new AliasTable[0];

  DrawScratch(int categories) {
    live = new int[categories];
    packed = new double[categories];
    suffix = new double[categories];
  }

  /** The alias tables of groups 0..groups-1, created here (not inside parallel blocks). */
  AliasTable[] tables(int groups) {
    if (tables.length < groups) {
      AliasTable[] grown = java.util.Arrays.copyOf(tables, groups);
      for (int g = tables.length; g < groups; g++) {
        grown[g] = new AliasTable();
      }
      tables = grown;
    }
    return tables;
  }
}
