package org.collapsesim.family.categorical;

/** Sufficient statistics of the categorical family: the count of each category and their total. */
final class CountStats {

  final long[] counts;
  long total;

  // the exact sampler's scratch (per chain, allocated on first use): live categories, their
  // weights packed, suffix sums
  int[] live;
  double[] packed;
  double[] suffix;

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
}
