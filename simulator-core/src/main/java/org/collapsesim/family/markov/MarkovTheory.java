package org.collapsesim.family.markov;

import java.util.Set;
import org.collapsesim.family.categorical.CategoricalTheory;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Regime;
import org.collapsesim.loop.ReservoirSource;

/**
 * Closed forms for the markov family. At order 0 the chain is a categorical distribution refitted
 * by counts (Wright-Fisher drift with population M), so the Gini-Simpson index of its unigram
 * follows the categorical family's moment recursion ({@link CategoricalTheory}): with a = 0,
 * E[GS_t] = GS* (1 - 1/M)^(t+1). The reservoir's iid uniform tokens are the categorical reservoir's
 * uniform law over the V tokens, and weighted counts are the categorical weighted fit, so both
 * enter as they do there. Valid for order 0, regime replace, the mle estimator, identity decoding,
 * fresh exogenous draws, the reservoir and real-data weighting (not the fixed anchor nor the
 * verifier); null otherwise.
 */
final class MarkovTheory {

  /** The mechanisms the recursion covers. */
  static final Set<String> SUPPORTED =
      Set.of(ExogenousSource.FRESH, ReservoirSource.NAME, ChainSettings.REAL_WEIGHT);

  private MarkovTheory() {}

  static double[] giniSimpson(double sumSquaresStar, int vocabulary, ChainSettings settings) {
    if (settings.regime() != Regime.REPLACE || !settings.onlyMechanisms(SUPPORTED)) {
      return null;
    }
    return CategoricalTheory.giniSimpson(
        sumSquaresStar,
        vocabulary,
        settings.samples(),
        settings.generations(),
        settings::partWeights);
  }
}
