package org.collapsesim.family.sequence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.MetricDefinition.Better;

/**
 * The metrics of the sequence family, in output order: the one list their names (the constant in
 * lower case), definitions and indexes in a metric array (the ordinal) derive from.
 */
enum SequenceMetric {
  GINI_SIMPSON("mean over positions j of the Gini-Simpson index 1 - sum_a p_j(a)^2", Better.TRUTH),
  ENTROPY("mean over positions of the Shannon entropy -sum_a p_j(a) ln p_j(a), nats", Better.TRUTH),
  FIXATED("fraction of positions whose model puts probability 1 on one symbol", Better.LOWER),
  KL_TRUE_MODEL(
      "mean over positions of KL(p*_j || (c_j + eps) / (M + |A| eps)), nats, eps = kl_eps",
      Better.LOWER);

  /** Every metric's definition, in output order. */
  static final List<MetricDefinition> DEFINITIONS =
      Arrays.stream(values()).map(m -> m.definition).toList();

  /** Every metric's name, in output order. */
  static final List<String> NAMES = DEFINITIONS.stream().map(MetricDefinition::name).toList();

  private final MetricDefinition definition;

  SequenceMetric(String definition, Better better) {
    this.definition = new MetricDefinition(name().toLowerCase(Locale.ROOT), definition, better);
  }
}
