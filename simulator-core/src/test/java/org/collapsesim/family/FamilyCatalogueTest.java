package org.collapsesim.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.config.FamilyParameters;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.ChainRunner;
import org.junit.jupiter.api.Test;

/** The config catalogue and the families agree on names and metrics. */
class FamilyCatalogueTest {

  @Test
  void everyImplementedFamilyIsRegisteredWithTheSameMetrics() {
    for (Family family : Families.all()) {
      FamilyParameters table = FamilyParameters.of(family.name());
      assertTrue(table.implemented(), family.name());
      assertEquals(
          family.metrics().stream().map(MetricDefinition::name).toList(),
          table.metrics(),
          family.name());
      assertTrue(table.metrics().containsAll(family.keyMetrics()), family.name());
    }
    assertEquals(
        FamilyParameters.implementedFamilyNames(),
        Families.all().stream().map(Family::name).toList());
  }

  @Test
  void configValidationKnowsWhichFamiliesHaveAnExactSamplingPath() {
    for (Family family : Families.all()) {
      SweepConfig config =
          ChainRunner.parse(
              "name: x\nseed: 1\ngenerations: 1\nfamily: "
                  + family.name()
                  + "\nparams: {model_size: 2, samples: 20}\n");
      var cell = family.bind(config.cells().get(0), config.seed());
      assertEquals(
          cell.hasExactPath(),
          FamilyParameters.EXACT_SAMPLING_FAMILIES.contains(family.name()),
          family.name());
      assertEquals(
          cell.thinsStats(),
          FamilyParameters.EXACT_VERIFIER_FAMILIES.contains(family.name()),
          family.name());
    }
  }
}
