package org.collapsesim.family.categorical;

import java.util.Set;
import java.util.function.IntFunction;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.PartWeights;
import org.collapsesim.loop.Regime;
import org.collapsesim.loop.ReservoirSource;

/**
 * Closed forms for the categorical family (docs/theory.md, "Categorical: Gini-Simpson with sources
 * and weights"): Wright-Fisher drift of the Gini-Simpson index with exogenous data, an entropy
 * reservoir and real-data weighting, by the exact one-step moment recursion.
 *
 * <p>D_new has three parts, drawn from the truth p* (exogenous), the uniform u over the V
 * categories (reservoir) and the previous model p_{t-1} (synthetic), carrying weights W_j in the
 * fit ({@link PartWeights}). With s_t = E[sum p_t(i)^2], c_t = E[sum p*(i) p_t(i)], S* = sum
 * p*(i)^2 and the inner products of the parts' laws
 *
 * <pre>
 *   &lt;p*, p*&gt; = S*,  &lt;p*, u&gt; = &lt;u, u&gt; = &lt;u, p&gt; = 1/V,  E&lt;p*, p_{t-1}&gt; = c_{t-1},  E&lt;p_{t-1}, p_{t-1}&gt; = s_{t-1}
 *   s_t = sum_j E[W_j^2 / n_j] (1 - &lt;q_j, q_j&gt;) + sum_{j,l} E[W_j W_l] &lt;q_j, q_l&gt;
 *   c_t = sum_j E[W_j] &lt;p*, q_j&gt;
 * </pre>
 *
 * (the variance and squared mean of each part's empirical frequencies; the uniform's inner product
 * with any distribution is 1/V, so a reservoir alone enters exactly as real data does, with u in
 * the truth's place). Generation 0 is a fit on M draws of p*: s_0 = 1/M + (1 - 1/M) S*, c_0 = S*.
 * With no reservoir and pooled weights this is shared theory's E[GS_t] = GS* (1 - 1/M)^(t+1) at
 * alpha = 0 and the mixing recursions of exogenous data. Valid for regime replace, the mle
 * estimator, identity decoding, fresh exogenous draws and no verifier; the caller returns null
 * otherwise.
 */
public final class CategoricalTheory {

  private CategoricalTheory() {}

  /**
   * The mechanisms the recursion covers: fresh exogenous draws, the reservoir and real-data
   * weighting (not the fixed anchor, whose data repeat, nor the verifier, whose effect depends on
   * the drifting model).
   */
  static final Set<String> SUPPORTED =
      Set.of(ExogenousSource.FRESH, ReservoirSource.NAME, ChainSettings.REAL_WEIGHT);

  private static final int EXOGENOUS =
      0; // parts in PartWeights order: exogenous, reservoir, synthetic

  /**
   * E[GS_t] for t = 0..G of a chain refitted by counts over {@code vocabulary} categories (the
   * categorical family; a markov chain of order 0; each position of the sequence family, whose
   * reservoir is uniform over the alphabet and whose mean over positions follows the recursion,
   * affine in S*, with the mean S*), or null where the recursion does not hold: a regime other than
   * replace, or a mechanism outside {@link #SUPPORTED}. The caller checks what is its own (the mle
   * estimator, identity decoding).
   *
   * @param sumSquaresStar S* = sum p*(i)^2
   * @param vocabulary V, the support of the reservoir's uniform law
   */
  public static double[] giniSimpson(
      double sumSquaresStar, int vocabulary, ChainSettings settings) {
    if (settings.regime() != Regime.REPLACE || !settings.onlyMechanisms(SUPPORTED)) {
      return null;
    }
    return giniSimpson(
        sumSquaresStar,
        vocabulary,
        settings.samples(),
        settings.generations(),
        settings::partWeights);
  }

  /**
   * E[GS_t] for t = 0..G.
   *
   * @param sumSquaresStar S* = sum p*(i)^2
   * @param vocabulary V, the reservoir's support
   * @param samples M
   * @param generations G
   * @param weights the three parts' weights (exogenous, reservoir, synthetic) of generation t >= 1
   */
  public static double[] giniSimpson(
      double sumSquaresStar,
      int vocabulary,
      int samples,
      int generations,
      IntFunction<PartWeights> weights) {
    double uniform = 1.0 / vocabulary;
    double[] gs = new double[generations + 1];
    double s = 0; // no model before generation 0: its part carries no weight
    double c = 0;
    for (int t = 0; t <= generations; t++) {
      PartWeights w = t == 0 ? PartWeights.truthOnly(samples, 3) : weights.apply(t);
      double[][] inner = {
        {sumSquaresStar, uniform, c},
        {uniform, uniform, uniform},
        {c, uniform, s}
      };
      double next = 0;
      double nextC = 0;
      for (int j = 0; j < 3; j++) {
        next += w.noise()[j] * (1 - inner[j][j]);
        nextC += w.mean()[j] * inner[EXOGENOUS][j];
        for (int l = 0; l < 3; l++) {
          next += w.cross()[j][l] * inner[j][l];
        }
      }
      s = next;
      c = nextC;
      gs[t] = 1.0 - s;
    }
    return gs;
  }
}
