package org.collapsesim.cli;

import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;

/**
 * A rough cost model for {@code collapse validate}, from each family's own estimate ({@link
 * org.collapsesim.family.Family#generationNanos}, {@link
 * org.collapsesim.family.Family#chainBytes}): per-sample and per-category costs of a generation on
 * one core, calibrated on the committed benchmarks (benchmarks/README.md: a categorical chain of V
 * = 1000-2000, M = 6000 costs about 80 us per generation, V = 1e4, M = 1e5 about 0.7 ms; a Gaussian
 * d = 1, M = 1000 explicit generation about 6 us). It sizes a sweep to an order of magnitude, no
 * better: time {@code collapse run} of one cell for a real figure.
 */
final class CostModel {

  static final String BASIS =
      "10 ns per sample-dimension and 10 ns per category per generation, from"
          + " benchmarks/README.md; time `collapse run` of one cell for a real figure";

  private CostModel() {}

  static double chainSeconds(SweepConfig config, CellSpec cell) {
    double generations = config.generations() + 1.0;
    return generations * Families.of(cell.family()).generationNanos(cell) * 1e-9;
  }

  /**
   * A lower bound on the bytes one chain of {@code cell} holds at its peak ({@link
   * org.collapsesim.family.Family#chainBytes}) with one generation's samples in memory, or every
   * generation's for accumulate-subsample, which keeps the union.
   */
  static double chainBytes(SweepConfig config, CellSpec cell) {
    double m = cell.getInt("samples");
    boolean union = "accumulate-subsample".equals(String.valueOf(cell.get("regime")));
    double kept = union ? m * (config.generations() + 1.0) : m;
    return Families.of(cell.family()).chainBytes(cell, kept);
  }

  static String show(Object value) {
    if (value instanceof ExogenousSchedule s) {
      return s.constantValue() != null ? String.valueOf(s.constantValue()) : s.describe();
    }
    return String.valueOf(value);
  }
}
