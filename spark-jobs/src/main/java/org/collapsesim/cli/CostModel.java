package org.collapsesim.cli;

import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.loop.ExogenousSchedule;

/**
 * A rough cost model for {@code collapse validate}: assumed per-sample and per-category costs of
 * the kernels on one core. It sizes a sweep to an order of magnitude, no better; calibrate it by
 * timing {@code collapse run} of one cell. (The benchmarks in benchmarks/ measure the kernels.)
 */
final class CostModel {

  static final String BASIS = "assumed 30 ns per sample-dimension and 10 ns per category per generation; time `collapse run` of one cell to calibrate";

  private static final double SAMPLE_NS = 30;
  private static final double CATEGORY_NS = 10;

  private CostModel() {}

  static double chainSeconds(SweepConfig config, CellSpec cell) {
    double generations = config.generations() + 1.0;
    double m = cell.getInt("samples");
    double size = cell.getInt("model_size");
    double perGeneration;
    switch (cell.family()) {
      case "gaussian" -> perGeneration = m * SAMPLE_NS * size * size + size * size * size * CATEGORY_NS;
      case "categorical" -> perGeneration = m * SAMPLE_NS + size * CATEGORY_NS;
      default -> perGeneration = m * SAMPLE_NS * size;
    }
    return generations * perGeneration * 1e-9;
  }

  static String show(Object value) {
    if (value instanceof ExogenousSchedule s) {
      return s.constantValue() != null ? String.valueOf(s.constantValue()) : s.describe();
    }
    return String.valueOf(value);
  }
}
