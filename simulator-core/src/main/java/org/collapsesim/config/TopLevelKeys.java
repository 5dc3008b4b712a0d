package org.collapsesim.config;

import java.math.BigInteger;
import java.util.List;

/**
 * The top-level keys of a config (README, Configuration) with their descriptions, allowed values
 * and defaults: the structure keys (name, seed, replicates, generations, family, grid, params,
 * truth, output) and the sweep settings (sampling, record_every, metrics, collapse, compare_to),
 * which may also sit under {@code params}. The {@code family} key allows the names of a {@link
 * FamilyCatalogue}.
 */
final class TopLevelKeys {

  /** Keys that only exist at the top level. */
  static final List<String> STRUCTURE_KEYS =
      List.of(
          "name",
          "seed",
          "replicates",
          "generations",
          "family",
          "grid",
          "params",
          "truth",
          "output");

  /** Sweep settings: top level or under params, never axes, not part of cell ids. */
  static final List<String> SETTING_KEYS =
      List.of("sampling", "record_every", "metrics", "collapse", "compare_to");

  private final List<ParameterSpec> specs;

  TopLevelKeys(FamilyCatalogue catalogue) {
    this.specs =
        List.of(
            ParameterSpec.of(
                    "name", "the sweep's name", "a non-empty string", ValueParsers.nonEmptyString())
                .asRequired(),
            ParameterSpec.of(
                    "seed",
                    "the master seed every random stream derives from (README, Random streams and determinism)",
                    "a 64-bit integer (unsigned values up to 2^64 - 1 are kept as their bits)",
                    TopLevelKeys::parseSeed)
                .asRequired(),
            ParameterSpec.of(
                    "replicates",
                    "chains per cell",
                    "an integer >= 1",
                    ValueParsers.integerAtLeast(1))
                .withDefault(1L),
            ParameterSpec.of(
                    "generations",
                    "G: generations 0..G are run",
                    "an integer >= 0",
                    ValueParsers.integerAtLeast(0))
                .asRequired(),
            ParameterSpec.of(
                    "family",
                    "the model family of every cell",
                    "one of " + String.join(", ", catalogue.names()),
                    ValueParsers.oneOf(catalogue.names().toArray(String[]::new)))
                .asRequired(),
            ParameterSpec.of(
                "grid",
                "sweep axes: each parameter given as a non-empty list; cells are their cross product",
                "a map of parameter: [values]",
                (raw, path, problems) -> raw),
            ParameterSpec.of(
                "params",
                "parameters given once for all cells (and the sweep settings)",
                "a map of parameter: value",
                (raw, path, problems) -> raw),
            ParameterSpec.of(
                "truth",
                "truth parameters given once for all cells: X here is truth.X under params",
                "a map of truth parameter: value",
                (raw, path, problems) -> raw),
            ParameterSpec.of(
                "output",
                "where and what to write: {dir: DIR, formats: [arrow, parquet, csv]}",
                "a map with dir and formats",
                (raw, path, problems) -> raw),
            ParameterSpec.of(
                    "sampling",
                    "exact: sufficient-statistics shortcuts; explicit: raw samples; auto: exact where it exists",
                    "one of explicit, exact, auto",
                    ValueParsers.oneOf("explicit", "exact", "auto"))
                .withDefault("auto"),
            ParameterSpec.of(
                    "record_every",
                    "record every k-th generation (and the last)",
                    "an integer >= 1",
                    ValueParsers.integerAtLeast(1))
                .withDefault(1L),
            ParameterSpec.of(
                "metrics",
                "the metrics recorded (default: all of the family's)",
                "a non-empty list of the family's metric names",
                (raw, path, problems) -> raw),
            ParameterSpec.of(
                "collapse",
                "the collapse rule (default: the family's)",
                "{metric: NAME, below: X} or {metric: NAME, above: X}",
                (raw, path, problems) -> raw),
            ParameterSpec.of(
                "compare_to",
                "paired contrasts of every cell against its baseline: the cell of this variant (or"
                    + " with these parameter values) on the same world and every other axis",
                "a variant name, or a map {parameter: value, ...}",
                (raw, path, problems) -> raw));
  }

  /** Every top-level key, in documentation order. */
  List<ParameterSpec> specs() {
    return specs;
  }

  List<String> names() {
    return specs.stream().map(ParameterSpec::name).toList();
  }

  ParameterSpec spec(String key) {
    return specs.stream().filter(s -> s.name().equals(key)).findFirst().orElseThrow();
  }

  private static Object parseSeed(Object raw, String path, List<ConfigProblem> problems) {
    BigInteger value = null;
    if (raw instanceof Integer || raw instanceof Long) {
      value = BigInteger.valueOf(((Number) raw).longValue());
    } else if (raw instanceof BigInteger big) {
      value = big;
    }
    BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw) + " is not a 64-bit integer (in [" + min + ", " + max + "])"));
      return null;
    }
    return value.longValue(); // the low 64 bits: 2^64 - 1 is -1L
  }
}
