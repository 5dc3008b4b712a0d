package org.collapsesim.loop;

import java.util.Arrays;
import org.collapsesim.config.CountMixing;

/**
 * The weight each source of D_new carries in one generation's fit, and the moments of those weights
 * that the closed-form theories need (docs/theory.md, "Sources, weights and the one-step
 * recursion").
 *
 * <p>Part j of D_new has n_j samples drawn iid from its own law q_j, and the fit sees the weighted
 * mean of its samples with total weight W_j (sum over j of W_j = 1): the pooled fit has W_j = n_j /
 * M; real-data weighting ("golden ratio" estimators, Bertrand et al. 2024; Ferbach et al. 2024
 * analyse the same mixed fit) has W_exogenous = w and splits 1 - w over the other parts in
 * proportion to their sizes. An additive statistic of the fit, sum_j W_j mean_j(f(x)), then has
 *
 * <pre>
 *   E[its mean]        = sum_j E[W_j] E_{q_j}[f]
 *   E[||its value||^2] = sum_j E[W_j^2 / n_j] Var_{q_j}[f] + sum_{j,l} E[W_j W_l] E<E_{q_j} f, E_{q_l} f>
 * </pre>
 *
 * so {@link #mean}, {@link #noise} and {@link #cross} are the only facts about mixing that a
 * one-step moment recursion uses. Count mixing has fixed n_j (the cumulative rounding of {@link
 * CountMixing#counts}); per-sample mixing has (n_j) ~ Multinomial(M, f), which allows the pooled
 * fit only.
 *
 * @param mean E[W_j]
 * @param noise E[W_j^2 / n_j] (0 where n_j = 0)
 * @param cross E[W_j W_l]
 */
public record PartWeights(double[] mean, double[] noise, double[][] cross) {

  /**
   * The weights of one generation.
   *
   * @param samples M
   * @param mixing count or per-sample
   * @param fractions the sources' fractions in order, exogenous first (the synthetic part is the
   *     rest and comes last in the result)
   * @param realWeight w for real-data weighting (count mixing only), or null for the pooled fit
   */
  public static PartWeights of(int samples, Mixing mixing, double[] fractions, Double realWeight) {
    int parts = fractions.length + 1;
    double[] mean = new double[parts];
    double[] noise = new double[parts];
    double[][] cross = new double[parts][parts];
    double m = samples;
    if (mixing == Mixing.PER_SAMPLE) {
      if (realWeight != null) {
        throw new IllegalArgumentException("real_weight needs mixing count");
      }
      double[] f = Arrays.copyOf(fractions, parts);
      double rest = 1;
      for (double x : fractions) {
        rest -= x;
      }
      f[parts - 1] = Math.max(0, rest);
      for (int j = 0; j < parts; j++) {
        mean[j] = f[j];
        noise[j] = f[j] / m; // E[(n_j / M)^2 / n_j] = E[n_j] / M^2
        for (int l = 0; l < parts; l++) {
          // E[n_j n_l] = M (M - 1) f_j f_l + [j = l] M f_j for multinomial counts
          cross[j][l] = (m - 1) / m * f[j] * f[l] + (j == l ? f[j] / m : 0);
        }
      }
      return new PartWeights(mean, noise, cross);
    }
    int[] n = CountMixing.counts(samples, fractions);
    if (realWeight == null) {
      for (int j = 0; j < parts; j++) {
        mean[j] = n[j] / m;
      }
    } else {
      int rest = samples - n[0];
      mean[0] = n[0] > 0 ? realWeight : 0;
      double restWeight = 1 - mean[0];
      for (int j = 1; j < parts; j++) {
        mean[j] = rest > 0 ? restWeight * n[j] / rest : 0;
      }
    }
    for (int j = 0; j < parts; j++) {
      noise[j] = n[j] > 0 ? mean[j] * mean[j] / n[j] : 0;
      for (int l = 0; l < parts; l++) {
        cross[j][l] = mean[j] * mean[l];
      }
    }
    return new PartWeights(mean, noise, cross);
  }

  /** Generation 0: the fit on M samples of the truth alone (one part, weight 1). */
  public static PartWeights truthOnly(int samples, int parts) {
    double[] mean = new double[parts];
    double[] noise = new double[parts];
    double[][] cross = new double[parts][parts];
    mean[0] = 1;
    noise[0] = 1.0 / samples;
    cross[0][0] = 1;
    return new PartWeights(mean, noise, cross);
  }
}
