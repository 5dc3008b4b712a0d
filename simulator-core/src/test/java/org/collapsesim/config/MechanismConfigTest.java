package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.collapsesim.engine.Families;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The anchoring mechanisms, the variants axis and compare_to in configs: nested and dotted keys,
 * defaults completed only for a mechanism that is on, and every bad config rejected at its key
 * path.
 */
class MechanismConfigTest {

  private static final String CATEGORICAL =
      "name: t\nseed: 1\nreplicates: 2\ngenerations: 5\nfamily: categorical\n";
  private static final String GAUSSIAN =
      "name: t\nseed: 1\nreplicates: 2\ngenerations: 5\nfamily: gaussian\n";

  private static SweepConfig parse(String yaml) {
    try {
      return ConfigLoader.parse(Families.catalogue(), yaml, null, List.of());
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void nestedAndDottedKeysAreOneParameterWithItsGroupsDefaults() {
    SweepConfig nested =
        parse(
            CATEGORICAL
                + "params: {model_size: 10, samples: 20, verifier: {false_accept: 0.1},"
                + " reservoir: {fraction: 0.05}}\n");
    SweepConfig dotted =
        parse(
            CATEGORICAL
                + "params: {model_size: 10, samples: 20, verifier.false_accept: 0.1,"
                + " reservoir.fraction: 0.05}\n");
    CellSpec cell = nested.cells().get(0);
    assertEquals(cell.cellId(), dotted.cells().get(0).cellId());
    assertEquals(0.0, cell.getDouble("verifier.false_reject"));
    assertEquals(0.9, cell.getDouble("verifier.correct_mass"));
    assertEquals(100_000_000L, cell.getLong("verifier.max_draws"));
    assertFalse(cell.has("verifier.radius"), "a gaussian key");
    assertFalse(cell.has("reservoir.scale"), "the categorical reservoir is uniform");
    SweepConfig plain = parse(CATEGORICAL + "params: {model_size: 10, samples: 20}\n");
    assertTrue(
        plain.cells().get(0).params().keySet().stream()
            .noneMatch(k -> k.startsWith("verifier.") || k.startsWith("reservoir.")),
        "a mechanism that is off adds no keys: " + plain.cells().get(0).params());
  }

  @Test
  void variantsCrossTheGridAndShareTheWorld() {
    SweepConfig config =
        parse(
            CATEGORICAL
                + "grid:\n  model_size: [10, 20]\n"
                + "  variants:\n"
                + "    - {name: closed-loop, alpha: 0.0}\n"
                + "    - {name: fresh, alpha: 0.05}\n"
                + "    - {name: reservoir, reservoir: {fraction: 0.05}}\n"
                + "params: {samples: 40, alpha: 0.01}\n"
                + "compare_to: closed-loop\n");
    assertEquals(6, config.cells().size());
    Variants v = config.variants();
    assertEquals(List.of("closed-loop", "fresh", "reservoir"), v.names().subList(0, 3));
    assertEquals(0.01, config.cells().get(2).alphaSchedule().alpha(1), "params' alpha kept");
    assertEquals(0.05, config.cells().get(1).alphaSchedule().alpha(1), "the variant overrides");
    for (int i = 0; i < 6; i++) {
      int base = i < 3 ? 0 : 3;
      assertEquals(i == base ? -1 : base, v.baseline(i), "cell " + i);
      assertEquals(config.cells().get(base).worldKey(), config.cells().get(i).worldKey());
    }
    assertTrue(v.withoutBaseline().isEmpty());
  }

  /** Adding a variant keeps the others' cell ids (and so, with their world keys, their numbers). */
  @Test
  void addingAVariantKeepsTheOthersCells() {
    String common = CATEGORICAL + "params: {model_size: 10, samples: 40}\ngrid:\n  variants:\n";
    SweepConfig two = parse(common + "    - {name: a, alpha: 0.0}\n    - {name: b, alpha: 0.1}\n");
    SweepConfig three =
        parse(
            common
                + "    - {name: a, alpha: 0.0}\n    - {name: r, reservoir.fraction: 0.1}\n"
                + "    - {name: b, alpha: 0.1}\n");
    assertEquals(two.cells().get(0).cellId(), three.cells().get(0).cellId());
    assertEquals(two.cells().get(1).cellId(), three.cells().get(2).cellId());
    assertEquals(two.cells().get(1).worldKey(), three.cells().get(1).worldKey());
  }

  @Test
  void compareToByParameterValues() {
    SweepConfig config =
        parse(
            CATEGORICAL
                + "grid: {model_size: [10, 20], alpha: [0.0, 0.1, 0.2]}\n"
                + "params: {samples: 40}\ncompare_to: {alpha: 0.0}\n");
    Variants v = config.variants();
    assertEquals(-1, v.baseline(0));
    assertEquals(0, v.baseline(1));
    assertEquals(0, v.baseline(2));
    assertEquals(3, v.baseline(5));
    assertNull(v.name(0));
  }

  static Stream<Arguments> badConfigs() {
    String sizes = "params: {model_size: 10, samples: 20";
    return Stream.of(
        Arguments.of(
            "fractions over 1 at some t",
            CATEGORICAL
                + sizes
                + ", alpha: {schedule: list, values: [0.1, 0.1, 0.7, 0.1, 0.1]},"
                + " reservoir: {fraction: 0.4}}\n",
            "params.alpha, params.reservoir.fraction",
            "alpha_3 = 0.7 plus reservoir.fraction_3 = 0.4 is 1.1"),
        Arguments.of(
            "weighting without exogenous data",
            CATEGORICAL + sizes + ", real_weight: 0.5}\n",
            "params.real_weight",
            "needs at least one exogenous and one other sample in every generation, but"
                + " generation 1 has 0"),
        Arguments.of(
            "weighting with per-sample mixing",
            CATEGORICAL + sizes + ", alpha: 0.5, mixing: per-sample, real_weight: 0.5}\n",
            "params.real_weight",
            "needs mixing count, but mixing = \"per-sample\""),
        Arguments.of(
            "weighting with the unbiased estimator",
            GAUSSIAN + sizes + ", alpha: 0.5, estimator: unbiased, real_weight: 0.5}\n",
            "params.real_weight",
            "needs estimator mle"),
        Arguments.of(
            "a verifier rate out of range",
            CATEGORICAL + sizes + ", verifier: {false_reject: 1.5}}\n",
            "params.verifier.false_reject",
            "1.5 is not in [0, 1]"),
        Arguments.of(
            "a gaussian verifier key in a categorical sweep",
            CATEGORICAL + sizes + ", verifier: {radius: 2}}\n",
            "params.verifier.radius",
            "verifier.radius does not apply to family categorical (it is a parameter of gaussian, gmm, linreg)"),
        Arguments.of(
            "a sequence verifier on a truth without a noiseless output",
            "name: t\nseed: 1\nreplicates: 2\ngenerations: 5\nfamily: sequence\nparams:"
                + " {model_size: 8, samples: 20, truth.program: markov, verifier:"
                + " {false_accept: 0.1}}\n",
            "params.verifier.false_accept",
            "the sequence verifier needs a program truth (periodic or thue-morse"),
        Arguments.of(
            "a mechanism key given twice",
            CATEGORICAL + sizes + ", reservoir: {fraction: 0.1}, reservoir.fraction: 0.2}\n",
            "params.reservoir.fraction",
            "is given twice"),
        Arguments.of(
            "duplicate variants",
            CATEGORICAL
                + sizes
                + "}\ngrid:\n  variants:\n    - {name: a, alpha: 0.1}\n"
                + "    - {name: b, alpha: 0.1}\n",
            "grid.variants[1]",
            "variant \"b\" resolves to the same parameters as variant \"a\""),
        Arguments.of(
            "duplicate variant names",
            CATEGORICAL
                + sizes
                + "}\ngrid:\n  variants:\n    - {name: a, alpha: 0.1}\n"
                + "    - {name: a, alpha: 0.2}\n",
            "grid.variants[1].name",
            "\"a\" is also the name of grid.variants[0]"),
        Arguments.of(
            "a variant overlapping a grid axis",
            CATEGORICAL
                + sizes
                + "}\ngrid:\n  alpha: [0.0, 0.1]\n  variants:\n    - {name: a, alpha: 0.1}\n",
            "grid.variants[0].alpha",
            "is also the grid axis grid.alpha"),
        Arguments.of(
            "a variant key that does not apply",
            GAUSSIAN + sizes + "}\ngrid:\n  variants:\n    - {name: a, top_k: 3}\n",
            "grid.variants[0].top_k",
            "top_k does not apply to family gaussian"),
        Arguments.of(
            "compare_to naming no variant",
            CATEGORICAL
                + sizes
                + "}\ngrid:\n  variants:\n    - {name: a, alpha: 0.1}\n"
                + "    - {name: b, alpha: 0.2}\ncompare_to: closed\n",
            "compare_to",
            "\"closed\" names no variant (variants: a, b)"),
        Arguments.of(
            "compare_to selecting no cell",
            CATEGORICAL + sizes + ", alpha: 0.1}\ncompare_to: {alpha: 0.3}\n",
            "compare_to",
            "{alpha: 0.3} selects no cell of the sweep"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badMechanismConfigIsRejectedAtTheKeyPath(
      String what, String yaml, String path, String messagePart) {
    ConfigRejection.assertRejectedAt(what, yaml, path, messagePart);
  }
}
