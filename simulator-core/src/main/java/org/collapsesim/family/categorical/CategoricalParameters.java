package org.collapsesim.family.categorical;

import java.util.List;
import org.collapsesim.config.Applicability;
import org.collapsesim.config.CellDraft;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.CountEstimator;
import org.collapsesim.config.LoadContext;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.config.ValueParsers;

/**
 * The categorical family's parameters (README, Families and metrics, §5): estimator with add-k
 * smoothing, decoding (temperature, top-k, top-p), metric settings (kl_eps, tail_fraction) and the
 * truth: zipf(s), uniform, or counts read from a file whose line count is the vocabulary size.
 */
final class CategoricalParameters {

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          CountEstimator.estimator("mle: counts / N; add-k: (counts + k) / (N + V k)"),
          CountEstimator.ADD_K,
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
              .withApplicability(Applicability.whenEquals("truth.distribution", "counts")),
          ParameterSpec.of(
                  "verifier.correct_mass",
                  "a category is correct when it is among the truth's most probable categories"
                      + " whose mass first reaches this (ties by index)",
                  "a number in (0, 1]",
                  ValueParsers.numberIn(0, false, 1, true))
              .withDefault(0.9)
              .withApplicability(SharedMechanism.whenOn("verifier")));

  static final List<CellRule> RULES = List.of(CategoricalParameters::readCountsFile);

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
    CountsFile file =
        context.readFile(written, null, cell.origin("truth.file"), problems, CountsFile::read);
    if (file != null) {
      cell.setTruthFromFile(written, file.counts().length, "lines", file.sha256(), file, problems);
    }
  }
}
