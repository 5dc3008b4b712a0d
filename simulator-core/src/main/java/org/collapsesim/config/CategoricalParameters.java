package org.collapsesim.config;

import java.util.List;

/**
 * The categorical family's parameters (README, Families and metrics, §5): estimator with add-k
 * smoothing, decoding (temperature, top-k, top-p), metric settings (kl_eps, tail_fraction) and the
 * truth: zipf(s), uniform, or counts read from a file whose line count is the vocabulary size.
 */
final class CategoricalParameters {

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "estimator",
                  "mle: counts / N; add-k: (counts + k) / (N + V k)",
                  "one of mle, add-k",
                  ValueParsers.oneOf("mle", "add-k"))
              .withDefault("mle"),
          ParameterSpec.of(
                  "add_k",
                  "k of the add-k estimator",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.0)
              .withApplicability(Applicability.whenEquals("estimator", "add-k")),
          ParameterSpec.of(
                  "temperature",
                  "decoding temperature: sample from p^(1/T), renormalized",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.0),
          ParameterSpec.of(
              "top_k",
              "decoding: keep the k most probable categories (off when absent)",
              "an integer >= 1",
              ValueParsers.integerAtLeast(1)),
          ParameterSpec.of(
                  "top_p",
                  "decoding: keep the smallest set of categories with mass >= p (nucleus)",
                  "a number in (0, 1]",
                  ValueParsers.numberIn(0, false, 1, true))
              .withDefault(1.0),
          ParameterSpec.of(
                  "kl_eps",
                  "eps of the smoothed model (c_i + eps) / (N + V eps) in kl_true_model",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(0.5),
          ParameterSpec.of(
                  "tail_fraction",
                  "the fraction of least probable true categories that tail_mass measures",
                  "a number in (0, 1]",
                  ValueParsers.numberIn(0, false, 1, true))
              .withDefault(0.1),
          ParameterSpec.of(
                  "truth.distribution",
                  "the true distribution P*",
                  "one of zipf, uniform, counts",
                  ValueParsers.oneOf("zipf", "uniform", "counts"))
              .withDefault("zipf")
              .asWorld(),
          ParameterSpec.of(
                  "truth.exponent",
                  "s of zipf(s): p_i proportional to i^-s",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.1)
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.distribution", "zipf")),
          ParameterSpec.of(
                  "truth.file",
                  "the counts file, relative to the config file: one non-negative integer count per line",
                  "a path",
                  ValueParsers.nonEmptyString())
              .asRequired()
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.distribution", "counts")));

  static final List<CellRule> RULES = List.of(CategoricalParameters::readCountsFile);

  static final List<String> METRICS =
      List.of(
          "entropy",
          "gini_simpson",
          "kl_true_model",
          "kl_model_true",
          "tv",
          "support",
          "tail_mass",
          "extinct");

  private CategoricalParameters() {}

  /**
   * Reads {@code truth.file} (once per load), records its hash as {@code truth.file_sha256}, and
   * sets {@code model_size} to its line count, or checks a given {@code model_size} against it.
   */
  private static void readCountsFile(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!(cell.get("truth.file") instanceof String written)) {
      return;
    }
    CountsFile file = context.countsFile(written, cell.origin("truth.file"), problems);
    if (file == null) {
      return;
    }
    long lines = file.counts().length;
    if (!cell.has("model_size")) {
      cell.params.put("model_size", lines);
    } else if (cell.get("model_size") instanceof Long v && v != lines) {
      problems.add(
          new ConfigProblem(
              cell.origin("model_size"),
              v
                  + " does not equal the "
                  + lines
                  + " lines of truth.file "
                  + ValueParsers.show(written)
                  + " (omit model_size to take it from the file)"));
    }
    cell.params.put("truth.file_sha256", file.sha256());
    cell.truthCounts = file.counts();
  }
}
