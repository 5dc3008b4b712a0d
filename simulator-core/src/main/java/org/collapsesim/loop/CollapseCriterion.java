package org.collapsesim.loop;

/**
 * When a chain counts as collapsed: metric {@code metricIndex} at or below (or at or above) an
 * absolute {@code threshold}. The chain's collapse_generation is the first generation where it
 * holds.
 */
public record CollapseCriterion(String metric, int metricIndex, boolean below, double threshold) {

  /** Whether the rule holds for this generation's metric values. */
  public boolean holds(double[] metrics) {
    double v = metrics[metricIndex];
    return below ? v <= threshold : v >= threshold;
  }
}
