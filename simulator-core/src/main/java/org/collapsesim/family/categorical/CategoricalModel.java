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
  private double[] decoded; // allocated on first use, as live and packed: the exact path of an
  // undecoded model never uses them (at V = 1e6, 20 MB a chain less for the collector)
  final AliasTable sampler = new AliasTable();

  /** The categories with positive sampling weight, ascending, and their weights packed. */
  private int[] live;

  private double[] packed;

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
    counted = new int[categories];
    spareCounted = new int[categories];
  }

  /** Scratch for the decoded weights. */
  double[] decoded() {
    if (decoded == null) {
      decoded = new double[p.length];
    }
    return decoded;
  }

  /** The explicit sampler's list of live categories. */
  int[] live() {
    if (live == null) {
      live = new int[p.length];
      packed = new double[p.length];
    }
    return live;
  }

  /** Their weights packed, beside {@link #live()}. */
  double[] packed() {
    live();
    return packed;
  }
}
