package org.collapsesim.family.gaussian;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.MetricDefinition.Better;

/**
 * The metrics of the gaussian family, in output order: the one list their names (the constant in
 * lower case), definitions and indexes in a metric array (the ordinal) derive from.
 */
enum GaussianMetric {
  VAR_RATIO("tr(Sigma_t) / tr(Sigma*)", Better.TRUTH),
  LOGDET_RATIO("ln det Sigma_t - ln det Sigma*; -Infinity when Sigma_t is singular", Better.TRUTH),
  MEAN_SQ_ERR("||mu_t - mu*||^2", Better.LOWER),
  KL_TRUE_MODEL(
      "KL(P* || P_t) in nats (closed form); +Infinity when Sigma_t is singular", Better.LOWER),
  W2_SQ(
      "squared 2-Wasserstein distance ||mu_t - mu*||^2 + tr(Sigma_t + Sigma* - 2 (Sigma*^1/2 Sigma_t Sigma*^1/2)^1/2)",
      Better.LOWER),
  ENTROPY(
      "differential entropy of P_t, (d (1 + ln 2 pi) + ln det Sigma_t) / 2 nats; -Infinity when singular",
      Better.TRUTH);

  /** Every metric's definition, in output order. */
  static final List<MetricDefinition> DEFINITIONS =
      Arrays.stream(values()).map(m -> m.definition).toList();

  /** Every metric's name, in output order. */
  static final List<String> NAMES = DEFINITIONS.stream().map(MetricDefinition::name).toList();

  private final MetricDefinition definition;

  GaussianMetric(String definition, Better better) {
    this.definition = new MetricDefinition(name().toLowerCase(Locale.ROOT), definition, better);
  }
}
