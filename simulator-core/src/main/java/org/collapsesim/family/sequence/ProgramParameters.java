package org.collapsesim.family.sequence;

import java.util.List;
import org.collapsesim.config.CellDraft;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.LoadContext;
import org.collapsesim.config.MechanismInfo;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.config.ValueParsers;

/**
 * The sequence family's mechanism keys: the verifier's tolerance and the program anchor (the
 * symbolic anchor of docs/families.md, "Sequence": {@link ProgramSource}), with their rules and
 * their description.
 */
final class ProgramParameters {

  private ProgramParameters() {}

  /** The longest block the CTM tables cover, and the default max_period for binary. */
  private static final long CTM_MAX_PERIOD = 12;

  /** The default max_period over more than two symbols. */
  private static final long MAX_PERIOD_OTHERWISE = 6;

  /** The most blocks a program space may hold (sum over w of |A|^w), as ProgramSpace allows. */
  private static final long MAX_PROGRAM_BLOCKS = 1 << 20;

  private static final org.collapsesim.config.Applicability PROGRAM =
      SharedMechanism.whenOn("program");

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "verifier.max_errors",
                  "a string is correct within this Hamming distance of the truth's noiseless"
                      + " output. Default round(L r), L = model_size, r = truth.noise",
                  "an integer >= 0",
                  ValueParsers.integerAtLeast(0))
              .withApplicability(SharedMechanism.whenOn("verifier")),
          ParameterSpec.of(
                  "program.fraction",
                  "beta_t, the share of D_new drawn each generation from the program anchor"
                      + " Gen(g-hat, r-hat) while its gate is on; taken out of the synthetic share"
                      + " after alpha_t and the reservoir",
                  "a number in [0, 1], or a schedule as for alpha",
                  ExogenousSchedule::parse)
              .asRequired()
              .withApplicability(PROGRAM),
          ParameterSpec.of(
                  "program.prior",
                  "c(b), the code of a block after its period's 2 ceil(log2(w + 1)) bits: ctm ="
                      + " CTM(b) from D(5) normalised over the blocks of its length (binary,"
                      + " max_period <= 12); length = w log2|A|; uniform = 0. Default ctm for"
                      + " alphabet 2, length otherwise",
                  "one of ctm, length, uniform",
                  ValueParsers.oneOf("ctm", "length", "uniform"))
              .withDefault("ctm")
              .withApplicability(PROGRAM),
          ParameterSpec.of(
                  "program.fit",
                  "what the program is fit on: once = D_0; exogenous = every exogenous sample so"
                      + " far, refit as new ones arrive; every-generation = the loop's own training"
                      + " data D_t",
                  "one of once, exogenous, every-generation",
                  ValueParsers.oneOf("once", "exogenous", "every-generation"))
              .withDefault("once")
              .withApplicability(PROGRAM),
          ParameterSpec.of(
                  "program.gate",
                  "switch the anchor off (its share to the synthetic part) unless its code plus"
                      + " the margin is at most both the positional learner's KT code and the"
                      + " uniform code",
                  "true or false",
                  ValueParsers.bool())
              .withDefault(true)
              .withApplicability(PROGRAM),
          ParameterSpec.of(
                  "program.margin",
                  "the gate's margin, in bits",
                  "a number >= 0",
                  ValueParsers.nonNegativeNumber())
              .withDefault(10.0)
              .withApplicability(PROGRAM),
          ParameterSpec.of(
                  "program.max_period",
                  "the longest block of the hypothesis space. Default 12 for alphabet 2 (the CTM"
                      + " tables' reach), 6 otherwise",
                  "an integer >= 1 (at most 12 with prior ctm; at most 2^20 blocks in all)",
                  ValueParsers.integerAtLeast(1))
              .withDefault(CTM_MAX_PERIOD)
              .withApplicability(PROGRAM));

  static final List<CellRule> RULES =
      List.of(ProgramParameters::checkVerifier, ProgramParameters::checkProgram);

  /** The program anchor as {@code describe} lists it. */
  static final MechanismInfo PROGRAM_ANCHOR =
      MechanismInfo.of(
          "sequence",
          "program: {fraction, prior, fit, gate, margin, max_period}",
          "the symbolic anchor (Zenil's algorithmic-probability anchoring): beta_t M samples"
              + " (cumulative rounding after alpha_t and lambda_t) from Gen(g-hat, r-hat), a"
              + " periodic program's output g-hat through the noise channel at its fitted rate"
              + " r-hat = k/n. g-hat minimises bits(g) + data(g) over the outputs of blocks b of"
              + " period w <= max_period with k/n <= (|A|-1)/|A|: bits(g) = -log2 sum_{tile(b) ="
              + " g} 2^-(2 ceil(log2(w+1)) + c(b)), c(b) = CTM(b) + log2 sum_{|s|=w} 2^-CTM(s)"
              + " (prior ctm: Coding Theorem Method, D(5) of Soler-Toscano, Zenil et al., PLoS"
              + " ONE 2014), w log2|A| (length) or 0 (uniform); data(g) = -log2[Gamma(k+1/2)"
              + " Gamma(n-k+1/2) / (pi Gamma(n+1))] - 1 + k log2(|A|-1) (Krichevsky-Trofimov"
              + " 1981); ties: shortest period, then smallest block. Gate: on iff bits + data +"
              + " margin <= min(sum over positions of the multinomial KT code of the counts, n"
              + " log2|A|), else its share goes to the synthetic part. Fit on D_0 (once), on all"
              + " exogenous samples so far (exogenous) or on D_t (every-generation). Diagnostics"
              + " for the program in force for generation t's draw (t = 0: the fit on D_0):"
              + " anchor_on, program_correct (g-hat = the truth's noiseless output; null for"
              + " markov), anchor_noise (r-hat), anchor_bits (bits + data); no theory column",
          "explicit only, like the family (the fit itself reads only per-position counts)");

  /**
   * The program anchor: the alphabet-dependent defaults (prior length and max_period 6 beyond
   * binary), the ctm prior's reach (binary, max_period <= 12) and the size of the hypothesis space.
   */
  private static void checkProgram(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!cell.has("program.prior") || !(cell.get("alphabet") instanceof Long alphabet)) {
      return;
    }
    if (alphabet != 2 && !cell.explicit("program.prior")) {
      cell.putDefault("program.prior", "length");
    }
    if (alphabet != 2 && !cell.explicit("program.max_period")) {
      cell.putDefault("program.max_period", MAX_PERIOD_OTHERWISE);
    }
    if (!(cell.get("program.max_period") instanceof Long maxPeriod)) {
      return;
    }
    if ("ctm".equals(cell.get("program.prior")) && (alphabet != 2 || maxPeriod > CTM_MAX_PERIOD)) {
      problems.add(
          new ConfigProblem(
              cell.origin("program.prior"),
              "ctm needs alphabet 2 and program.max_period <= "
                  + CTM_MAX_PERIOD
                  + " (the CTM tables' reach), but "
                  + cell.describe("alphabet")
                  + " and "
                  + cell.describe("program.max_period")
                  + "; use length or uniform"));
      return;
    }
    // sum over w = 1..max_period of |A|^w, in doubles: a size check, nothing random reads it
    double blocks = alphabet * (Math.pow(alphabet, maxPeriod) - 1) / (alphabet - 1);
    if (blocks > MAX_PROGRAM_BLOCKS) {
      problems.add(
          new ConfigProblem(
              cell.origin("program.max_period"),
              maxPeriod
                  + " gives more than "
                  + MAX_PROGRAM_BLOCKS
                  + " blocks over "
                  + cell.describe("alphabet")
                  + "; choose a shorter one"));
    }
  }

  /**
   * The sequence verifier compares strings with the truth's noiseless output, which only program
   * truths have; max_errors defaults to round(L r).
   */
  private static void checkVerifier(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!cell.has("verifier.false_accept") || !cell.has("truth.program")) {
      return;
    }
    if ("markov".equals(cell.get("truth.program"))) {
      problems.add(
          new ConfigProblem(
              cell.origin("verifier.false_accept"),
              "the sequence verifier needs a program truth (periodic or thue-morse: a noiseless"
                  + " output to compare with), but "
                  + cell.describe("truth.program")));
      return;
    }
    if (!cell.has("verifier.max_errors")
        && cell.get("model_size") instanceof Long length
        && cell.get("truth.noise") instanceof Number noise) {
      cell.putDefault("verifier.max_errors", Math.round(length * noise.doubleValue()));
    }
  }
}
