package org.collapsesim.family.categorical;

import java.util.Set;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Mixing;
import org.collapsesim.loop.Regime;

/**
 * Closed forms of shared/THEORY.md for the categorical family: Wright-Fisher drift of the
 * Gini-Simpson index, with exogenous data.
 *
 * <p>With s_t = E[sum p_t(i)^2], S* = sum p*(i)^2 and E[p_t] = p* (each p_t(i) is a martingale
 * pulled towards p*), the one-step moment recursion for maximum likelihood refits on M draws is:
 *
 * <ul>
 *   <li>count mixing, k = floor(a_t M + 0.5) exogenous draws, the rest from the model: M^2 s_t = k
 *       (1 - S*) + (M - k)(1 - s_{t-1}) + k^2 S* + 2k(M - k) S* + (M - k)^2 s_{t-1} (the variance
 *       and the squared mean of Multinomial counts, the cross term through E[p_t] = p*);
 *   <li>per-sample mixing, each draw from q = a p* + (1 - a) p_{t-1}: s_t = 1/M + (1 - 1/M) [(1 -
 *       (1 - a)^2) S* + (1 - a)^2 s_{t-1}];
 *   <li>generation 0 is a fit on M draws of P*: s_0 = 1/M + (1 - 1/M) S*.
 * </ul>
 *
 * With a = 0 both reduce to E[GS_t] = GS* (1 - 1/M)^(t+1), THEORY.md's Wright-Fisher decay. Valid
 * for regime replace, the mle estimator, identity decoding and fresh exogenous draws; null
 * otherwise.
 */
public final class CategoricalTheory {

  /** The mechanisms the recursion covers: fresh exogenous draws only. */
  static final Set<String> SUPPORTED = Set.of(ExogenousSource.FRESH);

  private CategoricalTheory() {}

  /** E[GS_t] for t = 0..G, or null where the recursion does not apply. */
  public static double[] giniSimpson(double sumSquaresStar, ChainSettings settings) {
    if (settings.regime() != Regime.REPLACE || !settings.onlyMechanisms(SUPPORTED)) {
      return null;
    }
    double m = settings.samples();
    double[] gs = new double[settings.generations() + 1];
    double s = 1.0 / m + (1.0 - 1.0 / m) * sumSquaresStar;
    gs[0] = 1.0 - s;
    for (int t = 1; t <= settings.generations(); t++) {
      double alpha = settings.alpha(t);
      if (settings.mixing() == Mixing.COUNT) {
        double k = settings.exogenousCount(alpha);
        double r = m - k;
        s =
            (k * (1 - sumSquaresStar)
                    + r * (1 - s)
                    + k * k * sumSquaresStar
                    + 2 * k * r * sumSquaresStar
                    + r * r * s)
                / (m * m);
      } else {
        double keep = (1 - alpha) * (1 - alpha);
        s = 1.0 / m + (1.0 - 1.0 / m) * ((1 - keep) * sumSquaresStar + keep * s);
      }
      gs[t] = 1.0 - s;
    }
    return gs;
  }
}
