// Over 400 lines: one table of malformed configs, each with the key path and message it must
// produce, so that every rejection message of the config layer is read (and reviewed) in one place.
package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.collapsesim.engine.Families;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed configs: each is rejected with a problem at the exact key path that names the offending
 * value.
 */
class ConfigValidationTest {

  private static final String HEADER = "name: t\nseed: 1\nreplicates: 2\ngenerations: 3\n";
  private static final String CATEGORICAL = HEADER + "family: categorical\n";
  private static final String GAUSSIAN = HEADER + "family: gaussian\n";
  private static final String SIZES = "params:\n  model_size: 10\n  samples: 20\n";

  private static Path countsDir;

  /** A directory holding {@code three.txt}, a counts file of three lines. */
  private static synchronized Path countsDir() {
    if (countsDir == null) {
      try {
        countsDir = Files.createTempDirectory("collapse-config-test");
        Files.writeString(countsDir.resolve("three.txt"), "5\n0\n2\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return countsDir;
  }

  @AfterAll
  static void deleteCountsDir() throws IOException {
    if (countsDir != null) {
      try (Stream<Path> files = Files.walk(countsDir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  static Stream<Arguments> malformedConfigs() {
    return Stream.of(
        row(
            "unknown top-level key",
            CATEGORICAL + SIZES + "colour: red\n",
            List.of(),
            "colour",
            "unknown key \"colour\" (allowed: name, seed"),
        row(
            "unknown key under params",
            CATEGORICAL + SIZES + "  temprature: 2\n",
            List.of(),
            "params.temprature",
            "unknown key \"temprature\" (did you mean \"temperature\"?) (allowed under params for"
                + " family categorical: model_size"),
        row(
            "alpha out of range in a grid list",
            CATEGORICAL + SIZES + "grid:\n  alpha: [0, 0.5, 1.5]\n",
            List.of(),
            "grid.alpha[2]",
            "1.5 is not in [0, 1]"),
        row(
            "negative samples",
            CATEGORICAL + "params:\n  model_size: 10\n  samples: -5\n",
            List.of(),
            "params.samples",
            "-5 is not an integer >= 1"),
        row(
            "fractional samples",
            CATEGORICAL + "params:\n  model_size: 10\n  samples: 1.5\n",
            List.of(),
            "params.samples",
            "1.5 is not an integer >= 1"),
        row(
            "a key under both grid and params",
            CATEGORICAL + SIZES + "  temperature: 1\ngrid:\n  temperature: [1, 2]\n",
            List.of(),
            "params.temperature",
            "is also given as grid.temperature"),
        row(
            "window without regime window",
            CATEGORICAL + SIZES + "  window: 3\n",
            List.of(),
            "params.window",
            "3 does not apply to any cell (needs regime = window)"),
        row(
            "regime window without window",
            CATEGORICAL + SIZES + "  regime: window\n",
            List.of(),
            "window",
            "is required when regime = window"),
        row(
            "temperature 0",
            CATEGORICAL + SIZES + "  temperature: 0\n",
            List.of(),
            "params.temperature",
            "0 is not > 0"),
        row(
            "temperature NaN",
            CATEGORICAL + SIZES + "  temperature: .nan\n",
            List.of(),
            "params.temperature",
            "NaN is not > 0"),
        row(
            "top_p 0",
            CATEGORICAL + SIZES + "  top_p: 0\n",
            List.of(),
            "params.top_p",
            "0 is not in (0, 1]"),
        row(
            "top_p 1.2",
            CATEGORICAL + SIZES + "  top_p: 1.2\n",
            List.of(),
            "params.top_p",
            "1.2 is not in (0, 1]"),
        row(
            "top_k for gaussian",
            GAUSSIAN + SIZES + "  top_k: 5\n",
            List.of(),
            "params.top_k",
            "top_k does not apply to family gaussian (it is a parameter of categorical, markov)"),
        row(
            "list schedule shorter than G",
            CATEGORICAL + SIZES + "  alpha: {schedule: list, values: [0.1, 0.2]}\n",
            List.of(),
            "params.alpha",
            "list(0.1,0.2)"),
        row(
            "bad family",
            HEADER + "family: poisson\n" + SIZES,
            List.of(),
            "family",
            "\"poisson\" is not one of gaussian, categorical, markov, gmm, linreg"),
        row(
            "gmm truth lists of different lengths",
            HEADER + "family: gmm\n" + SIZES.replace("10", "2") + "truth:\n  weights: [1, 1, 2]\n",
            List.of(),
            "truth.means",
            "[-3.0, 3.0] has 2 entries, but truth.weights"),
        row(
            "gmm covariance not symmetric",
            HEADER
                + "family: gmm\n"
                + SIZES.replace("10", "2")
                + "  dimension: 2\ntruth:\n  covariances: [[[1, 0], [0, 1]], [[2, 1], [0, 2]]]\n",
            List.of(),
            "truth.covariances[1]",
            "[[2, 1], [0, 2]] is not symmetric ([1][0] = 0.0 but [0][1] = 1.0)"),
        row(
            "gmm covariance not positive definite",
            HEADER
                + "family: gmm\n"
                + SIZES.replace("10", "2")
                + "  dimension: 2\ntruth:\n  covariances: [[[1, 2], [2, 1]], [[1, 0], [0, 1]]]\n",
            List.of(),
            "truth.covariances[0]",
            "is not positive definite (the Cholesky factorization fails at pivot [1][1])"),
        row(
            "bad output format",
            CATEGORICAL + SIZES + "output:\n  formats: [arrow, xlsx]\n",
            List.of(),
            "output.formats[1]",
            "\"xlsx\" is not one of arrow, parquet, csv"),
        row(
            "empty grid list",
            CATEGORICAL + SIZES + "grid:\n  alpha: []\n",
            List.of(),
            "grid.alpha",
            "[] is an empty list"),
        row(
            "grid value that is not a list",
            CATEGORICAL + SIZES + "grid:\n  alpha: 0.5\n",
            List.of(),
            "grid.alpha",
            "0.5 is not a list"),
        row(
            "unbiased with samples 1",
            GAUSSIAN + "params:\n  model_size: 2\n  samples: 1\n  estimator: unbiased\n",
            List.of(),
            "params.estimator",
            "\"unbiased\" needs samples >= 2, but samples = 1 (params.samples)"),
        row(
            "YAML tag injection",
            CATEGORICAL.replace(
                    "name: t",
                    "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]")
                + SIZES,
            List.of(),
            "name",
            "tag !!javax.script.ScriptEngineManager at line 1 is not allowed"),
        row(
            "a date where a number belongs",
            CATEGORICAL.replace("seed: 1", "seed: 2026-11-26") + SIZES,
            List.of(),
            "seed",
            "tag !!timestamp"),
        row(
            "duplicate keys",
            CATEGORICAL + SIZES + "  samples: 30\n",
            List.of(),
            "params.samples",
            "duplicate key at line 9 (first at line 8)"),
        row(
            "malformed --set without =",
            CATEGORICAL + SIZES,
            List.of("replicates"),
            "--set",
            "\"replicates\" is not path=value"),
        row(
            "malformed --set value",
            CATEGORICAL + SIZES,
            List.of("grid.alpha=[0,"),
            "--set",
            "not valid YAML"),
        row(
            "--set through a scalar",
            CATEGORICAL + SIZES,
            List.of("name.x=1"),
            "--set",
            "name is \"t\", not a map"),
        row(
            "covariance not positive definite",
            GAUSSIAN + SIZES.replace("10", "2") + "truth:\n  covariance: [[1, 2], [2, 1]]\n",
            List.of(),
            "truth.covariance",
            "[[1, 2], [2, 1]] is not positive definite"),
        row(
            "covariance too ill-conditioned (would be reported singular)",
            GAUSSIAN + SIZES.replace("10", "2") + "truth:\n  covariance: [[1, 0], [0, 1e-11]]\n",
            List.of(),
            "truth.covariance",
            "has condition number 1.0E11 (largest / smallest eigenvalue); at most 1e10 is allowed"),
        row(
            "diagonal covariance too ill-conditioned",
            GAUSSIAN + SIZES.replace("10", "2") + "truth:\n  covariance: [1e12, 1]\n",
            List.of(),
            "truth.covariance",
            "has condition number 1.0E12"),
        row(
            "covariance not symmetric",
            GAUSSIAN + SIZES.replace("10", "2") + "truth:\n  covariance: [[2, 1], [0, 2]]\n",
            List.of(),
            "truth.covariance",
            "[[2, 1], [0, 2]] is not symmetric"),
        row(
            "mean of the wrong length",
            GAUSSIAN + SIZES.replace("10", "3") + "  truth.mean: [0, 1]\n",
            List.of(),
            "params.truth.mean",
            "[0.0, 1.0] has 2 values, but model_size = 3 (params.model_size) needs 3"),
        row(
            "counts file missing",
            CATEGORICAL
                + "params:\n  samples: 20\ntruth:\n  distribution: counts\n"
                + "  file: missing.txt\n",
            List.of(),
            "truth.file",
            "\"missing.txt\": file not found"),
        row(
            "model_size not matching the counts file",
            CATEGORICAL
                + SIZES.replace("10", "5")
                + "truth:\n  distribution: counts\n  file: three.txt\n",
            List.of(),
            "params.model_size",
            "5 does not equal the 3 lines of truth.file \"three.txt\""),
        row(
            "metrics naming an unknown metric",
            CATEGORICAL + SIZES + "metrics: [entropy, var_ratio]\n",
            List.of(),
            "metrics[1]",
            "\"var_ratio\" is not one of entropy, gini_simpson"),
        row(
            "collapse naming an unknown metric",
            CATEGORICAL + SIZES + "  collapse: {metric: perplexity, below: 1}\n",
            List.of(),
            "params.collapse.metric",
            "\"perplexity\" is not a categorical metric"),
        row(
            "collapse with below and above",
            CATEGORICAL + SIZES + "collapse: {metric: tv, below: 1, above: 2}\n",
            List.of(),
            "collapse",
            "needs exactly one of below and above"),
        row(
            "sampling under grid",
            CATEGORICAL + SIZES + "grid:\n  sampling: [exact]\n",
            List.of(),
            "grid.sampling",
            "is a sweep setting, not a grid axis"),
        row(
            "exact sampling with accumulate-subsample",
            CATEGORICAL + SIZES + "  regime: accumulate-subsample\nsampling: exact\n",
            List.of(),
            "sampling",
            "\"exact\" has no exact path for regime = accumulate-subsample"),
        row(
            "exact sampling with a fixed anchor",
            CATEGORICAL + SIZES + "  fixed_anchor: true\nsampling: exact\n",
            List.of(),
            "sampling",
            "\"exact\" has no exact path with fixed_anchor = true"),
        row(
            "exact sampling for a family without an exact path",
            HEADER + "family: linreg\n" + SIZES + "sampling: exact\n",
            List.of(),
            "sampling",
            "\"exact\" has no exact path for family linreg"),
        row(
            "seed beyond 64 bits",
            CATEGORICAL.replace("seed: 1", "seed: 18446744073709551616") + SIZES,
            List.of(),
            "seed",
            "18446744073709551616 is not a 64-bit integer"),
        row(
            "replicates 0",
            CATEGORICAL.replace("replicates: 2", "replicates: 0") + SIZES,
            List.of(),
            "replicates",
            "0 is not an integer >= 1"),
        row(
            "generations missing",
            CATEGORICAL.replace("generations: 3\n", "") + SIZES,
            List.of(),
            "generations",
            "is required (an integer >= 0)"),
        row(
            "samples missing",
            CATEGORICAL + "params:\n  model_size: 10\n",
            List.of(),
            "samples",
            "is required (an integer >= 1)"),
        row(
            "a string for a boolean",
            CATEGORICAL + SIZES + "  fixed_anchor: \"true\"\n",
            List.of(),
            "params.fixed_anchor",
            "\"true\" is not true or false"),
        row(
            "power schedule with a negative exponent passing 1 before G",
            CATEGORICAL + SIZES + "  alpha: {schedule: power, alpha0: 0.5, exponent: -1}\n",
            List.of(),
            "params.alpha",
            "alpha_3 = 1.5 is more than 1 (alpha_t must stay in [0, 1] for every t <= generations = 3)"),
        row(
            "growing exponential schedule passing 1 before G",
            CATEGORICAL + SIZES + "  alpha: {schedule: exponential, alpha0: 0.3, rate: 2}\n",
            List.of(),
            "params.alpha",
            "alpha_3 = 1.2 is more than 1"),
        row(
            "a truth key given twice",
            CATEGORICAL + SIZES + "  truth.exponent: 1.2\ntruth:\n  exponent: 1.3\n",
            List.of(),
            "truth.exponent",
            "is also given as params.truth.exponent"),
        row(
            "nested truth map under params",
            CATEGORICAL + SIZES + "  truth: {exponent: 1.2}\n",
            List.of(),
            "params.truth",
            "truth parameters are dotted keys here"),
        row(
            "add_k without estimator add-k",
            CATEGORICAL + SIZES + "grid:\n  add_k: [0.5, 2]\n",
            List.of(),
            "grid.add_k",
            "[0.5, 2.0] does not apply to any cell (needs estimator = add-k)"),
        row(
            "top-level document is a list",
            "- a\n- b\n",
            List.of(),
            "config",
            "[\"a\", \"b\"] is not a mapping"));
  }

  private static Arguments row(
      String what, String yaml, List<String> sets, String path, String messagePart) {
    return Arguments.of(what, yaml, sets, path, messagePart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedConfigs")
  void malformedConfigIsRejectedAtTheKeyPath(
      String what, String yaml, List<String> sets, String path, String messagePart) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse(Families.catalogue(), yaml, countsDir(), sets),
            () -> what + ": accepted\n" + yaml);
    List<ConfigProblem> problems = e.problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(messagePart)),
        () -> what + ": expected " + path + ": ..." + messagePart + "..., got\n" + e.getMessage());
  }

  @Test
  void theExampleMessageIsExact() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    Families.catalogue(),
                    CATEGORICAL + SIZES + "grid:\n  alpha: [0, 0.5, 1.5]\n",
                    null,
                    List.of()));
    assertEquals(List.of(new ConfigProblem("grid.alpha[2]", "1.5 is not in [0, 1]")), e.problems());
    assertEquals("grid.alpha[2]: 1.5 is not in [0, 1]", e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        CATEGORICAL.replace("replicates: 2", "replicates: -1")
            + "params:\n  model_size: 10\n  samples: 20\n  top_p: 2\n"
            + "grid:\n  temperature: [1, 0]\n";
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse(Families.catalogue(), yaml, null, List.of()));
    assertEquals(
        List.of(
            new ConfigProblem("replicates", "-1 is not an integer >= 1"),
            new ConfigProblem("grid.temperature[1]", "0 is not > 0"),
            new ConfigProblem("params.top_p", "2 is not in (0, 1]")),
        e.problems());
    assertEquals(3, e.getMessage().lines().count());
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder yaml =
        new StringBuilder(CATEGORICAL + SIZES + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level < 10; level++) {
      yaml.append("a").append(level).append(": &a").append(level).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }
      yaml.append("]\n");
    }
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse(Families.catalogue(), yaml.toString(), null, List.of()));
    assertEquals("yaml", e.problems().get(0).path(), e.getMessage());
  }

  @Test
  void recursiveAliasesAreRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    Families.catalogue(),
                    CATEGORICAL + SIZES + "output: &o {dir: *o}\n",
                    null,
                    List.of()));
    assertTrue(e.getMessage().contains("recursive"), e.getMessage());
  }
}
