package org.collapsesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedContrastTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void handComputedAgainstNumpy() {
    // numpy: d = x - y = [0.5, -0.2, 1.0, 0.3]; d.mean() 0.4, d.std(ddof=1) 0.496655480858378,
    // se 0.248327740429189; x.std(ddof=1) 1.2971121771072847, y.std(ddof=1) 0.8301606270274847,
    // sqrt(x.var(ddof=1)/4 + y.var(ddof=1)/4) 0.7700108224347673
    double[] x = {2.5, 0.1, 3.0, 1.3};
    double[] y = {2.0, 0.3, 2.0, 1.0};
    PairedContrast c = PairedContrast.of(x, y);
    assertEquals(4, c.nPairs());
    assertEquals(0.4, c.diffMean(), 1e-15);
    assertEquals(0.248327740429189, c.diffSe(), 1e-15);
    assertEquals(0.7700108224347673, c.unpairedSe(), 1e-15);
  }

  /** The pairing is by replicate: permuting one side changes the paired se, not the unpaired. */
  @Test
  void pairsByReplicate() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {1.1, 2.1, 2.9, 4.2, 4.9};
    double[] yShuffled = {4.9, 1.1, 4.2, 2.1, 2.9};
    PairedContrast paired = PairedContrast.of(x, y);
    PairedContrast shuffled = PairedContrast.of(x, yShuffled);
    assertEquals(paired.diffMean(), shuffled.diffMean(), 1e-15);
    assertEquals(paired.unpairedSe(), shuffled.unpairedSe(), 1e-15);
    assertTrue(paired.diffSe() < 0.1 * shuffled.diffSe(), paired + " vs " + shuffled);
  }

  /**
   * Common random numbers: x = z + e1, y = z + e2 with a shared z of sd 1 and own noise of sd 0.1;
   * the paired se estimates 0.1 sqrt(2) / sqrt(n), the unpaired sqrt(2 (1 + 0.01) / n). The ratio
   * of estimates is far from its failure bound (1/3) for any seed at n = 400.
   */
  @Test
  void commonRandomNumbersShrinkTheSe() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 400;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double z = gaussian(rng);
      x[i] = z + 0.1 * gaussian(rng);
      y[i] = z + 0.1 * gaussian(rng) + 0.05;
    }
    PairedContrast c = PairedContrast.of(x, y);
    double expectedPaired = 0.1 * Math.sqrt(2.0 / n);
    double expectedUnpaired = Math.sqrt(2 * 1.01 / n);
    assertEquals(expectedPaired, c.diffSe(), 0.15 * expectedPaired, c.toString());
    assertEquals(expectedUnpaired, c.unpairedSe(), 0.15 * expectedUnpaired, c.toString());
    assertEquals(-0.05, c.diffMean(), 4 * expectedPaired, c.toString());
  }

  @Test
  void infinitiesGiveNulls() {
    PairedContrast oneSide = PairedContrast.of(new double[] {1, INF, 2}, new double[] {0, 1, 1});
    assertEquals(3, oneSide.nPairs());
    assertNull(oneSide.diffMean());
    assertNull(oneSide.diffSe());
    assertNull(oneSide.unpairedSe());
    PairedContrast bothSides = PairedContrast.of(new double[] {1, INF}, new double[] {0, INF});
    assertNull(bothSides.diffMean()); // infinity minus infinity is undefined
    assertNull(bothSides.unpairedSe());
  }

  @Test
  void fewPairs() {
    PairedContrast none = PairedContrast.of(new double[0], new double[0]);
    assertEquals(0, none.nPairs());
    assertNull(none.diffMean());
    assertNull(none.diffSe());
    assertNull(none.unpairedSe());
    PairedContrast one = PairedContrast.of(new double[] {3}, new double[] {1});
    assertEquals(2.0, one.diffMean());
    assertNull(one.diffSe());
    assertNull(one.unpairedSe());
  }

  @Test
  void rejectsMismatchedOrNaN() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PairedContrast.of(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("cell has 2 values but baseline has 1"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PairedContrast.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * rng.nextDouble());
  }
}
