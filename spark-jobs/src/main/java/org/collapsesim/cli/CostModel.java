package org.collapsesim.cli;

import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.SweepConfig;

/**
 * A rough cost model for {@code collapse validate}: per-sample and per-category costs of a
 * generation on one core, calibrated on the committed benchmarks (benchmarks/README.md: a
 * categorical chain of V = 1000-2000, M = 6000 costs about 80 us per generation, V = 1e4, M = 1e5
 * about 0.7 ms; a Gaussian d = 1, M = 1000 explicit generation about 6 us). It sizes a sweep to an
 * order of magnitude, no better: time {@code collapse run} of one cell for a real figure.
 */
final class CostModel {

  static final String BASIS =
      "10 ns per sample-dimension and 10 ns per category per generation, from"
          + " benchmarks/README.md; time `collapse run` of one cell for a real figure";

  private static final double SAMPLE_NS = 10;
  private static final double CATEGORY_NS = 10;

  private CostModel() {}

  static double chainSeconds(SweepConfig config, CellSpec cell) {
    double generations = config.generations() + 1.0;
    double m = cell.getInt("samples");
    double size = cell.getInt("model_size");
    double perGeneration;
    switch (cell.family()) {
      case "gaussian" ->
          perGeneration = m * SAMPLE_NS * size * size + size * size * size * CATEGORY_NS;
      case "categorical" -> perGeneration = m * SAMPLE_NS + size * CATEGORY_NS;
      default -> perGeneration = m * SAMPLE_NS * size;
    }
    return generations * perGeneration * 1e-9;
  }

  /**
   * A lower bound on the bytes one chain of {@code cell} holds at its peak: the truth, the model
   * and its sampling tables, one generation's samples (all generations' for accumulate-subsample,
   * which keeps the union). Counted from the arrays the families allocate: 8 bytes a double, 4 an
   * int.
   */
  static double chainBytes(SweepConfig config, CellSpec cell) {
    double m = cell.getInt("samples");
    double size = cell.getInt("model_size");
    boolean union = "accumulate-subsample".equals(String.valueOf(cell.get("regime")));
    double kept = union ? m * (config.generations() + 1.0) : m;
    return switch (cell.family()) {
      // truth, model, counts, alias probability and index, log tables: about 64 B a category
      case "categorical" -> 64 * size + 4 * kept;
      // samples (d doubles each) and a handful of d x d matrices (covariance, Cholesky, truth)
      case "gaussian" -> 8 * size * kept + 64 * size * size;
      // sparse transitions: about 48 B per observed (context, token) and a token per sample
      case "markov" -> 48 * (size + kept) + 4 * kept;
      // samples, responsibilities (K per sample) and K covariances (d x d)
      case "gmm" -> {
        double d = cell.has("dimension") ? cell.getInt("dimension") : 1;
        yield 8 * kept * (d + size) + 64 * size * d * d;
      }
      // the fixed design (rows x d), labels, and the normal equations (d x d)
      default -> 8 * kept * (size + 2) + 32 * size * size;
    };
  }

  static String show(Object value) {
    if (value instanceof ExogenousSchedule s) {
      return s.constantValue() != null ? String.valueOf(s.constantValue()) : s.describe();
    }
    return String.valueOf(value);
  }
}
