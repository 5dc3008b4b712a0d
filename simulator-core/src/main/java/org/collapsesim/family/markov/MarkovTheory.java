package org.collapsesim.family.markov;

import org.collapsesim.family.categorical.CategoricalTheory;
import org.collapsesim.loop.ChainSettings;

/**
 * Closed forms of shared/THEORY.md for the markov family. At order 0 the chain is a categorical
 * distribution refitted by counts (Wright-Fisher drift with population M), so the Gini-Simpson
 * index of its unigram follows the categorical family's moment recursion: with a = 0, E[GS_t] = GS*
 * (1 - 1/M)^(t+1); with exogenous data, count mixing (k = floor(a_t M + 0.5) draws of P*) gives M^2
 * s_t = k (1 - S*) + (M - k)(1 - s_{t-1}) + k^2 S* + 2k(M - k) S* + (M - k)^2 s_{t-1} and
 * per-sample mixing s_t = 1/M + (1 - 1/M) [(1 - (1 - a)^2) S* + (1 - a)^2 s_{t-1}], where s_t =
 * E[sum p_t(i)^2], S* = sum p*(i)^2 and s_0 = 1/M + (1 - 1/M) S*. Valid for order 0, regime
 * replace, the mle estimator, identity decoding and fresh exogenous draws; null otherwise.
 */
final class MarkovTheory {

  private MarkovTheory() {}

  static double[] giniSimpson(double sumSquaresStar, ChainSettings settings) {
    return CategoricalTheory.giniSimpson(sumSquaresStar, settings);
  }
}
