package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.collapsesim.engine.Families;

/**
 * Random configs, near-valid and hostile, either load or are refused with problems that each name a
 * key path and say something; the loader never throws anything else (no stack trace reaches a
 * user). Configs are drawn from real keys, misspelt keys and values of every YAML type, in random
 * sections, so both branches are exercised (the property checks that some of each occur).
 */
class ConfigFuzzProperties {

  private static final List<String> FAMILIES =
      List.of("categorical", "gaussian", "markov", "gmm", "linreg", "categorial", "");
  private static final List<String> KEYS =
      List.of(
          "model_size",
          "samples",
          "alpha",
          "mixing",
          "regime",
          "window",
          "fixed_anchor",
          "estimator",
          "add_k",
          "temperature",
          "top_k",
          "top_p",
          "kl_eps",
          "tail_fraction",
          "order",
          "dimension",
          "components",
          "ridge",
          "noise",
          "sampling_bias",
          "mc_samples",
          "truth.exponent",
          "truth.distribution",
          "truth.w_norm",
          "alpah",
          "samples ",
          "");
  private static final List<String> VALUES =
      List.of(
          "0",
          "1",
          "-1",
          "2",
          "7",
          "20",
          "0.5",
          "1.5",
          "-0.0",
          ".nan",
          ".inf",
          "-.inf",
          "1e308",
          "99999999999999999999",
          "true",
          "null",
          "~",
          "''",
          "abc",
          "replace",
          "accumulate",
          "window",
          "accumulate-subsample",
          "count",
          "per-sample",
          "mle",
          "unbiased",
          "zipf",
          "uniform",
          "[1, 2]",
          "[]",
          "{}",
          "[0.0, 0.1]",
          "{schedule: exponential, alpha0: 0.5," + " rate: 0.9}",
          "{schedule: list, values: [0.1]}",
          "{schedule: power}",
          "&a [*a]",
          "!!binary aGk=",
          "[[[[[[[[]]]]]]]]");

  @Provide
  Arbitrary<String> configs() {
    Arbitrary<String> family = Arbitraries.of(FAMILIES);
    Arbitrary<Integer> replicates = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> generations = Arbitraries.integers().between(0, 4);
    Arbitrary<Tuple.Tuple3<String, String, Boolean>> entry =
        Combinators.combine(
                Arbitraries.of(KEYS), Arbitraries.of(VALUES), Arbitraries.of(true, false))
            .as(Tuple::of);
    Arbitrary<List<Tuple.Tuple3<String, String, Boolean>>> entries =
        entry.list().ofMinSize(0).ofMaxSize(4);
    Arbitrary<String> size =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.of("10", "20", "40")), Tuple.of(1, Arbitraries.of(VALUES)));
    return Combinators.combine(family, replicates, generations, size, size, entries)
        .as(
            (f, r, g, modelSize, samples, es) -> {
              // later entries replace earlier ones: duplicate keys have their own corpus cases
              Map<String, String> params = new LinkedHashMap<>();
              Map<String, String> grid = new LinkedHashMap<>();
              params.put("model_size", modelSize);
              params.put("samples", samples);
              for (Tuple.Tuple3<String, String, Boolean> e : es) {
                if (e.get3()) {
                  params.remove(e.get1());
                  grid.put(e.get1(), e.get2().startsWith("[") ? e.get2() : "[" + e.get2() + "]");
                } else {
                  grid.remove(e.get1());
                  params.put(e.get1(), e.get2());
                }
              }
              return "name: fuzz\nseed: 1\nreplicates: "
                  + r
                  + "\ngenerations: "
                  + g
                  + "\nfamily: "
                  + f
                  + "\n"
                  + section("params", params)
                  + section("grid", grid);
            });
  }

  private static String section(String name, Map<String, String> entries) {
    if (entries.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(name).append(":\n");
    entries.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }

  @Property(tries = 1500)
  void aRandomConfigLoadsOrIsRefusedWithKeyPathsNeverWithAnException(
      @ForAll("configs") String yaml) {
    boolean loaded;
    try {
      ConfigLoader.parse(Families.catalogue(), yaml, null, List.of());
      loaded = true;
    } catch (ConfigException e) {
      loaded = false;
      assertFalse(e.problems().isEmpty(), "a refusal without a problem:\n" + yaml);
      for (ConfigProblem p : e.problems()) {
        assertFalse(p.path().isBlank(), "a problem without a key path: " + p + "\n" + yaml);
        assertFalse(p.message().isBlank(), "a problem without a message: " + p + "\n" + yaml);
      }
    }
    // The generator must reach both branches, or the property proves little.
    Statistics.label("loaded").collect(loaded);
    Statistics.label("loaded")
        .coverage(
            coverage -> {
              coverage.check(true).count(c -> c > 0);
              coverage.check(false).count(c -> c > 0);
            });
  }
}
