package org.collapsesim.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The exogenous fraction alpha_t of each generation (README, Anchoring mechanisms): the share of
 * generation t's samples drawn from the truth rather than from the previous model. Every schedule
 * gives alpha_0 = 1 (generation 0 is fitted on truth samples only) and alpha_1 = alpha0.
 *
 * <ul>
 *   <li>{@link Constant}: alpha for every t >= 1;
 *   <li>{@link Exponential}: alpha0 * rate^(t-1);
 *   <li>{@link Power}: alpha0 * t^-exponent;
 *   <li>{@link Step}: alpha0 for t <= until, 0 after;
 *   <li>{@link ListSchedule}: values[t-1], given for at least G generations.
 * </ul>
 *
 * <p>Powers are computed with {@link StrictMath#pow}, whose result is specified bit for bit, so
 * alpha_t does not depend on the JIT or the CPU (README, Random streams and determinism).
 */
public sealed interface ExogenousSchedule {

  /**
   * alpha_t, the exogenous fraction of generation {@code t}; 1 for t = 0.
   *
   * @throws IllegalArgumentException if t is negative, or beyond the values of a list schedule
   */
  double alpha(int t);

  /** alpha for a {@link Constant} schedule (the {@code alpha} output column), null otherwise. */
  default Double constantValue() {
    return null;
  }

  /**
   * The canonical short text of the schedule for the {@code alpha_schedule} output column, e.g.
   * {@code constant(0.1)}, {@code exponential(alpha0=0.5,rate=0.9)}.
   */
  String describe();

  /** The schedule as a sorted map of plain values, the form hashed into cell ids. */
  Map<String, Object> canonicalForm();

  /** alpha_t = alpha for every t >= 1. */
  record Constant(double alpha) implements ExogenousSchedule {
    public Constant {
      checkFraction("alpha", alpha);
    }

    @Override
    public double alpha(int t) {
      return t == 0 ? 1.0 : checkT(t, alpha);
    }

    @Override
    public Double constantValue() {
      return alpha;
    }

    @Override
    public String describe() {
      return "constant(" + CanonicalJson.formatDouble(alpha) + ")";
    }

    @Override
    public Map<String, Object> canonicalForm() {
      return form("constant", "alpha", alpha);
    }
  }

  /**
   * alpha_t = alpha0 * rate^(t-1), computed as {@code alpha0 * StrictMath.pow(rate, t - 1)} (one
   * specified power rather than t - 1 rounded multiplications, so alpha_t is exact to the ulp and
   * costs the same for every t).
   */
  record Exponential(double alpha0, double rate) implements ExogenousSchedule {
    public Exponential {
      checkFraction("alpha0", alpha0);
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("rate " + rate + " is not a finite number >= 0");
      }
    }

    @Override
    public double alpha(int t) {
      // alpha0 = 0 stays 0 even where a large rate overflows (0 * Infinity would be NaN)
      return t == 0 ? 1.0 : checkT(t, alpha0 == 0 ? 0.0 : alpha0 * StrictMath.pow(rate, t - 1));
    }

    @Override
    public String describe() {
      return "exponential(alpha0="
          + CanonicalJson.formatDouble(alpha0)
          + ",rate="
          + CanonicalJson.formatDouble(rate)
          + ")";
    }

    @Override
    public Map<String, Object> canonicalForm() {
      return form("exponential", "alpha0", alpha0, "rate", rate);
    }
  }

  /** alpha_t = alpha0 * t^-exponent, computed with {@link StrictMath#pow}. */
  record Power(double alpha0, double exponent) implements ExogenousSchedule {
    public Power {
      checkFraction("alpha0", alpha0);
      if (!Double.isFinite(exponent)) {
        throw new IllegalArgumentException("exponent " + exponent + " is not a finite number");
      }
    }

    @Override
    public double alpha(int t) {
      return t == 0 ? 1.0 : checkT(t, alpha0 == 0 ? 0.0 : alpha0 * StrictMath.pow(t, -exponent));
    }

    @Override
    public String describe() {
      return "power(alpha0="
          + CanonicalJson.formatDouble(alpha0)
          + ",exponent="
          + CanonicalJson.formatDouble(exponent)
          + ")";
    }

    @Override
    public Map<String, Object> canonicalForm() {
      return form("power", "alpha0", alpha0, "exponent", exponent);
    }
  }

  /**
   * alpha_t = alpha0 for 1 <= t <= until, 0 after. {@code until >= 1}, so that alpha_1 = alpha0
   * holds for this schedule too ({@code until = 0} would be the constant 0).
   */
  record Step(double alpha0, int until) implements ExogenousSchedule {
    public Step {
      checkFraction("alpha0", alpha0);
      if (until < 1) {
        throw new IllegalArgumentException("until " + until + " is not an integer >= 1");
      }
    }

    @Override
    public double alpha(int t) {
      return t == 0 ? 1.0 : checkT(t, t <= until ? alpha0 : 0.0);
    }

    @Override
    public String describe() {
      return "step(alpha0=" + CanonicalJson.formatDouble(alpha0) + ",until=" + until + ")";
    }

    @Override
    public Map<String, Object> canonicalForm() {
      return form("step", "alpha0", alpha0, "until", (long) until);
    }
  }

  /** alpha_t = values[t - 1] for 1 <= t <= values.length. The array is copied in and out. */
  record ListSchedule(double[] values) implements ExogenousSchedule {
    public ListSchedule {
      if (values.length == 0) {
        throw new IllegalArgumentException("a list schedule needs at least one value");
      }
      values = values.clone();
      for (int i = 0; i < values.length; i++) {
        checkFraction("values[" + i + "]", values[i]);
      }
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** The number of generations the list covers. */
    public int length() {
      return values.length;
    }

    @Override
    public double alpha(int t) {
      if (t == 0) {
        return 1.0;
      }
      if (t > values.length) {
        throw new IllegalArgumentException(
            "generation " + t + " is beyond the " + values.length + " values of the list schedule");
      }
      return checkT(t, values[t - 1]);
    }

    @Override
    public String describe() {
      StringJoiner joiner = new StringJoiner(",", "list(", ")");
      for (double value : values) {
        joiner.add(CanonicalJson.formatDouble(value));
      }
      return joiner.toString();
    }

    @Override
    public Map<String, Object> canonicalForm() {
      List<Double> list = new ArrayList<>(values.length);
      for (double value : values) {
        list.add(value);
      }
      return form("list", "values", List.copyOf(list));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ListSchedule that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "ListSchedule" + Arrays.toString(values);
    }
  }

  /**
   * Reads an {@code alpha} value of a config: a number in [0, 1] (constant), or a map {@code
   * {schedule: constant|exponential|power|step|list, ...}}. The minimum length of a list schedule
   * (G) is checked by the caller, which knows G.
   *
   * @param yamlValue the value as loaded from YAML
   * @param path the key path, e.g. {@code grid.alpha[1]}
   * @param problems where problems are added
   * @return the schedule, or null after adding at least one problem
   */
  static ExogenousSchedule parse(Object yamlValue, String path, List<ConfigProblem> problems) {
    if (yamlValue instanceof Number) {
      Double alpha = fraction(yamlValue, path, problems);
      return alpha == null ? null : new Constant(alpha);
    }
    if (!(yamlValue instanceof Map<?, ?> map)) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(yamlValue)
                  + " is not a number in [0, 1] or a schedule {schedule: exponential|power|step|list, ...}"));
      return null;
    }
    Object kind = map.get("schedule");
    List<String> keys;
    if ("constant".equals(kind)) {
      keys = List.of("schedule", "alpha");
    } else if ("exponential".equals(kind)) {
      keys = List.of("schedule", "alpha0", "rate");
    } else if ("power".equals(kind)) {
      keys = List.of("schedule", "alpha0", "exponent");
    } else if ("step".equals(kind)) {
      keys = List.of("schedule", "alpha0", "until");
    } else if ("list".equals(kind)) {
      keys = List.of("schedule", "values");
    } else {
      problems.add(
          new ConfigProblem(
              path + ".schedule",
              (kind == null ? "is missing" : ValueParsers.show(kind) + " is not")
                  + " one of constant, exponential, power, step, list"));
      return null;
    }
    int before = problems.size();
    for (Object key : map.keySet()) {
      if (!keys.contains(String.valueOf(key))) {
        problems.add(
            new ConfigProblem(
                path + "." + key,
                "unknown key for schedule "
                    + kind
                    + " (allowed: "
                    + String.join(", ", keys)
                    + ")"));
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    for (String key : keys) {
      if (map.get(key) == null) {
        missing.add(key);
      }
    }
    for (String key : missing) {
      problems.add(new ConfigProblem(path + "." + key, "is required for schedule " + kind));
    }
    if (!missing.isEmpty()) {
      return null;
    }
    ExogenousSchedule schedule =
        switch ((String) kind) {
          case "constant" -> {
            Double alpha = fraction(map.get("alpha"), path + ".alpha", problems);
            yield alpha == null ? null : new Constant(alpha);
          }
          case "exponential" -> {
            Double alpha0 = fraction(map.get("alpha0"), path + ".alpha0", problems);
            // rate > 1 (a growing share) is allowed while alpha_t stays <= 1 up to G: the config
            // loader checks every alpha_t of 1..G against the anchor fractions
            Double rate =
                (Double)
                    ValueParsers.nonNegativeNumber()
                        .parse(map.get("rate"), path + ".rate", problems);
            yield alpha0 == null || rate == null ? null : new Exponential(alpha0, rate);
          }
          case "power" -> {
            Double alpha0 = fraction(map.get("alpha0"), path + ".alpha0", problems);
            Double exponent =
                (Double)
                    ValueParsers.numberIn(
                            Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
                        .parse(map.get("exponent"), path + ".exponent", problems);
            yield alpha0 == null || exponent == null ? null : new Power(alpha0, exponent);
          }
          case "step" -> {
            Double alpha0 = fraction(map.get("alpha0"), path + ".alpha0", problems);
            Long until =
                (Long)
                    ValueParsers.integerAtLeast(1)
                        .parse(map.get("until"), path + ".until", problems);
            yield alpha0 == null || until == null ? null : new Step(alpha0, until.intValue());
          }
          default -> listSchedule(map.get("values"), path + ".values", problems);
        };
    return problems.size() == before ? schedule : null;
  }

  private static ExogenousSchedule listSchedule(
      Object raw, String path, List<ConfigProblem> problems) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw)
                  + " is not a non-empty list of numbers in [0, 1] (values[0] is t = 1)"));
      return null;
    }
    double[] values = new double[list.size()];
    boolean ok = true;
    for (int i = 0; i < values.length; i++) {
      Double value = fraction(list.get(i), path + "[" + i + "]", problems);
      if (value == null) {
        ok = false;
      } else {
        values[i] = value;
      }
    }
    return ok ? new ListSchedule(values) : null;
  }

  private static Double fraction(Object raw, String path, List<ConfigProblem> problems) {
    return (Double) ValueParsers.numberIn(0, true, 1, true).parse(raw, path, problems);
  }

  private static void checkFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " " + value + " is not in [0, 1]");
    }
  }

  private static double checkT(int t, double alpha) {
    if (t < 0) {
      throw new IllegalArgumentException("generation " + t + " is negative");
    }
    return alpha;
  }

  private static Map<String, Object> form(String kind, Object... keyValues) {
    Map<String, Object> map = new TreeMap<>();
    map.put("schedule", kind);
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
