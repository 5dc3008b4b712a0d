package org.collapsesim.family.categorical;

/** Sufficient statistics of the categorical family: the count of each category and their total. */
final class CountStats {

  final long[] counts;
  long total;

  CountStats(int categories) {
    counts = new long[categories];
  }
}
