package org.collapsesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplicateSummaryTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void numpyDefaultQuantiles() {
    ReplicateSummary s = ReplicateSummary.of(new double[] {7, 3, 10, 1, 5, 2, 9, 4, 8, 6});
    assertEquals(10, s.n());
    assertEquals(1.45, s.q05(), 1e-12);
    assertEquals(5.5, s.q50(), 0.0);
    assertEquals(9.55, s.q95(), 1e-12);
    assertEquals(5.5, s.mean(), 0.0);
    assertEquals(1.0, s.min(), 0.0);
    assertEquals(10.0, s.max(), 0.0);
    assertEquals(Math.sqrt(82.5 / 9), s.sd(), 1e-15);
    assertEquals(Math.sqrt(82.5 / 9) / Math.sqrt(10), s.se(), 1e-15);
  }

  @Test
  void handComputedAgainstNumpy() {
    // numpy: mean 2.34, std(ddof=1) 3.170646621747684, se 1.417956275771577, q -0.94 2.5 6.26
    ReplicateSummary s = ReplicateSummary.of(new double[] {2.5, 0.1, 7.0, 3.3, -1.2});
    assertEquals(2.34, s.mean(), 1e-15);
    assertEquals(3.170646621747684, s.sd(), 1e-15);
    assertEquals(1.417956275771577, s.se(), 1e-15);
    assertEquals(-0.94, s.q05(), 1e-15);
    assertEquals(2.5, s.q50(), 0.0);
    assertEquals(6.26, s.q95(), 1e-14);
  }

  @Test
  void emptyAndSingle() {
    ReplicateSummary empty = ReplicateSummary.of(new double[0]);
    assertEquals(ReplicateSummary.EMPTY, empty);
    assertEquals(0, empty.n());
    assertNull(empty.mean());
    assertNull(empty.q50());
    assertNull(empty.min());
    ReplicateSummary one = ReplicateSummary.of(new double[] {4.25});
    assertEquals(1, one.n());
    assertEquals(4.25, one.mean());
    assertNull(one.sd());
    assertNull(one.se());
    assertEquals(4.25, one.q05());
    assertEquals(4.25, one.q50());
    assertEquals(4.25, one.q95());
    assertEquals(4.25, one.min());
    assertEquals(4.25, one.max());
  }

  @Test
  void infinities() {
    ReplicateSummary s = ReplicateSummary.of(new double[] {3.0, INF, 1.0, 2.0});
    assertEquals(INF, s.mean());
    assertNull(s.sd());
    assertNull(s.se());
    assertEquals(1.15, s.q05(), 1e-15);
    assertEquals(2.5, s.q50(), 0.0);
    assertEquals(INF, s.q95()); // weight on +Infinity
    assertEquals(INF, s.max());

    ReplicateSummary neg = ReplicateSummary.of(new double[] {3.0, -INF, 1.0, 2.0});
    assertEquals(-INF, neg.mean());
    assertEquals(-INF, neg.q05()); // numpy gives NaN (Inf - Inf); the limit is -Infinity
    assertEquals(1.5, neg.q50(), 0.0);
    assertEquals(2.85, neg.q95(), 1e-15);

    ReplicateSummary both = ReplicateSummary.of(new double[] {-INF, INF});
    assertNull(both.mean());
    assertNull(both.sd());
    assertNull(both.q05()); // any interpolation between -Infinity and +Infinity is undefined
    assertNull(both.q50());
    assertNull(both.q95());
    ReplicateSummary three = ReplicateSummary.of(new double[] {INF, -INF, 0.0});
    assertEquals(-INF, three.q05());
    assertEquals(0.0, three.q50());
    assertEquals(INF, three.q95());
    assertEquals(-INF, both.min());
    assertEquals(INF, both.max());

    ReplicateSummary allInf = ReplicateSummary.of(new double[] {INF, INF, INF});
    assertEquals(INF, allInf.mean());
    assertEquals(INF, allInf.q05());
    assertEquals(INF, allInf.q50());
    assertNull(allInf.sd());
  }

  @Test
  void nanIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReplicateSummary.of(new double[] {1, Double.NaN}));
    assertEquals(true, e.getMessage().contains("values[1]"));
  }

  @Test
  void meanIsSummedInTheGivenOrder() {
    double[] values = {1e16, 1.0, -1e16, 1.0};
    // left to right: ((1e16 + 1) - 1e16) + 1 = 0 + 1 = 1 (1e16 + 1 rounds to 1e16)
    assertEquals(0.25, ReplicateSummary.of(values).mean(), 0.0);
    assertEquals(0.5, ReplicateSummary.of(new double[] {1.0, 1.0, 1e16, -1e16}).mean(), 0.0);
    // quantiles depend only on the multiset
    assertEquals(
        ReplicateSummary.of(values).q50(),
        ReplicateSummary.of(new double[] {1.0, 1.0, 1e16, -1e16}).q50());
  }

  @Test
  void overflowingSumOfFiniteValues() {
    double big = 1.5e308;
    ReplicateSummary s = ReplicateSummary.of(new double[] {big, big});
    assertEquals(big, s.mean(), 0.0);
  }

  @Test
  void quantileEdges() {
    double[] x = {1, 2, 3};
    assertEquals(1.0, ReplicateSummary.quantileSorted(x, 0.0));
    assertEquals(3.0, ReplicateSummary.quantileSorted(x, 1.0));
    assertEquals(2.0, ReplicateSummary.quantileSorted(x, 0.5));
    assertNull(ReplicateSummary.quantileSorted(new double[0], 0.5));
  }
}
