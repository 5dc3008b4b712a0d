package org.collapsesim.family.sequence;

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
 * The sequence family's parameters: strings of model_size = L symbols over an alphabet of |A|
 * symbols; the truth (a periodic program, Thue-Morse, or a persistent Markov chain, plus noise);
 * the positional learner's estimator; the metric setting kl_eps.
 */
final class SequenceParameters {

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "alphabet",
                  "|A|, the number of symbols (written 0-9, then a-z)",
                  "an integer in 2..36",
                  ValueParsers.integerAtLeast(2))
              .withDefault(2L)
              .asWorld(),
          CountEstimator.estimator(
              "positional learner, per position: mle: counts / M; add-k: (counts + k) / (M + |A| k)"),
          CountEstimator.ADD_K,
          ParameterSpec.of(
                  "kl_eps",
                  "eps of the smoothed model (c + eps) / (M + |A| eps) in kl_true_model",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(0.5),
          ParameterSpec.of(
                  "truth.program",
                  "the truth: periodic (truth.block repeated and cut to L), thue-morse (the Thue-Morse"
                      + " word's first L symbols, binary), markov (a stationary chain repeating the"
                      + " previous symbol with probability truth.stay)",
                  "one of periodic, thue-morse, markov",
                  ValueParsers.oneOf("periodic", "thue-morse", "markov"))
              .withDefault("periodic")
              .asWorld(),
          ParameterSpec.of(
                  "truth.block",
                  "the periodic truth's block, a string over the alphabet",
                  "a quoted string of symbols below alphabet, e.g. '0010111'",
                  SequenceParameters::parseBlock)
              .withDefault("0010111")
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.program", "periodic")),
          ParameterSpec.of(
                  "truth.noise",
                  "r: each symbol independently replaced by a uniformly chosen other symbol with"
                      + " probability r (periodic and thue-morse)",
                  "a number in [0, 1]",
                  ValueParsers.numberIn(0, true, 1, true))
              .withDefault(0.1)
              .asWorld()
              .withApplicability(
                  new Applicability(
                      "truth.program = periodic or thue-morse",
                      (family, params) -> !"markov".equals(params.get("truth.program")))),
          ParameterSpec.of(
                  "truth.stay",
                  "the markov truth's probability of repeating the previous symbol",
                  "a number in [0, 1]",
                  ValueParsers.numberIn(0, true, 1, true))
              .withDefault(0.9)
              .asWorld()
              .withApplicability(Applicability.whenEquals("truth.program", "markov")));

  static final List<CellRule> RULES = List.of(SequenceParameters::checkTruth);

  /** The largest alphabet: symbols are written as base-36 digits. */
  private static final long MAX_ALPHABET = 36;

  private SequenceParameters() {}

  /** A block is text: unquoted digits are read by YAML as a number, losing leading zeros. */
  private static Object parseBlock(Object raw, String path, List<ConfigProblem> problems) {
    if (raw instanceof String s && !s.isBlank()) {
      return s;
    }
    String hint =
        raw instanceof Number
            ? " (YAML read unquoted digits as a number: quote the block, e.g. '0010111')"
            : "";
    problems.add(new ConfigProblem(path, ValueParsers.show(raw) + " is not a string" + hint));
    return null;
  }

  /** The alphabet fits the digits; the block's symbols are in it; Thue-Morse is binary. */
  private static void checkTruth(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!(cell.get("alphabet") instanceof Long a)) {
      return;
    }
    if (a > MAX_ALPHABET) {
      problems.add(new ConfigProblem(cell.origin("alphabet"), a + " is not an integer in 2..36"));
      return;
    }
    if (cell.get("truth.block") instanceof String block) {
      for (int i = 0; i < block.length(); i++) {
        int symbol = Character.digit(block.charAt(i), Character.MAX_RADIX);
        if (!(symbol >= 0 && symbol < a)) {
          problems.add(
              new ConfigProblem(
                  cell.origin("truth.block"),
                  ValueParsers.show(block)
                      + " has symbol '"
                      + block.charAt(i)
                      + "', not in the alphabet 0.."
                      + Character.forDigit((int) (a - 1), Character.MAX_RADIX)
                      + " ("
                      + cell.describe("alphabet")
                      + ")"));
          return;
        }
      }
    }
    if ("thue-morse".equals(cell.get("truth.program")) && a != 2) {
      problems.add(
          new ConfigProblem(
              cell.origin("truth.program"),
              "thue-morse is binary; " + cell.describe("alphabet") + " is not 2"));
    }
  }
}
