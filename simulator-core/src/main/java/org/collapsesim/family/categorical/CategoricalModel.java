package org.collapsesim.family.categorical;

import org.collapsesim.random.AliasTable;

/**
 * A fitted categorical model of one chain: the counts it was fitted on, its probabilities, and the
 * chain's sampling scratch (decoded weights, alias table), rebuilt in place every generation.
 */
final class CategoricalModel {

  final long[] counts;
  long total;
  final double[] p;
  final double[] decoded;
  final AliasTable sampler = new AliasTable();

  /** The categories with positive sampling weight, ascending, and their weights packed. */
  final int[] live;

  final double[] packed;

  /**
   * The categories with a positive count, ascending (kept by the maximum-likelihood fit). Outside
   * them counts and p are 0 after that fit, so the next one clears only these.
   */
  int[] counted;

  int countedSize;

  /** The fit's second list: the new counted categories are listed here, then the two swap. */
  int[] spareCounted;

  /**
   * Whether p came from the weighted real/synthetic fit: then p is not counts / total, and the
   * metrics read p itself, with effective counts total * p.
   */
  boolean weighted;

  CategoricalModel(int categories) {
    counts = new long[categories];
    p = new double[categories];
    decoded = new double[categories];
    live = new int[categories];
    packed = new double[categories];
    counted = new int[categories];
    spareCounted = new int[categories];
  }
}
