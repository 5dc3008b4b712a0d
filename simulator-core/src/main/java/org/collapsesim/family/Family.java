package org.collapsesim.family;

import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.FamilyDefinition;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.loop.CellModel;

/**
 * A model family of README, Families and metrics: its truth, sampler, estimator, metrics and
 * theory, and (as a {@link FamilyDefinition}) its parameters, cell rules, metric definitions,
 * exact-path flag and file-backed truth data. Each family lives in its own package and is
 * registered by one line in {@code engine.Families}; the generation loop drives all of them through
 * {@link CellModel}.
 */
public interface Family extends FamilyDefinition {

  /** One line for {@code collapse describe}. */
  String description();

  /** The few metrics that {@code collapse run} prints; by default the first three. */
  default List<String> keyMetrics() {
    return metrics().stream().limit(3).map(MetricDefinition::name).toList();
  }

  /**
   * Binds the family to one validated cell: builds the truth (random truths from the master seed
   * and the truth parameters alone, README, Random streams and determinism) and resolves the
   * parameters.
   */
  CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed);
}
