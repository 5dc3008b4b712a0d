package org.collapsesim.family.markov;

import org.collapsesim.family.categorical.CategoricalTheory;
import org.collapsesim.loop.ChainSettings;

/**
 * Closed forms for the markov family. At order 0 the chain is a categorical distribution refitted
 * by counts (Wright-Fisher drift with population M), and a reservoir draws iid uniform tokens, so
 * the Gini-Simpson index of its unigram follows the categorical family's moment recursion ({@link
 * CategoricalTheory}): with a = 0 and no reservoir, E[GS_t] = GS* (1 - 1/M)^(t+1). Valid for order
 * 0, regime replace, the mle estimator, identity decoding, fresh exogenous draws and no verifier;
 * the caller returns null otherwise.
 */
final class MarkovTheory {

  private MarkovTheory() {}

  static double[] giniSimpson(double sumSquaresStar, int vocabulary, ChainSettings settings) {
    return CategoricalTheory.giniSimpson(
        sumSquaresStar,
        vocabulary,
        settings.samples(),
        settings.generations(),
        settings::partWeights);
  }
}
