package org.collapsesim.family.gmm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.MetricDefinition.Better;

/**
 * The metrics of the gmm family, in output order: the one list their names (the constant in lower
 * case), definitions and indexes in a metric array (the ordinal) derive from.
 */
enum GmmMetric {
  L2_DISTANCE(
      "||p_t - p*||_2 = sqrt(integral (p_t - p*)^2 dx), in closed form for Gaussian mixtures"
          + " (sum of w_i v_j N(mu_i; nu_j, S_i + T_j) terms)",
      Better.LOWER),
  WEIGHT_ENTROPY("-sum_k w_k ln w_k of the fitted weights, in nats", Better.TRUTH),
  MIN_WEIGHT(
      "the smallest fitted weight min_k w_k (0 for a component that lost every point)",
      Better.TRUTH),
  VAR_RATIO(
      "tr Cov(P_t) / tr Cov(P*), the total mixture covariance: sum_k w_k (Sigma_k + mu_k mu_k^T) - mu mu^T",
      Better.TRUTH),
  KL_TRUE_MODEL(
      "KL(P* || P_t) in nats by Monte Carlo: the mean of ln p*(x) - ln p_t(x) over mc_samples"
          + " (default 10000) draws of the truth from the chain's METRIC stream of the generation;"
          + " unbiased, so it can be slightly negative",
      Better.LOWER);

  /** Every metric's definition, in output order. */
  static final List<MetricDefinition> DEFINITIONS =
      Arrays.stream(values()).map(m -> m.definition).toList();

  /** Every metric's name, in output order. */
  static final List<String> NAMES = DEFINITIONS.stream().map(MetricDefinition::name).toList();

  private final MetricDefinition definition;

  GmmMetric(String definition, Better better) {
    this.definition = new MetricDefinition(name().toLowerCase(Locale.ROOT), definition, better);
  }
}
