package org.collapsesim.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.ChainRunner;
import org.junit.jupiter.api.Test;

/**
 * Each family's declarations hold for what it builds: the key metrics are among its metrics, and
 * the exact-path flag config validation reads ({@code sampling: exact}) is the one its bound cell
 * model acts on.
 */
class FamilyCatalogueTest {

  @Test
  void keyMetricsAreMetricsOfTheFamily() {
    for (Family family : Families.all()) {
      assertTrue(
          Families.catalogue().family(family.name()).metrics().containsAll(family.keyMetrics()),
          family.name());
    }
  }

  @Test
  void theDeclaredExactPathIsTheOneTheCellModelHas() {
    for (Family family : Families.all()) {
      SweepConfig config =
          ChainRunner.parse(
              "name: x\nseed: 1\ngenerations: 1\nfamily: "
                  + family.name()
                  + "\nparams: {model_size: 2, samples: 20}\n");
      var cell = family.bind(config.cells().get(0), config.seed());
      assertEquals(cell.hasExactPath(), family.hasExactPath(), family.name());
      assertEquals(
          cell.hasExactPath(),
          Families.catalogue().exactPathFamilies().contains(family.name()),
          family.name());
      assertEquals(cell.thinsStats(), family.thinsStats(), family.name());
      assertEquals(
          cell.thinsStats(),
          Families.catalogue().exactVerifierFamilies().contains(family.name()),
          family.name());
    }
  }
}
