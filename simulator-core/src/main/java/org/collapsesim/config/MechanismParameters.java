// Over 400 lines on purpose: every anchoring mechanism's keys, rules and description stay in one
// file until the family catalogue (issue 10) moves each family's mechanisms to its own package.
package org.collapsesim.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anchoring mechanisms' parameters and rules: the entropy reservoir, the verifier, real-data
 * weighting (docs/theory.md, "Anchoring mechanisms") and the program anchor (docs/families.md,
 * "Sequence"). A mechanism is written as a nested map ({@code reservoir: {fraction: 0.05}}) under
 * params or in a variant, or as dotted keys ({@code reservoir.fraction}) anywhere, grid axes
 * included; it is on in a cell when any of its keys is given, and only then are its other keys
 * completed with their defaults.
 *
 * <p>Which families implement which mechanism is declared here, once: validation, grid expansion
 * and {@code describe} all read it.
 */
final class MechanismParameters {

  /** The nested mechanism maps and their dotted prefix. */
  static final Set<String> GROUPS = Set.of("reservoir", "verifier", "program");

  private static final List<String> EVERY_FAMILY =
      List.of("gaussian", "categorical", "markov", "gmm", "linreg", "sequence");

  /** The families each mechanism is implemented for. */
  static final Map<String, List<String>> FAMILIES =
      Map.of(
          "reservoir", MechanismParameters.EVERY_FAMILY,
          "verifier", MechanismParameters.EVERY_FAMILY,
          "real_weight", MechanismParameters.EVERY_FAMILY,
          "program", List.of("sequence"));

  private MechanismParameters() {}

  /** The mechanisms as {@code describe} lists them, exogenous data first. */
  static List<MechanismInfo> descriptions() {
    List<String> all = EVERY_FAMILY;
    return List.of(
        new MechanismInfo(
            "alpha, fixed_anchor",
            "exogenous data: floor(F_1 M + 0.5) samples of the truth at t (fresh draws), or with"
                + " fixed_anchor: true the first of them reused from D_0 every generation",
            "fresh: explicit and exact; fixed: explicit only (the anchor reuses raw samples)",
            all),
        new MechanismInfo(
            "reservoir: {fraction, mean, scale}",
            "lambda_t M samples (cumulative rounding after alpha_t) of a high-entropy source that"
                + " is not the truth: uniform over the V categories (categorical); iid uniform"
                + " tokens cut into sequences, every transition key uniform (markov); uniform"
                + " strings (sequence); N(mean, scale^2 I) (gaussian, gmm); the design's rows with"
                + " labels N(0, scale^2) (linreg). Categorical E[GS] follows the real-data"
                + " recursion with the uniform in the truth's place (theory column)",
            "keeps the family's paths: exact where the family has one (categorical, gaussian: its"
                + " statistics are drawn like the truth's), explicit otherwise",
            FAMILIES.get("reservoir")),
        new MechanismInfo(
            "verifier: {false_accept, false_reject, refill, max_draws, correct_mass | radius |"
                + " max_errors}",
            "each synthetic candidate x is kept with probability 1 - FNR if correct(x), else FPR"
                + " (one VERIFIER uniform per candidate); correct: the truth's top categories of"
                + " mass correct_mass (categorical); a transition of non-zero truth probability"
                + " (markov: a sample is a transition, so a sequence survives whole iff every"
                + " transition is valid); Mahalanobis distance <= radius in Sigma* (gaussian), to"
                + " the nearest truth component in its own covariance (gmm); |y - x.w*| <= radius"
                + " noise (linreg; refill relabels the rejected row); Hamming distance <="
                + " max_errors (default round(L r)) to the truth's noiseless output (sequence,"
                + " program truths); dropped samples shrink n_train unless refill; no theory"
                + " column",
            "categorical without refill: explicit and exact (binomial thinning of the counts,"
                + " c_i ~ Binomial(c_i, a_i)); otherwise explicit only: it filters raw samples (with"
                + " refill the kept counts would be a tilted multinomial, but the candidates tried,"
                + " which verifier_accept_rate and max_draws need, are a negative binomial the"
                + " project has no exact sampler for)",
            FAMILIES.get("verifier")),
        new MechanismInfo(
            "real_weight: w",
            "the fit weights the exogenous part w and the rest 1 - w, each normalised by its size:"
                + " S = n_train (w S_exo / n_exo + (1 - w) S_rest / n_rest) for additive statistics"
                + " (categorical, markov and sequence counts, gaussian moments, linreg's X^T X and"
                + " X^T y), per-sample weights n_train w / n_exo and n_train (1 - w) / n_rest in EM"
                + " (gmm; k-means++ seeding unweighted) (regime replace, mixing count; gaussian"
                + " mle); theory columns for the categorical and gaussian",
            "keeps the family's paths: exact where the family has one (the parts' statistics are"
                + " kept apart), explicit otherwise",
            FAMILIES.get("real_weight")),
        new MechanismInfo(
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
            "explicit only, like the family (the fit itself reads only per-position counts)",
            FAMILIES.get("program")));
  }

  /**
   * The group of a dotted mechanism key ({@code reservoir} for {@code reservoir.scale}), or null.
   */
  static String group(String key) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String prefix = key.substring(0, dot);
    return GROUPS.contains(prefix) ? prefix : null;
  }

  /** Whether a cell's (resolved) parameters turn mechanism {@code group} on. */
  static boolean on(String group, Map<String, Object> params) {
    for (String key : params.keySet()) {
      if (key.startsWith(group + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Applicability whenOn(String group, List<String> families) {
    return new Applicability(
        group + " given, family in " + String.join(", ", families),
        (family, params) -> families.contains(family) && on(group, params));
  }

  private static Applicability reservoir(String... families) {
    List<String> implemented = FAMILIES.get("reservoir");
    List<String> allowed = List.of(families).stream().filter(implemented::contains).toList();
    return whenOn("reservoir", allowed);
  }

  private static final Applicability VERIFIER = whenOn("verifier", FAMILIES.get("verifier"));

  private static Applicability verifierOf(String... families) {
    return whenOn("verifier", List.of(families));
  }

  private static final Applicability PROGRAM = whenOn("program", FAMILIES.get("program"));

  /** The longest block the CTM tables cover, and the default max_period for binary. */
  private static final long CTM_MAX_PERIOD = 12;

  /** The default max_period over more than two symbols. */
  private static final long MAX_PERIOD_OTHERWISE = 6;

  /** The most blocks a program space may hold (sum over w of |A|^w), as ProgramSpace allows. */
  private static final long MAX_PROGRAM_BLOCKS = 1 << 20;

  private static final ValueParser FRACTION = ValueParsers.numberIn(0, true, 1, true);

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "reservoir.fraction",
                  "lambda_t, the share of D_new drawn each generation from an entropy reservoir: a"
                      + " high-entropy source that is not the truth (categorical: uniform over the"
                      + " V categories; gaussian: N(reservoir.mean, reservoir.scale^2 I)); taken"
                      + " out of the synthetic share after alpha_t",
                  "a number in [0, 1], or a schedule as for alpha",
                  ExogenousSchedule::parse)
              .asRequired()
              .withApplicability(
                  reservoir("categorical", "markov", "gaussian", "gmm", "linreg", "sequence")),
          ParameterSpec.of(
                  "reservoir.mean",
                  "every coordinate of the reservoir's mean",
                  "a finite number",
                  ValueParsers.numberIn(
                      Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false))
              .withDefault(0.0)
              .withApplicability(reservoir("gaussian", "gmm")),
          ParameterSpec.of(
                  "reservoir.scale",
                  "s, the reservoir's standard deviation per coordinate (linreg: of its pure-noise"
                      + " labels)",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(3.0)
              .withApplicability(reservoir("gaussian", "gmm", "linreg")),
          ParameterSpec.of(
                  "verifier.false_accept",
                  "FPR: the probability that the verifier accepts an incorrect synthetic sample",
                  "a number in [0, 1]",
                  FRACTION)
              .withDefault(0.0)
              .withApplicability(VERIFIER),
          ParameterSpec.of(
                  "verifier.false_reject",
                  "FNR: the probability that the verifier rejects a correct synthetic sample",
                  "a number in [0, 1]",
                  FRACTION)
              .withDefault(0.0)
              .withApplicability(VERIFIER),
          ParameterSpec.of(
                  "verifier.refill",
                  "draw further synthetic candidates until the synthetic part is full (else"
                      + " rejected samples shrink n_train)",
                  "true or false",
                  ValueParsers.bool())
              .withDefault(false)
              .withApplicability(VERIFIER),
          ParameterSpec.of(
                  "verifier.max_draws",
                  "with refill, the candidates tried per generation before the synthetic part is"
                      + " left short",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(100_000_000L)
              .withApplicability(VERIFIER),
          ParameterSpec.of(
                  "verifier.correct_mass",
                  "a category is correct when it is among the truth's most probable categories"
                      + " whose mass first reaches this (ties by index)",
                  "a number in (0, 1]",
                  ValueParsers.numberIn(0, false, 1, true))
              .withDefault(0.9)
              .withApplicability(verifierOf("categorical")),
          ParameterSpec.of(
                  "verifier.radius",
                  "c: a sample is correct when its Mahalanobis distance to the truth's mean, in"
                      + " Sigma*, is at most c (gmm: to the nearest truth component, in its own"
                      + " covariance; linreg: when |y - x.w*| <= c noise)",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(2.0)
              .withApplicability(verifierOf("gaussian", "gmm", "linreg")),
          ParameterSpec.of(
                  "verifier.max_errors",
                  "a string is correct within this Hamming distance of the truth's noiseless"
                      + " output. Default round(L r), L = model_size, r = truth.noise",
                  "an integer >= 0",
                  ValueParsers.integerAtLeast(0))
              .withApplicability(verifierOf("sequence")),
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
              .withApplicability(PROGRAM),
          ParameterSpec.of(
                  "real_weight",
                  "w: from generation 1 on the fit weights the exogenous part w and the rest 1 -"
                      + " w, each part normalised by its size (the weighted real/synthetic"
                      + " estimator); absent: the pooled fit",
                  "a number in [0, 1]",
                  FRACTION)
              .withApplicability(
                  new Applicability(
                      "family in " + String.join(", ", FAMILIES.get("real_weight")),
                      (family, params) -> FAMILIES.get("real_weight").contains(family))));

  static final List<CellRule> RULES =
      List.of(
          MechanismParameters::checkRealWeight,
          MechanismParameters::checkExactPaths,
          MechanismParameters::checkSequenceVerifier,
          MechanismParameters::checkProgram);

  /** The fraction of source {@code key} at generation t (0 when absent). */
  static double fraction(CellDraft cell, String key, int t) {
    return cell.get(key) instanceof ExogenousSchedule s ? s.alpha(t) : 0.0;
  }

  /**
   * real_weight needs regime replace, count mixing, the mle estimator for the gaussian, and at
   * least one exogenous and one other sample in every generation 1..G (else a part's weight has no
   * samples to sit on).
   */
  private static void checkRealWeight(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!cell.has("real_weight")) {
      return;
    }
    String where = cell.origin("real_weight");
    if (!"replace".equals(cell.get("regime"))) {
      problems.add(
          new ConfigProblem(
              where,
              "needs regime replace, but "
                  + cell.describe("regime")
                  + " (weighting reweights D_new)"));
    }
    if (!"count".equals(cell.get("mixing"))) {
      problems.add(
          new ConfigProblem(
              where,
              "needs mixing count, but "
                  + cell.describe("mixing")
                  + " (each part's size must be fixed)"));
    }
    if (cell.has("estimator") && "unbiased".equals(cell.get("estimator"))) {
      problems.add(
          new ConfigProblem(where, "needs estimator mle, but " + cell.describe("estimator")));
    }
    if (context.generations() == null || !(cell.get("samples") instanceof Long samples)) {
      return;
    }
    for (int t = 1; t <= context.generations(); t++) {
      double alpha = fraction(cell, "alpha", t);
      int[] n =
          CountMixing.counts(
              samples.intValue(), new double[] {alpha, fraction(cell, "reservoir.fraction", t)});
      if (n[0] < 1 || n[0] == samples) {
        problems.add(
            new ConfigProblem(
                where,
                "needs at least one exogenous and one other sample in every generation, but"
                    + " generation "
                    + t
                    + " has "
                    + n[0]
                    + " exogenous of "
                    + samples
                    + " (alpha_"
                    + t
                    + " = "
                    + alpha
                    + ")"));
        return;
      }
    }
  }

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
  private static void checkSequenceVerifier(
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

  /** Which mechanisms have an exact (sufficient-statistics) path: see {@code describe}. */
  private static void checkExactPaths(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!"exact".equals(context.sampling())) {
      return;
    }
    if (cell.has("verifier.false_accept")
        && (!context.catalogue().exactVerifierFamilies().contains(cell.family)
            || Boolean.TRUE.equals(cell.get("verifier.refill")))) {
      problems.add(
          new ConfigProblem(
              context.samplingPath(),
              "\"exact\" has no exact path with this verifier ("
                  + cell.origin("verifier.false_accept")
                  + ": only a verifier without refill in "
                  + context.catalogue().exactVerifierFamilies()
                  + " thins statistics exactly; a refill's candidates tried need the samples);"
                  + " use auto or explicit"));
    }
  }
}
