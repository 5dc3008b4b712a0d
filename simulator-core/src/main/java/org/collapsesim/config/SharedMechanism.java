package org.collapsesim.config;

import java.util.List;
import java.util.Map;

/**
 * The anchoring mechanisms the generation loop implements for any family (docs/theory.md,
 * "Anchoring mechanisms"): the entropy reservoir, the verifier and real-data weighting. A family
 * declares the ones it implements ({@link FamilyDefinition#mechanisms()}); their shared keys and
 * rules then join its parameter table, and it adds its own keys of them (the reservoir's
 * distribution, the verifier's correctness predicate) among its parameters with {@link
 * #whenOn(String)}. A mechanism of one family alone (the sequence family's program anchor) is
 * declared wholly in that family's package ({@link FamilyDefinition#ownMechanisms()}).
 *
 * <p>A mechanism is written as a nested map ({@code reservoir: {fraction: 0.05}}) under params or
 * in a variant, or as dotted keys ({@code reservoir.fraction}) anywhere, grid axes included: its
 * group is the prefix of its dotted keys. It is on in a cell when any of its keys is given, and
 * only then are its other keys completed with their defaults. A group's {@code fraction} key is its
 * share of D_new, taken after alpha_t and the shares before it in the family's table.
 */
public enum SharedMechanism {

  /** lambda_t M samples of a high-entropy source that is not the truth. */
  RESERVOIR(
      "reservoir",
      "reservoir: {fraction, ...}",
      "lambda_t M samples (cumulative rounding after alpha_t) of a high-entropy source that is not"
          + " the truth, drawn from the RESERVOIR stream",
      "keeps the family's paths: exact where the family has one (the reservoir's statistics are"
          + " drawn like the truth's), explicit otherwise",
      List.of(
          ParameterSpec.of(
                  "reservoir.fraction",
                  "lambda_t, the share of D_new drawn each generation from an entropy reservoir: a"
                      + " high-entropy source that is not the truth (the family's own: see"
                      + " anchoring mechanisms below); taken out of the synthetic share after"
                      + " alpha_t",
                  "a number in [0, 1], or a schedule as for alpha",
                  ExogenousSchedule::parse)
              .asRequired()
              .withApplicability(whenOn("reservoir"))),
      List.of()),

  /** A filter on the synthetic candidates with a per-family correctness predicate. */
  VERIFIER(
      "verifier",
      "verifier: {false_accept, false_reject, refill, max_draws, ...}",
      "each synthetic candidate x is kept with probability 1 - FNR if correct(x), else FPR (one"
          + " VERIFIER uniform per candidate); dropped samples shrink n_train unless refill, which"
          + " draws further candidates until the synthetic part is full or max_draws were tried; no"
          + " theory column",
      "without refill, exact in the families whose exact path thins statistics (binomial thinning"
          + " of the counts, c_i ~ Binomial(c_i, a_i)); otherwise explicit only: it filters raw"
          + " samples (with refill the kept counts would be a tilted multinomial, but the"
          + " candidates tried, which verifier_accept_rate and max_draws need, are a negative"
          + " binomial the project has no exact sampler for)",
      List.of(
          ParameterSpec.of(
                  "verifier.false_accept",
                  "FPR: the probability that the verifier accepts an incorrect synthetic sample",
                  "a number in [0, 1]",
                  Fractions.PARSER)
              .withDefault(0.0)
              .withApplicability(whenOn("verifier")),
          ParameterSpec.of(
                  "verifier.false_reject",
                  "FNR: the probability that the verifier rejects a correct synthetic sample",
                  "a number in [0, 1]",
                  Fractions.PARSER)
              .withDefault(0.0)
              .withApplicability(whenOn("verifier")),
          ParameterSpec.of(
                  "verifier.refill",
                  "draw further synthetic candidates until the synthetic part is full (else"
                      + " rejected samples shrink n_train)",
                  "true or false",
                  ValueParsers.bool())
              .withDefault(false)
              .withApplicability(whenOn("verifier")),
          ParameterSpec.of(
                  "verifier.max_draws",
                  "with refill, the candidates tried per generation before the synthetic part is"
                      + " left short (without refill every candidate is tried once)",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(100_000_000L)
              .withApplicability(whenOn("verifier"))),
      List.of(SharedMechanismRules::checkExactVerifier)),

  /** The weighted real/synthetic fit. */
  REAL_WEIGHT(
      "real_weight",
      "real_weight: w",
      "the fit weights the exogenous part w and the rest 1 - w, each normalised by its size: S ="
          + " n_train (w S_exo / n_exo + (1 - w) S_rest / n_rest) for additive statistics, per-sample"
          + " weights n_train w / n_exo and n_train (1 - w) / n_rest where the fit has no additive"
          + " statistics (regime replace, mixing count)",
      "keeps the family's paths: exact where the family has one (the parts' statistics are kept"
          + " apart), explicit otherwise",
      List.of(
          ParameterSpec.of(
              "real_weight",
              "w: from generation 1 on the fit weights the exogenous part w and the rest 1 - w,"
                  + " each part normalised by its size (the weighted real/synthetic estimator);"
                  + " absent: the pooled fit",
              "a number in [0, 1]",
              Fractions.PARSER)),
      List.of(SharedMechanismRules::checkRealWeight));

  private final String key;
  private final String syntax;
  private final String formula;
  private final String samplingPaths;
  private final List<ParameterSpec> parameters;
  private final List<CellRule> rules;

  SharedMechanism(
      String key,
      String syntax,
      String formula,
      String samplingPaths,
      List<ParameterSpec> parameters,
      List<CellRule> rules) {
    this.key = key;
    this.syntax = syntax;
    this.formula = formula;
    this.samplingPaths = samplingPaths;
    this.parameters = parameters;
    this.rules = rules;
  }

  /** The config key or group ({@code reservoir}, {@code verifier}, {@code real_weight}). */
  public String key() {
    return key;
  }

  /** Its keys every family that implements it shares. */
  List<ParameterSpec> parameters() {
    return parameters;
  }

  /** Its cell rules. */
  List<CellRule> rules() {
    return rules;
  }

  /** What {@code describe} says of it, with each implementing family's own note. */
  MechanismInfo describe(Map<String, String> notesByFamily) {
    return new MechanismInfo(syntax, formula, samplingPaths, notesByFamily);
  }

  /**
   * {@code reservoir.mean}, every coordinate of a Gaussian reservoir's mean (gaussian, gmm): one
   * spec for the families whose reservoir is N(mean, scale^2 I).
   */
  public static ParameterSpec reservoirMean() {
    return ParameterSpec.of(
            "reservoir.mean",
            "every coordinate of the reservoir's mean",
            "a finite number",
            ValueParsers.numberIn(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false))
        .withDefault(0.0)
        .withApplicability(whenOn("reservoir"));
  }

  /** {@code reservoir.scale}, a Gaussian reservoir's standard deviation, as {@code description}. */
  public static ParameterSpec reservoirScale(String description) {
    return ParameterSpec.of(
            "reservoir.scale", description, "a number > 0", ValueParsers.positiveNumber())
        .withDefault(3.0)
        .withApplicability(whenOn("reservoir"));
  }

  /** {@code verifier.radius}, a Euclidean verifier's acceptance radius, as {@code description}. */
  public static ParameterSpec verifierRadius(String description) {
    return ParameterSpec.of(
            "verifier.radius", description, "a number > 0", ValueParsers.positiveNumber())
        .withDefault(2.0)
        .withApplicability(whenOn("verifier"));
  }

  /**
   * Applies when mechanism group {@code group} is on in the cell (one of its keys given): for a
   * family's own keys of a mechanism ({@code verifier.radius}, {@code program.prior}).
   */
  public static Applicability whenOn(String group) {
    return new Applicability(group + " given", (family, params) -> on(group, params));
  }

  /** Whether a cell's (resolved) parameters turn mechanism {@code group} on. */
  static boolean on(String group, Map<String, Object> params) {
    for (String k : params.keySet()) {
      if (k.startsWith(group + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The mechanism group of a dotted key ({@code reservoir} for {@code reservoir.scale}), or null
   * for an undotted key or a truth parameter.
   */
  static String group(String parameter) {
    int dot = parameter.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String prefix = parameter.substring(0, dot);
    return "truth".equals(prefix) ? null : prefix;
  }

  /** Whether {@code parameter} is a mechanism's share of D_new ({@code group.fraction}). */
  static boolean isShareOfNew(String parameter) {
    return group(parameter) != null && parameter.endsWith(".fraction");
  }

  /** A fraction in [0, 1]. */
  private static final class Fractions {
    static final ValueParser PARSER = ValueParsers.numberIn(0, true, 1, true);
  }
}
