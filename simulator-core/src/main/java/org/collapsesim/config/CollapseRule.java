package org.collapsesim.config;

import java.util.Objects;

/**
 * A configured collapse rule (README, Families and metrics): a chain has collapsed at the first
 * generation where {@code metric <= threshold} ({@code below}) or {@code metric >= threshold}
 * ({@code above}). Written {@code collapse: {metric: entropy, below: 0.5}}.
 *
 * @param metric one of the family's metric names
 * @param below true for {@code below:} (value <= threshold), false for {@code above:} (value >=
 *     threshold)
 * @param threshold a finite number
 */
public record CollapseRule(String metric, boolean below, double threshold) {

  public CollapseRule {
    Objects.requireNonNull(metric, "metric");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold " + threshold + " is not finite");
    }
  }

  /** Whether a metric value meets the rule; NaN never does. */
  public boolean holds(double value) {
    return below ? value <= threshold : value >= threshold;
  }
}
