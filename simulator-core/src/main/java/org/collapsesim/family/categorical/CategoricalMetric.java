package org.collapsesim.family.categorical;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.MetricDefinition.Better;

/**
 * The metrics of the categorical family, in output order: the one list their names (the constant in
 * lower case), definitions and indexes in a metric array (the ordinal) derive from.
 */
enum CategoricalMetric {
  ENTROPY("Shannon entropy H(P_t) = -sum p_i ln p_i, nats", Better.TRUTH),
  GINI_SIMPSON("Gini-Simpson index 1 - sum p_i^2", Better.TRUTH),
  KL_TRUE_MODEL(
      "KL(P* || P_t) in nats against the smoothed model (c_i + eps) / (N + V eps), eps = kl_eps",
      Better.LOWER),
  KL_MODEL_TRUE(
      "KL(P_t || P*) in nats; +Infinity if P_t puts mass where P* has none", Better.LOWER),
  TV("total variation distance, half the L1 distance between P_t and P*", Better.LOWER),
  SUPPORT("categories with a non-zero count in the training data", Better.HIGHER),
  TAIL_MASS(
      "mass P_t puts on the truth's tail: the last round(tail_fraction V) (at least 1) categories"
          + " ranked by true probability, ties by index",
      Better.TRUTH),
  EXTINCT("categories of the truth (p* > 0) with a zero count", Better.LOWER);

  /** Every metric's definition, in output order. */
  static final List<MetricDefinition> DEFINITIONS =
      Arrays.stream(values()).map(m -> m.definition).toList();

  /** Every metric's name, in output order. */
  static final List<String> NAMES = DEFINITIONS.stream().map(MetricDefinition::name).toList();

  private final MetricDefinition definition;

  CategoricalMetric(String definition, Better better) {
    this.definition = new MetricDefinition(name().toLowerCase(Locale.ROOT), definition, better);
  }
}
