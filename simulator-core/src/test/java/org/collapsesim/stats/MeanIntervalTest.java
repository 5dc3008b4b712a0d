package org.collapsesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

  @Test
  void handComputed() {
    double[] x = {2.5, 0.1, 7.0, 3.3, -1.2};
    MeanInterval ci = MeanInterval.of(x);
    double half = 2.7764451051977943578 * 1.417956275771577;
    assertEquals(5, ci.n());
    assertEquals(2.34, ci.mean(), 1e-15);
    assertEquals(half, ci.halfWidth(), 1e-13);
    assertEquals(2.34 - half, ci.lower(), 1e-13);
    assertEquals(2.34 + half, ci.upper(), 1e-13);
    // identical mean bits to the summary
    assertEquals(ReplicateSummary.of(x).mean(), ci.mean());
  }

  @Test
  void undefinedParts() {
    MeanInterval empty = MeanInterval.of(new double[0]);
    assertEquals(0, empty.n());
    assertNull(empty.mean());
    assertNull(empty.halfWidth());
    MeanInterval one = MeanInterval.of(new double[] {3.0});
    assertEquals(3.0, one.mean());
    assertNull(one.lower());
    assertNull(one.upper());
    MeanInterval inf = MeanInterval.of(new double[] {1.0, Double.POSITIVE_INFINITY});
    assertEquals(Double.POSITIVE_INFINITY, inf.mean());
    assertNull(inf.halfWidth());
  }
}
