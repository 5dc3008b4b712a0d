package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A family known only to this test, registered through the SPI alone: config validates its
 * parameters, runs its rules, selects its metrics and reads its exact-path flag from the catalogue
 * it is given, with no config code naming it.
 */
class FamilySpiTest {

  /** A family with one parameter, one rule (toy_k <= model_size) and two metrics. */
  private static final FamilyDefinition TOY =
      new FamilyDefinition() {
        @Override
        public String name() {
          return "toy";
        }

        @Override
        public List<ParameterSpec> parameters() {
          return List.of(
              ParameterSpec.of(
                      "toy_k", "a toy count", "an integer >= 1", ValueParsers.integerAtLeast(1))
                  .withDefault(2L));
        }

        @Override
        public List<CellRule> rules() {
          return List.of(
              (cell, context, problems) -> {
                if (cell.get("toy_k") instanceof Long k
                    && cell.get("model_size") instanceof Long v
                    && k > v) {
                  problems.add(
                      new ConfigProblem(
                          cell.origin("toy_k"),
                          "exceeds "
                              + cell.describe("model_size")
                              + " for family "
                              + cell.family()));
                }
              });
        }

        @Override
        public List<MetricDefinition> metrics() {
          return List.of(
              new MetricDefinition("a", "first", MetricDefinition.Better.HIGHER),
              new MetricDefinition("b", "second", MetricDefinition.Better.LOWER));
        }

        @Override
        public boolean hasExactPath() {
          return false;
        }
      };

  private static final FamilyCatalogue CATALOGUE = FamilyCatalogue.of(List.of(TOY));

  private static SweepConfig parse(String extra) throws ConfigException {
    return ConfigLoader.parse(
        CATALOGUE,
        "name: t\nseed: 1\ngenerations: 2\nfamily: toy\n"
            + "params: {model_size: 3, samples: 10}\n"
            + extra,
        null,
        List.of());
  }

  @Test
  void theFamilysParametersAndMetricsComeFromTheCatalogue() throws ConfigException {
    SweepConfig config = parse("grid: {toy_k: [1, 3]}\n");
    assertEquals(List.of(1L, 3L), config.cells().stream().map(c -> c.get("toy_k")).toList());
    assertEquals(List.of("a", "b"), config.recordedMetrics());
    assertEquals(List.of("b"), parse("metrics: [b]\n").recordedMetrics());
    assertEquals(2L, parse("").cells().get(0).get("toy_k"));
    assertFalse(parse("").cells().get(0).has("truth.file_sha256"));
  }

  @Test
  void theFamilysRulesRunWithTheKeyPathOfTheValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("grid: {toy_k: [1, 4]}\n"));
    assertEquals(
        List.of(
            new ConfigProblem(
                "grid.toy_k[1]", "exceeds model_size = 3 (params.model_size) for family toy")),
        e.problems());
  }

  @Test
  void exactSamplingAndFamilyNamesFollowTheCatalogue() {
    ConfigException exact = assertThrows(ConfigException.class, () -> parse("sampling: exact\n"));
    assertEquals(
        List.of(
            new ConfigProblem(
                "sampling",
                "\"exact\" has no exact path for family toy (no family has one); use auto or explicit")),
        exact.problems());
    ConfigException other =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    CATALOGUE,
                    "name: t\nseed: 1\ngenerations: 2\nfamily: gaussian\n",
                    null,
                    List.of()));
    assertTrue(
        other.problems().get(0).message().contains("one of toy"), other.problems().toString());
  }

  @Test
  void aFamilyRegisteredTwiceIsRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> FamilyCatalogue.of(List.of(TOY, TOY)));
    assertEquals("family toy is registered twice", e.getMessage());
  }
}
