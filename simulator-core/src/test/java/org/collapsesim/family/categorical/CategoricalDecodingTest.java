package org.collapsesim.family.categorical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Decoding: temperature, then top-k, then top-p, on the model before sampling. */
class CategoricalDecodingTest {

  private static double[] normalized(double[] q) {
    double s = 0;
    for (double x : q) {
      s += x;
    }
    double[] out = q.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= s;
    }
    return out;
  }

  @Test
  void temperatureRaisesProbabilitiesToOneOverT() {
    double[] p = {0.5, 0.3, 0.2, 0.0};
    double[] q = new double[4];
    new CategoricalDecoding(0.5, 0, 1.0).apply(p, q);
    assertArrayEquals(new double[] {25 / 38.0, 9 / 38.0, 4 / 38.0, 0}, normalized(q), 1e-14);
  }

  @Test
  void topKKeepsTheKMostProbableWithTiesByIndex() {
    double[] p = {0.1, 0.3, 0.3, 0.2, 0.1};
    double[] q = new double[5];
    new CategoricalDecoding(1.0, 2, 1.0).apply(p, q);
    assertArrayEquals(new double[] {0, 0.3, 0.3, 0, 0}, q);
    new CategoricalDecoding(1.0, 4, 1.0).apply(p, q);
    assertArrayEquals(
        new double[] {0.1, 0.3, 0.3, 0.2, 0}, q, "tie at 0.1 goes to the lower index");
  }

  @Test
  void topPKeepsTheSmallestPrefixReachingP() {
    double[] p = {0.05, 0.5, 0.25, 0.2};
    double[] q = new double[4];
    new CategoricalDecoding(1.0, 0, 0.7).apply(p, q);
    assertArrayEquals(new double[] {0, 0.5, 0.25, 0}, q);
    new CategoricalDecoding(1.0, 0, 0.5).apply(p, q);
    assertArrayEquals(new double[] {0, 0.5, 0, 0}, q);
  }

  @Test
  void identityIsRecognized() {
    assertEquals(true, new CategoricalDecoding(1.0, 0, 1.0).identity());
    assertEquals(false, new CategoricalDecoding(1.0, 3, 1.0).identity());
  }
}
