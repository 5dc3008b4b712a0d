package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.collapsesim.engine.Families;
import org.junit.jupiter.api.Test;

class SetOverridesTest {

  private static final String YAML =
      """
      name: sweep
      seed: 7
      replicates: 5
      generations: 10
      family: categorical
      grid:
        alpha: [0, 0.1]
        model_size: [10, 20]
      params:
        samples: 20
      """;

  private static SweepConfig parse(String... sets) throws ConfigException {
    return ConfigLoader.parse(Families.catalogue(), YAML, null, List.of(sets));
  }

  @Test
  void scalarsAreOverridden() throws ConfigException {
    SweepConfig config = parse("replicates=1000", "params.temperature=0.5", "name=renamed");
    assertEquals(1000, config.replicates());
    assertEquals("renamed", config.name());
    assertEquals(0.5, config.cells().get(0).getDouble("temperature"));
  }

  @Test
  void listsReplaceAxesInPlace() throws ConfigException {
    SweepConfig config = parse("grid.alpha=[0,0.5,1]");
    assertEquals(List.of("alpha", "model_size"), config.axes());
    assertEquals(6, config.cells().size());
    assertEquals(0.5, config.cells().get(2).alphaSchedule().constantValue());
    assertEquals(20, config.cells().get(1).getInt("model_size"));
  }

  @Test
  void mapsAreParsedAsYaml() throws ConfigException {
    SweepConfig config = parse("grid.alpha=[{schedule: power, alpha0: 0.5, exponent: 1}]");
    assertEquals(new ExogenousSchedule.Power(0.5, 1), config.cells().get(0).get("alpha"));
  }

  @Test
  void nestedTruthKeysAreSet() throws ConfigException {
    SweepConfig grid = parse("grid.truth.exponent=[1.1,1.5]");
    assertEquals(List.of("alpha", "model_size", "truth.exponent"), grid.axes());
    assertEquals(8, grid.cells().size());
    assertEquals(1.5, grid.cells().get(1).getDouble("truth.exponent"));

    SweepConfig top = parse("truth.exponent=2", "truth.distribution=zipf");
    assertEquals(2.0, top.cells().get(0).getDouble("truth.exponent"));

    SweepConfig params = parse("params.truth.exponent=3");
    assertEquals(3.0, params.cells().get(0).getDouble("truth.exponent"));
  }

  @Test
  void anOverrideIsValidatedLikeTheFile() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> parse("truth.exponent=1.2", "grid.truth.exponent=[0, 1]"));
    assertEquals(
        List.of(
            new ConfigProblem("grid.truth.exponent[0]", "0 is not > 0"),
            new ConfigProblem(
                "truth.exponent",
                "is also given as grid.truth.exponent"
                    + " (a parameter is either a grid axis or a single value, not both)")),
        e.problems());
  }
}
