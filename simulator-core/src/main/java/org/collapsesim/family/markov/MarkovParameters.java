package org.collapsesim.family.markov;

import java.util.List;
import org.collapsesim.config.Applicability;
import org.collapsesim.config.CellDraft;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.CountEstimator;
import org.collapsesim.config.LoadContext;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.ValueParsers;

/**
 * The markov family's parameters (README, Families and metrics, §5): the order k, the training
 * sequences, the estimator with add-k smoothing, decoding (temperature, top-k, top-p), metric
 * settings (kl_eps, heldout_tokens) and the truth: a random sparse table with Dirichlet rows, or
 * the chain of a UTF-8 text file tokenized as characters or words (whose vocabulary is model_size).
 */
final class MarkovParameters {

  /** Transition keys context * V + token are longs: V^(k+1) must stay below this. */
  static final long MAX_KEY_SPACE = 1L << 62;

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "order",
                  "k, the number of preceding tokens a transition conditions on (contexts V^k)",
                  "an integer >= 0",
                  ValueParsers.integerAtLeast(0))
              .withDefault(1L)
              .asWorld(),
          ParameterSpec.of(
                  "sequence_length",
                  "tokens per training sequence; each generation's M tokens are cut into sequences of this length,"
                      + " each started in a context drawn from the source's context distribution",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(64L)
              .asWorld(),
          CountEstimator.estimator("mle: n(c, y) / N(c); add-k: (n(c, y) + k) / (N(c) + V k)"),
          CountEstimator.ADD_K,
          ParameterSpec.of(
                  "temperature",
                  "decoding temperature: each row sampled from p^(1/T), renormalized",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.0),
          ParameterSpec.of(
              "top_k",
              "decoding: keep the k most probable next tokens of each row (off when absent)",
              "an integer >= 1",
              ValueParsers.integerAtLeast(1)),
          ParameterSpec.of(
                  "top_p",
                  "decoding: keep the smallest set of next tokens with mass >= p (nucleus)",
                  "a number in (0, 1]",
                  ValueParsers.numberIn(0, false, 1, true))
              .withDefault(1.0),
          ParameterSpec.of(
                  "kl_eps",
                  "eps of the smoothed model (n(c, y) + eps) / (N(c) + V eps) in kl_rate and perplexity",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(0.5),
          ParameterSpec.of(
                  "heldout_tokens",
                  "tokens of held-out truth text that perplexity is measured on",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(10_000L),
          ParameterSpec.of(
                  "truth.source",
                  "the true chain P*: a random sparse Dirichlet table, or a text file",
                  "one of dirichlet, text",
                  ValueParsers.oneOf("dirichlet", "text"))
              .withDefault("dirichlet")
              .asWorld(),
          ParameterSpec.of(
                  "truth.concentration",
                  "a of the Dirichlet(a, ..., a) weights of each row",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(0.5)
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.source", "dirichlet")),
          ParameterSpec.of(
                  "truth.row_support",
                  "next tokens per row of the random table (min(row_support, V)); the token after the context's last"
                      + " (t + 1 mod V) is always one, which makes the table irreducible",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(5L)
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.source", "dirichlet")),
          ParameterSpec.of(
                  "truth.file",
                  "a UTF-8 text file, relative to the config file; P* is its maximum likelihood chain read cyclically",
                  "a path",
                  ValueParsers.nonEmptyString())
              .asRequired()
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.source", "text")),
          ParameterSpec.of(
                  "truth.tokens",
                  "how the text is tokenized: Unicode characters, or whitespace-separated words",
                  "one of chars, words",
                  ValueParsers.oneOf("chars", "words"))
              .withDefault("chars")
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.source", "text")));

  static final List<CellRule> RULES =
      List.of(MarkovParameters::readTextFile, MarkovParameters::checkKeySpace);

  private MarkovParameters() {}

  /**
   * Reads and tokenizes {@code truth.file} (once per load), records its hash as {@code
   * truth.file_sha256}, and sets {@code model_size} to its vocabulary, or checks a given {@code
   * model_size} against it.
   */
  private static void readTextFile(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!(cell.get("truth.file") instanceof String written)
        || !(cell.get("truth.tokens") instanceof String mode)) {
      return;
    }
    TextFile file =
        context.readFile(
            written,
            mode,
            cell.origin("truth.file"),
            problems,
            (path, shown, at, found) -> TextFile.read(path, mode, shown, at, found));
    if (file != null) {
      cell.setTruthFromFile(
          written, file.vocabulary(), "distinct " + mode, file.sha256(), file, problems);
    }
  }

  /** V^(k+1) transition keys must fit in a long. */
  private static void checkKeySpace(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!(cell.get("model_size") instanceof Long v) || !(cell.get("order") instanceof Long k)) {
      return;
    }
    long space = 1;
    for (long i = 0; i <= k; i++) {
      if (space > MAX_KEY_SPACE / v) {
        problems.add(
            new ConfigProblem(
                cell.origin("order"),
                "model_size^(order + 1) = "
                    + v
                    + "^"
                    + (k + 1)
                    + " transition keys exceed 2^62 ("
                    + cell.describe("order")
                    + ", "
                    + cell.describe("model_size")
                    + ")"));
        return;
      }
      space *= v;
    }
  }
}
