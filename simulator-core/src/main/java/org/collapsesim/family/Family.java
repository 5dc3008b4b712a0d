package org.collapsesim.family;

import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.FamilyDefinition;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.Source;

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

  /**
   * The rough cost of one generation of {@code cell} on one core, in nanoseconds, for {@code
   * collapse validate}: an order of magnitude, no better, calibrated on the committed benchmarks
   * (benchmarks/README.md). By default {@link #SAMPLE_NS} per sample-dimension.
   */
  default double generationNanos(CellSpec cell) {
    return cell.getInt("samples") * SAMPLE_NS * cell.getInt("model_size");
  }

  /**
   * A lower bound on the bytes one chain of {@code cell} holds at its peak with {@code kept}
   * samples in memory (one generation's, or every generation's for accumulate-subsample): the
   * truth, the model and its sampling tables, and the samples, counted from the arrays the family
   * allocates (8 bytes a double, 4 an int).
   */
  double chainBytes(CellSpec cell, double kept);

  /** The cost model's nanoseconds per sample-dimension of a generation. */
  double SAMPLE_NS = 10;

  /** The cost model's nanoseconds per category (or per d^3 step) of a generation. */
  double CATEGORY_NS = 10;

  /**
   * The family's own sources of D_new in a validated cell, drawn after the exogenous data and the
   * reservoir (the sequence family's program anchor); none by default.
   */
  default List<Source> sources(CellSpec cell) {
    return List.of();
  }

  /** The definitions of the diagnostics its own sources can record; none by default. */
  default List<MetricDefinition> diagnostics() {
    return List.of();
  }
}
