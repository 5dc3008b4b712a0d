package org.collapsesim.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.collapsesim.linalg.Cholesky;

/**
 * The value checks shared by parameter tables, and the rendering of offending values in messages.
 * Every numeric check is written as an inverted comparison ({@code !(x > 0)}) so NaN fails it.
 * Messages read {@code <value> is not <what is allowed>}.
 */
public final class ValueParsers {

  /** The largest integer a double holds exactly; integral doubles beyond it are not trusted. */
  private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

  private ValueParsers() {}

  /**
   * The value as a user would recognise it in a message: strings in double quotes, numbers and
   * booleans as written, lists as {@code [a, b]}, maps as {@code {k: v}}.
   */
  public static String show(Object value) {
    if (value == null) {
      return "null (empty)";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof ExogenousSchedule schedule) {
      return schedule.describe();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ValueParsers::show).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + show(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  /** The double value of a YAML number, or null when {@code raw} is not a number. */
  static Double asDouble(Object raw) {
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      return d == 0.0 ? 0.0 : d; // -0.0 and 0.0 are one value for hashing
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
      return ((Number) raw).doubleValue();
    }
    return null;
  }

  /**
   * The long value of a YAML integer (an integral double such as {@code 1e4} counts), or null when
   * {@code raw} is not an integer in the long range.
   */
  static Long asLong(Object raw) {
    if (raw instanceof Integer || raw instanceof Long) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (raw instanceof Double d) {
      double x = d;
      if (x == Math.rint(x) && !(Math.abs(x) > MAX_EXACT_INTEGER)) {
        return (long) x;
      }
    }
    return null;
  }

  /** An integer in [min, Integer.MAX_VALUE], resolved as a {@code Long}. */
  public static ValueParser integerAtLeast(long min) {
    String allowed = "an integer >= " + min;
    return (raw, path, problems) -> {
      Long value = asLong(raw);
      if (value == null || value < min || value > Integer.MAX_VALUE) {
        problems.add(new ConfigProblem(path, show(raw) + " is not " + allowed));
        return null;
      }
      return value;
    };
  }

  /**
   * A number in a range, resolved as a {@code Double}.
   *
   * @param low the lower bound ({@code Double.NEGATIVE_INFINITY} for none)
   * @param lowClosed whether {@code low} itself is allowed
   * @param high the upper bound ({@code Double.POSITIVE_INFINITY} for none)
   * @param highClosed whether {@code high} itself is allowed
   */
  public static ValueParser numberIn(
      double low, boolean lowClosed, double high, boolean highClosed) {
    String allowed = rangeText(low, lowClosed, high, highClosed);
    return (raw, path, problems) -> {
      Double value = asDouble(raw);
      if (value == null) {
        problems.add(new ConfigProblem(path, show(raw) + " is not a number " + allowed));
        return null;
      }
      double x = value;
      boolean aboveLow = lowClosed ? x >= low : x > low;
      boolean belowHigh = highClosed ? x <= high : x < high;
      // Infinite bounds still exclude infinite values: a parameter is always finite.
      if (!(aboveLow && belowHigh) || !Double.isFinite(x)) {
        problems.add(new ConfigProblem(path, show(raw) + " is not " + allowed));
        return null;
      }
      return value;
    };
  }

  /** A number {@code > 0}. */
  public static ValueParser positiveNumber() {
    return numberIn(0, false, Double.POSITIVE_INFINITY, false);
  }

  /** A number {@code >= 0}. */
  public static ValueParser nonNegativeNumber() {
    return numberIn(0, true, Double.POSITIVE_INFINITY, false);
  }

  /** The text of a range: {@code in [0, 1]}, {@code in (0, 1]}, {@code > 0}, {@code >= 0}. */
  public static String rangeText(double low, boolean lowClosed, double high, boolean highClosed) {
    boolean hasLow = low != Double.NEGATIVE_INFINITY;
    boolean hasHigh = high != Double.POSITIVE_INFINITY;
    if (hasLow && hasHigh) {
      return "in "
          + (lowClosed ? "[" : "(")
          + bound(low)
          + ", "
          + bound(high)
          + (highClosed ? "]" : ")");
    }
    if (hasLow) {
      return (lowClosed ? ">= " : "> ") + bound(low);
    }
    if (hasHigh) {
      return (highClosed ? "<= " : "< ") + bound(high);
    }
    return "finite";
  }

  private static String bound(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  /** One of the given words. */
  public static ValueParser oneOf(String... words) {
    List<String> allowedWords = List.of(words);
    String allowed = "one of " + String.join(", ", allowedWords);
    return (raw, path, problems) -> {
      if (raw instanceof String s && allowedWords.contains(s)) {
        return s;
      }
      problems.add(
          new ConfigProblem(
              path,
              show(raw)
                  + " is not "
                  + allowed
                  + (raw instanceof String s ? didYouMean(s, allowedWords) : "")));
      return null;
    };
  }

  /**
   * A hint for a misspelt word: {@code " (did you mean \"temperature\"?)"} when one candidate is
   * within a small edit distance (1 for words of up to 3 letters, else a third of the length, at
   * least 2, at most 3), else the empty string. Levenshtein distance from commons-text.
   */
  public static String didYouMean(String word, Collection<String> candidates) {
    int limit = word.length() <= 3 ? 1 : Math.min(3, Math.max(2, word.length() / 3));
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + show(best) + "?)";
  }

  /** {@code true} or {@code false}. */
  public static ValueParser bool() {
    return (raw, path, problems) -> {
      if (raw instanceof Boolean b) {
        return b;
      }
      problems.add(new ConfigProblem(path, show(raw) + " is not true or false"));
      return null;
    };
  }

  /** A non-blank string. */
  public static ValueParser nonEmptyString() {
    return (raw, path, problems) -> {
      if (raw instanceof String s && !s.isBlank()) {
        return s;
      }
      problems.add(new ConfigProblem(path, show(raw) + " is not a non-empty string"));
      return null;
    };
  }

  /**
   * A list of doubles, each checked by {@code element}; resolved as an immutable {@code
   * List<Double>}.
   */
  public static List<Double> doubleList(
      List<?> raw, String path, ValueParser element, List<ConfigProblem> problems) {
    List<Double> values = new ArrayList<>(raw.size());
    boolean ok = true;
    for (int i = 0; i < raw.size(); i++) {
      Object parsed =
          raw.get(i) == null ? null : element.parse(raw.get(i), path + "[" + i + "]", problems);
      if (raw.get(i) == null) {
        problems.add(new ConfigProblem(path + "[" + i + "]", "is empty (a number is expected)"));
      }
      if (parsed == null) {
        ok = false;
      } else {
        values.add((Double) parsed);
      }
    }
    return ok ? List.copyOf(values) : null;
  }

  /**
   * {@code matrix} as a symmetric positive definite matrix of finite numbers (rows of equal length,
   * a Cholesky factorization that succeeds: {@link Cholesky#failedPivot}), or null after adding a
   * problem at {@code path} (a bad row at {@code path[i]}).
   */
  public static List<List<Double>> positiveDefiniteMatrix(
      List<?> matrix, String path, List<ConfigProblem> problems) {
    ValueParser finite = numberIn(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    int n = matrix.size();
    List<List<Double>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (!(matrix.get(i) instanceof List<?> row) || row.size() != n) {
        problems.add(
            new ConfigProblem(
                path + "[" + i + "]",
                show(matrix.get(i))
                    + " is not a row of "
                    + n
                    + " numbers (a covariance matrix is square)"));
        return null;
      }
      List<Double> parsed = doubleList(row, path + "[" + i + "]", finite, problems);
      if (parsed == null) {
        return null;
      }
      rows.add(parsed);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (!rows.get(i).get(j).equals(rows.get(j).get(i))) {
          problems.add(
              new ConfigProblem(
                  path,
                  show(matrix)
                      + " is not symmetric (["
                      + i
                      + "]["
                      + j
                      + "] = "
                      + rows.get(i).get(j)
                      + " but ["
                      + j
                      + "]["
                      + i
                      + "] = "
                      + rows.get(j).get(i)
                      + ")"));
          return null;
        }
      }
    }
    int failedPivot = Cholesky.failedPivot(rows);
    if (failedPivot >= 0) {
      problems.add(
          new ConfigProblem(
              path,
              show(matrix)
                  + " is not positive definite (the Cholesky factorization fails at pivot ["
                  + failedPivot
                  + "]["
                  + failedPivot
                  + "])"));
      return null;
    }
    return List.copyOf(rows);
  }
}
