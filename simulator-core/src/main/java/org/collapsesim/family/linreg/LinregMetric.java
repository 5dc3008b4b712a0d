package org.collapsesim.family.linreg;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.MetricDefinition.Better;

/**
 * The metrics of the linreg family, in output order: the one list their names (the constant in
 * lower case), definitions and indexes in a metric array (the ordinal) derive from.
 */
enum LinregMetric {
  TEST_ERROR(
      "||w_t - w*||^2: the excess test error E_x (x.(w_t - w*))^2 under the isotropic design",
      Better.LOWER),
  W_NORM_SQ("||w_t||^2", Better.NEITHER);

  /** Every metric's definition, in output order. */
  static final List<MetricDefinition> DEFINITIONS =
      Arrays.stream(values()).map(m -> m.definition).toList();

  /** Every metric's name, in output order. */
  static final List<String> NAMES = DEFINITIONS.stream().map(MetricDefinition::name).toList();

  private final MetricDefinition definition;

  LinregMetric(String definition, Better better) {
    this.definition = new MetricDefinition(name().toLowerCase(Locale.ROOT), definition, better);
  }
}
