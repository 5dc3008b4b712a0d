package org.collapsesim.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parameters of the generation loop shared by every family (the generation loop
 * (docs/architecture.md), §5): capacity, sample size, exogenous schedule, mixing, regime and the
 * fixed anchor, with the cell rules that tie them together.
 */
final class CommonParameters {

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "model_size",
                  "the family's capacity: dimension d (gaussian, linreg), vocabulary V (categorical, markov), components K (gmm)",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .asRequired()
              .asWorld(),
          ParameterSpec.of(
                  "samples",
                  "M, the samples drawn per generation",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .asRequired()
              .asWorld(),
          ParameterSpec.of(
                  "alpha",
                  "the exogenous fraction alpha_t drawn from the truth each generation",
                  "a number in [0, 1], or {schedule: exponential, alpha0, rate} | {schedule: power, alpha0, exponent}"
                      + " | {schedule: step, alpha0, until} | {schedule: list, values: [...]}",
                  ExogenousSchedule::parse)
              .withDefault(new ExogenousSchedule.Constant(0.0)),
          ParameterSpec.of(
                  "mixing",
                  "count: exactly round(alpha_t M) exogenous samples; per-sample: each sample's source drawn",
                  "one of count, per-sample",
                  ValueParsers.oneOf("count", "per-sample"))
              .withDefault("count"),
          ParameterSpec.of(
                  "regime",
                  "what each generation trains on",
                  "one of replace, accumulate, accumulate-subsample, window",
                  ValueParsers.oneOf("replace", "accumulate", "accumulate-subsample", "window"))
              .withDefault("replace"),
          ParameterSpec.of(
                  "window",
                  "w, the generations of data kept by regime window",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .asRequired()
              .withApplicability(Applicability.whenEquals("regime", "window")),
          ParameterSpec.of(
                  "fixed_anchor",
                  "draw the exogenous samples once and reuse them every generation",
                  "true or false",
                  ValueParsers.bool())
              .withDefault(false));

  static final List<CellRule> RULES =
      List.of(
          CommonParameters::checkListScheduleLength,
          CommonParameters::checkExogenousShare,
          CommonParameters::checkExactSampling);

  private CommonParameters() {}

  /** The exogenous data as {@code describe} lists them among the mechanisms, for every family. */
  static MechanismInfo exogenousData(List<String> families) {
    Map<String, String> notes = new LinkedHashMap<>();
    families.forEach(f -> notes.put(f, ""));
    return new MechanismInfo(
        "alpha, fixed_anchor",
        "exogenous data: floor(F_1 M + 0.5) samples of the truth at t (fresh draws), or with"
            + " fixed_anchor: true the first of them reused from D_0 every generation",
        "fresh: explicit and exact; fixed: explicit only (the anchor reuses raw samples)",
        notes);
  }

  /**
   * The keys of the shares of D_new taken out of the synthetic share after alpha_t in a cell of
   * this family: alpha_t plus these must not exceed 1 (the generation loop (docs/architecture.md)).
   */
  private static List<String> sharesOfNew(CellDraft cell, LoadContext context) {
    return context.catalogue().family(cell.family).sharesOfNew();
  }

  private static void checkListScheduleLength(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    for (String key :
        Stream.concat(Stream.of("alpha"), sharesOfNew(cell, context).stream()).toList()) {
      if (context.generations() != null
          && cell.get(key) instanceof ExogenousSchedule.ListSchedule list
          && list.length() < context.generations()) {
        problems.add(
            new ConfigProblem(
                cell.origin(key),
                list.describe()
                    + " has "
                    + list.length()
                    + " values, fewer than generations = "
                    + context.generations()
                    + " (values[0] is t = 1)"));
      }
    }
  }

  /**
   * alpha_t plus the anchor fractions must not exceed 1 for any t in 1..G (the generation loop
   * (docs/architecture.md)).
   */
  private static void checkExogenousShare(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (context.generations() == null || !(cell.get("alpha") instanceof ExogenousSchedule)) {
      return;
    }
    for (int t = 1; t <= context.generations(); t++) {
      if (!withinSchedules(cell, context, t)) {
        return; // a short list schedule, reported by checkListScheduleLength
      }
      double total = SharedMechanismRules.fraction(cell, "alpha", t);
      StringBuilder parts = new StringBuilder("alpha_" + t + " = " + total);
      for (String key : sharesOfNew(cell, context)) {
        if (cell.has(key)) {
          double f = SharedMechanismRules.fraction(cell, key, t);
          total += f;
          parts.append(" plus ").append(key).append("_").append(t).append(" = ").append(f);
        }
      }
      if (!(total <= 1)) {
        String where =
            sharesOfNew(cell, context).stream()
                .filter(cell::has)
                .map(cell::origin)
                .reduce(cell.origin("alpha"), (a, b) -> a + ", " + b);
        problems.add(
            new ConfigProblem(
                where,
                where.equals(cell.origin("alpha"))
                    ? "alpha_"
                        + t
                        + " = "
                        + total
                        + " is more than 1 (alpha_t must stay in [0, 1]"
                        + " for every t <= generations = "
                        + context.generations()
                        + ")"
                    : parts + " is " + total + ", more than 1 (the sources share M)"));
        return;
      }
    }
  }

  private static boolean withinSchedules(CellDraft cell, LoadContext context, int t) {
    for (String key :
        Stream.concat(Stream.of("alpha"), sharesOfNew(cell, context).stream()).toList()) {
      if (cell.get(key) instanceof ExogenousSchedule.ListSchedule list && t > list.length()) {
        return false;
      }
    }
    return true;
  }

  /**
   * accumulate-subsample needs the raw samples, so it has no exact sufficient-statistics path
   * (docs/internals.md, "Exact paths").
   */
  private static void checkExactSampling(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!"exact".equals(context.sampling())) {
      return;
    }
    List<String> exact = context.catalogue().exactPathFamilies();
    if (!exact.contains(cell.family)) {
      problems.add(
          new ConfigProblem(
              context.samplingPath(),
              "\"exact\" has no exact path for family "
                  + cell.family
                  + (exact.isEmpty()
                      ? " (no family has one)"
                      : " (only " + String.join(", ", new java.util.TreeSet<>(exact)) + ")")
                  + "; use auto or explicit"));
    } else if ("accumulate-subsample".equals(cell.get("regime"))) {
      problems.add(
          new ConfigProblem(
              context.samplingPath(),
              "\"exact\" has no exact path for regime = accumulate-subsample ("
                  + cell.origin("regime")
                  + "); use auto or explicit"));
    } else if (Boolean.TRUE.equals(cell.get("fixed_anchor"))) {
      problems.add(
          new ConfigProblem(
              context.samplingPath(),
              "\"exact\" has no exact path with fixed_anchor = true ("
                  + cell.origin("fixed_anchor")
                  + ": the anchor reuses raw samples); use auto or explicit"));
    }
  }
}
