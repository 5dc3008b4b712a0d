package org.collapsesim.family.linreg;

/**
 * A fitted linear model w_t of one chain, with the chain's design for relabelling and fit scratch.
 */
final class LinregModel {

  final double[] w;
  final double[] a;
  final double[] lower;
  Design design;

  LinregModel(int d) {
    w = new double[d];
    a = new double[d * d];
    lower = new double[d * d];
  }
}
