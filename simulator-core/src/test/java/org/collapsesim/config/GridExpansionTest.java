package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.collapsesim.engine.Families;
import org.collapsesim.family.categorical.CountsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridExpansionTest {

  private static final String CATEGORICAL =
      """
      name: sweep
      seed: 7
      replicates: 5
      generations: 10
      family: categorical
      """;

  private static SweepConfig parse(String yaml, String... sets) throws ConfigException {
    return ConfigLoader.parse(Families.catalogue(), yaml, null, List.of(sets));
  }

  @Test
  void cellsAreTheCrossProductWithTheLastAxisFastest() throws ConfigException {
    SweepConfig config =
        parse(
            CATEGORICAL
                + """
        params: {samples: 100}
        grid:
          model_size: [10, 20]
          alpha: [0, 0.1, 0.2]
        """);
    assertEquals(List.of("model_size", "alpha"), config.axes());
    assertEquals(6, config.cells().size());
    long[] sizes = {10, 10, 10, 20, 20, 20};
    double[] alphas = {0, 0.1, 0.2, 0, 0.1, 0.2};
    for (int i = 0; i < 6; i++) {
      CellSpec cell = config.cells().get(i);
      assertEquals(i, cell.index());
      assertEquals(sizes[i], cell.getLong("model_size"));
      assertEquals(alphas[i], cell.alphaSchedule().constantValue());
    }
    assertEquals(30, config.chainCount());
  }

  @Test
  void defaultsAreResolvedAndNormalized() throws ConfigException {
    CellSpec cell = parse(CATEGORICAL + "params: {model_size: 10, samples: 1e3}\n").cells().get(0);
    assertEquals(
        Map.ofEntries(
            Map.entry("model_size", 10L),
            Map.entry("samples", 1000L),
            Map.entry("alpha", new ExogenousSchedule.Constant(0.0)),
            Map.entry("mixing", "count"),
            Map.entry("regime", "replace"),
            Map.entry("fixed_anchor", false),
            Map.entry("estimator", "mle"),
            Map.entry("temperature", 1.0),
            Map.entry("top_p", 1.0),
            Map.entry("kl_eps", 0.5),
            Map.entry("tail_fraction", 0.1),
            Map.entry("truth.distribution", "zipf"),
            Map.entry("truth.exponent", 1.1)),
        cell.params());
    assertFalse(cell.has("top_k"));
    assertFalse(cell.has("window"));
    assertFalse(cell.has("add_k"));
    assertEquals(1000, cell.getInt("samples"));
    assertEquals(1.1, cell.getDouble("truth.exponent"));
    assertEquals("zipf", cell.getString("truth.distribution"));
    assertFalse(cell.getBoolean("fixed_anchor"));
    assertNull(cell.truthData());
    SweepConfig config = parse(CATEGORICAL + "params: {model_size: 10, samples: 20}\n");
    assertEquals("auto", config.sampling());
    assertEquals(1, config.recordEvery());
    assertEquals(List.of(), config.metrics());
    assertEquals(Families.catalogue().family("categorical").metrics(), config.recordedMetrics());
    assertNull(config.collapse());
    assertEquals(new OutputSpec(null, List.of("arrow", "parquet")), config.output());
  }

  @Test
  void gaussianDefaultsAndMatrixTruth() throws ConfigException {
    CellSpec cell =
        parse(
                CATEGORICAL.replace("categorical", "gaussian")
                    + """
        params: {model_size: 2, samples: 20, estimator: unbiased}
        truth: {mean: [1, -1], covariance: [[2, 0.5], [0.5, 1]]}
        """)
            .cells()
            .get(0);
    assertEquals(List.of(1.0, -1.0), cell.get("truth.mean"));
    assertEquals(List.of(List.of(2.0, 0.5), List.of(0.5, 1.0)), cell.get("truth.covariance"));
    assertEquals(1.0, cell.getDouble("sampling_bias"));
    assertEquals("unbiased", cell.getString("estimator"));
    assertEquals("gaussian", cell.family());
  }

  @Test
  void parametersThatDoNotApplyAreDroppedAndIdenticalCellsMerged() throws ConfigException {
    SweepConfig config =
        parse(
            CATEGORICAL
                + """
        params: {model_size: 10, samples: 20}
        grid:
          regime: [replace, window]
          window: [1, 2]
          estimator: [mle, add-k]
        """);
    List<String> described =
        config.cells().stream()
            .map(
                c ->
                    c.getString("regime")
                        + "/"
                        + (c.has("window") ? c.getLong("window") : "-")
                        + "/"
                        + c.getString("estimator")
                        + "/"
                        + (c.has("add_k") ? c.getDouble("add_k") : "-"))
            .toList();
    assertEquals(
        List.of(
            "replace/-/mle/-",
            "replace/-/add-k/1.0",
            "window/1/mle/-",
            "window/1/add-k/1.0",
            "window/2/mle/-",
            "window/2/add-k/1.0"),
        described);
    for (int i = 0; i < config.cells().size(); i++) {
      assertEquals(i, config.cells().get(i).index());
    }
    assertEquals(6, config.cells().stream().map(CellSpec::cellId).distinct().count());
  }

  @Test
  void cellIdsIgnoreSeedReplicatesGenerationsAndOutput() throws ConfigException {
    String yaml =
        CATEGORICAL
            + """
        params: {model_size: 10, samples: 20}
        grid: {alpha: [0, 0.1]}
        """;
    SweepConfig base = parse(yaml);
    SweepConfig other =
        parse(
            yaml,
            "replicates=500",
            "generations=200",
            "seed=99",
            "output.dir=elsewhere",
            "record_every=10",
            "metrics=[entropy]",
            "sampling=explicit",
            "collapse={metric: tv, above: 0.9}");
    assertEquals(ids(base), ids(other));
    assertNotEquals(base.configHash(), other.configHash());
    SweepConfig movedOutput = parse(yaml, "output={dir: x, formats: [csv]}");
    assertEquals(base.configHash(), movedOutput.configHash());
    assertEquals(base.canonicalJson(), movedOutput.canonicalJson());
    assertEquals(64, base.configHash().length());

    SweepConfig otherAlpha = parse(yaml, "grid.alpha=[0, 0.2]");
    assertEquals(ids(base).get(0), ids(otherAlpha).get(0));
    assertNotEquals(ids(base).get(1), ids(otherAlpha).get(1));
    assertTrue(ids(base).get(0).matches("[0-9a-f]{16}"));
  }

  @Test
  void cellIdsDoNotDependOnHowAValueIsWritten() throws ConfigException {
    SweepConfig written =
        parse(CATEGORICAL + "params: {model_size: 10, samples: 20, temperature: 1, alpha: 0}\n");
    SweepConfig defaulted = parse(CATEGORICAL + "params: {model_size: 10.0, samples: 20}\n");
    assertEquals(ids(written), ids(defaulted));
  }

  @Test
  void worldKeysFollowTheWorldOnly() throws ConfigException {
    SweepConfig mechanisms =
        parse(
            CATEGORICAL
                + """
        params: {model_size: 10, samples: 20}
        grid:
          alpha: [0, 0.1]
          regime: [replace, accumulate]
          temperature: [1, 0.5]
          estimator: [mle, add-k]
        """);
    assertEquals(16, mechanisms.cells().size());
    assertEquals(1, mechanisms.cells().stream().map(CellSpec::worldKey).distinct().count());
    assertEquals(16, mechanisms.cells().stream().map(CellSpec::cellId).distinct().count());

    SweepConfig worlds =
        parse(
            CATEGORICAL
                + """
        params: {model_size: 10}
        grid:
          samples: [20, 40]
          truth.exponent: [1.1, 1.5]
        """);
    assertEquals(4, worlds.cells().stream().map(CellSpec::worldKey).distinct().count());
    assertEquals(mechanisms.cells().get(0).worldKey(), worlds.cells().get(0).worldKey());
  }

  @Test
  void countsFileIsReadOnceHashedAndSizesTheVocabulary(@TempDir Path dir)
      throws ConfigException, IOException {
    Files.writeString(dir.resolve("counts.txt"), "5\n0\n2\n");
    Path config = dir.resolve("sweep.yaml");
    Files.writeString(
        config,
        CATEGORICAL
            + """
        params: {samples: 20}
        grid: {alpha: [0, 0.5]}
        truth: {distribution: counts, file: counts.txt}
        """);
    SweepConfig sweep = ConfigLoader.load(Families.catalogue(), config, List.of());
    CellSpec cell = sweep.cells().get(0);
    assertEquals(3, cell.getInt("model_size"));
    assertArrayEquals(new long[] {5, 0, 2}, cell.truthData(CountsFile.class).counts());
    assertEquals("counts.txt", cell.getString("truth.file"));
    assertEquals(CanonicalJson.sha256Hex("5\n0\n2\n"), cell.getString("truth.file_sha256"));
    assertFalse(cell.has("truth.exponent"));
    assertEquals(cell.worldKey(), sweep.cells().get(1).worldKey());

    Files.writeString(dir.resolve("counts.txt"), "5\n1\n2\n");
    CellSpec edited = ConfigLoader.load(Families.catalogue(), config, List.of()).cells().get(0);
    assertNotEquals(cell.worldKey(), edited.worldKey());
    assertNotEquals(cell.cellId(), edited.cellId());

    CellSpec explicitSize =
        ConfigLoader.load(Families.catalogue(), config, List.of("params.model_size=3"))
            .cells()
            .get(0);
    assertEquals(edited.cellId(), explicitSize.cellId());
  }

  @Test
  void sweepSettingsAreRead() throws ConfigException {
    SweepConfig config =
        parse(
            CATEGORICAL
                + """
        params:
          model_size: 10
          samples: 20
          record_every: 5
          collapse: {metric: entropy, below: 0.5}
        metrics: [tv, entropy]
        sampling: exact
        output: {dir: out, formats: [csv]}
        """,
            "seed=18446744073709551615");
    assertEquals(-1L, config.seed());
    assertEquals(5, config.recordEvery());
    assertEquals(new CollapseRule("entropy", true, 0.5), config.collapse());
    assertTrue(config.collapse().holds(0.5));
    assertFalse(config.collapse().holds(Double.NaN));
    assertEquals(List.of("tv", "entropy"), config.metrics());
    assertEquals("exact", config.sampling());
    assertEquals(new OutputSpec("out", List.of("csv")), config.output());
  }

  @Test
  void catalogueDescribesEveryFamily() {
    Set<String> categorical =
        Families.catalogue().family("categorical").parameters().stream()
            .map(ParameterSpec::name)
            .collect(Collectors.toSet());
    assertTrue(
        categorical.containsAll(Set.of("model_size", "samples", "alpha", "top_k", "truth.file")));
    assertFalse(categorical.contains("sampling_bias"));
    ParameterSpec topP = Families.catalogue().family("categorical").parameter("top_p");
    assertEquals(1.0, topP.defaultValue());
    assertEquals("1.2 is not in (0, 1]", topP.problemWith(1.2));
    assertNull(topP.problemWith(0.5));
    assertInstanceOf(
        ExogenousSchedule.Constant.class,
        Families.catalogue().family("gaussian").parameter("alpha").defaultValue());
    assertEquals(
        List.of("gaussian", "categorical", "markov", "gmm", "linreg", "sequence"),
        Families.catalogue().names());
    assertTrue(
        ConfigLoader.topLevelKeys(Families.catalogue()).stream()
            .map(ParameterSpec::name)
            .toList()
            .containsAll(
                List.of(
                    "name",
                    "seed",
                    "replicates",
                    "generations",
                    "family",
                    "grid",
                    "params",
                    "output")));
  }

  private static List<String> ids(SweepConfig config) {
    return config.cells().stream().map(CellSpec::cellId).toList();
  }
}
