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

  CategoricalModel(int categories) {
    counts = new long[categories];
    p = new double[categories];
    decoded = new double[categories];
  }
}
