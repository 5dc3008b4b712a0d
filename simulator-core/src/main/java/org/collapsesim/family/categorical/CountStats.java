package org.collapsesim.family.categorical;

import org.collapsesim.random.AliasTable;

/** Sufficient statistics of the categorical family: the count of each category and their total. */
final class CountStats {

  final long[] counts;
  long total;

  // the exact sampler's scratch (per chain, allocated on first use): live categories, their
  // weights packed, suffix sums, one alias table per group of live categories
  int[] live;
  double[] packed;
  double[] suffix;
  AliasTable[] tables = new AliasTable[0];

  CountStats(int categories) {
    counts = new long[categories];
  }

  void ensureScratch() {
    if (live == null) {
      live = new int[counts.length];
      packed = new double[counts.length];
      suffix = new double[counts.length];
    }
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
