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

  /**
   * A family with one parameter, one rule (toy_k <= model_size), two metrics, the shared reservoir
   * (not the verifier) and a mechanism of its own, {@code toy_anchor: {fraction, k}}.
   */
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
                  .withDefault(2L),
              ParameterSpec.of(
                      "toy_anchor.fraction",
                      "the toy anchor's share",
                      "a number in [0, 1], or a schedule as for alpha",
                      ExogenousSchedule::parse)
                  .asRequired()
                  .withApplicability(SharedMechanism.whenOn("toy_anchor")),
              ParameterSpec.of(
                      "toy_anchor.k",
                      "the toy anchor's setting",
                      "an integer >= 1",
                      ValueParsers.integerAtLeast(1))
                  .withDefault(7L)
                  .withApplicability(SharedMechanism.whenOn("toy_anchor")));
        }

        @Override
        public java.util.Set<SharedMechanism> mechanisms() {
          return java.util.Set.of(SharedMechanism.RESERVOIR);
        }

        @Override
        public String mechanismNote(SharedMechanism mechanism) {
          return "a toy reservoir";
        }

        @Override
        public List<MechanismInfo> ownMechanisms() {
          return List.of(MechanismInfo.of("toy", "toy_anchor: {fraction, k}", "f", "explicit"));
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

  private static SweepConfig withParams(String params) throws ConfigException {
    return ConfigLoader.parse(
        CATALOGUE,
        "name: t\nseed: 1\ngenerations: 2\nfamily: toy\n"
            + "params: {model_size: 3, samples: 10, "
            + params
            + "}\n",
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
  void aFamilysMechanismsComeFromItsDeclarationAlone() throws ConfigException {
    // its own mechanism, nested or dotted, defaults completed only when it is on
    SweepConfig on = withParams("toy_anchor: {fraction: 0.25}");
    assertEquals(7L, on.cells().get(0).get("toy_anchor.k"));
    assertFalse(parse("").cells().get(0).has("toy_anchor.k"));
    // its share of D_new counts with alpha and the shared reservoir's
    ConfigException over =
        assertThrows(
            ConfigException.class,
            () -> withParams("alpha: 0.5, reservoir.fraction: 0.25, toy_anchor.fraction: 0.5"));
    assertEquals(1, over.problems().size(), over.problems().toString());
    assertEquals(
        "alpha_1 = 0.5 plus reservoir.fraction_1 = 0.25 plus toy_anchor.fraction_1 = 0.5 is 1.25,"
            + " more than 1 (the sources share M)",
        over.problems().get(0).message());
    // a shared mechanism it does not declare is not among its keys
    ConfigException verifier =
        assertThrows(ConfigException.class, () -> withParams("verifier: {false_accept: 0.1}"));
    assertTrue(
        verifier.problems().get(0).path().startsWith("params.verifier"),
        verifier.problems().toString());
    // describe: the reservoir lists it with its note, the verifier does not, its own is listed
    List<MechanismInfo> described = CATALOGUE.mechanisms();
    assertEquals(
        List.of("alpha, fixed_anchor", "reservoir: {fraction, ...}", "toy_anchor: {fraction, k}"),
        described.stream().map(MechanismInfo::key).toList());
    assertEquals(java.util.Map.of("toy", "a toy reservoir"), described.get(1).notes());
  }

  @Test
  void aFamilyRegisteredTwiceIsRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> FamilyCatalogue.of(List.of(TOY, TOY)));
    assertEquals("family toy is registered twice", e.getMessage());
  }
}
