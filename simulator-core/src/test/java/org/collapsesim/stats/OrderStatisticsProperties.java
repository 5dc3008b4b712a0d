package org.collapsesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Selection gives bit for bit what sorting gave: {@link OrderStatistics} against {@link
 * Arrays#sort(double[])}, and {@link ReplicateSummary#of} against the sort-then-{@link
 * ReplicateSummary#quantileSorted} summary it replaced, on random values rich in ties, signed
 * zeros, infinities and extremes, and on ordered patterns that stress the partitioning. Equality is
 * {@link Double#equals}, which tells -0.0 from +0.0. Exact comparisons: no false failures.
 */
class OrderStatisticsProperties {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Property(tries = 300)
  void everyRankInAnyOrderIsTheSortedValue(
      @ForAll("manyValues") double[] values, @ForAll long querySeed) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    OrderStatistics x = new OrderStatistics(values, 0); // selection however small
    int[] ranks =
        new SplittableRandom(querySeed)
            .ints(values.length, 0, Math.max(1, values.length))
            .toArray();
    for (int r : ranks) {
      assertEquals(sorted[r], x.get(r), () -> "rank " + r + " of " + Arrays.toString(values));
    }
    for (int r = 0; r < values.length; r++) {
      assertEquals(sorted[r], x.get(r), "rank " + r);
    }
  }

  /** Sizes past {@link OrderStatistics#SORT_ALL}, so the summary takes the selection path. */
  @Property(tries = 200)
  void summaryIsTheSortedSummary(@ForAll("manyValues") double[] values) {
    double[] before = values.clone();
    assertEquals(bySorting(values), ReplicateSummary.of(values));
    assertEquals(Arrays.toString(before), Arrays.toString(values), "input untouched");
  }

  /** Sorted, reversed, organ-pipe, all equal, two values, sawtooth: sizes across the cut-offs. */
  @Test
  void orderedPatterns() {
    for (int n : new int[] {1, 2, 23, 24, 25, 26, 100, 1024, 1025, 4096, 10_000}) {
      for (int pattern = 0; pattern < 6; pattern++) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] =
              switch (pattern) {
                case 0 -> i;
                case 1 -> n - i;
                case 2 -> Math.min(i, n - 1 - i);
                case 3 -> 0.5;
                case 4 -> i % 2 == 0 ? -0.0 : 0.0;
                default -> i % 7 - 3;
              };
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        OrderStatistics x = new OrderStatistics(v, 0);
        for (int r : new int[] {n / 2, (n - 1) / 20, (19 * (n - 1)) / 20, 0, n - 1}) {
          assertEquals(sorted[r], x.get(r), "pattern " + pattern + " n " + n + " rank " + r);
        }
        assertEquals(bySorting(v), ReplicateSummary.of(v), "pattern " + pattern + " n " + n);
      }
    }
  }

  @Test
  void refusesNaNAndRanksOutside() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new OrderStatistics(new double[] {1, Double.NaN}));
    assertEquals("values[1] is NaN; order statistics need numbers", e.getMessage());
    OrderStatistics x = new OrderStatistics(new double[] {3, 1});
    assertThrows(IndexOutOfBoundsException.class, () -> x.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> x.get(-1));
    assertEquals(1.0, x.get(0));
  }

  /** The summary as it was computed before selection: a full sort, then the type-7 quantiles. */
  private static ReplicateSummary bySorting(double[] values) {
    if (values.length == 0) {
      return ReplicateSummary.EMPTY;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    ReplicateSummary fast = ReplicateSummary.of(values);
    return new ReplicateSummary(
        values.length,
        fast.mean(),
        fast.sd(),
        fast.se(),
        ReplicateSummary.quantileSorted(sorted, 0.05),
        ReplicateSummary.quantileSorted(sorted, 0.5),
        ReplicateSummary.quantileSorted(sorted, 0.95),
        sorted[0],
        sorted[values.length - 1]);
  }

  @Provide
  Arbitrary<double[]> manyValues() {
    return values(0, 3 * OrderStatistics.SORT_ALL);
  }

  private static Arbitrary<double[]> values(int minSize, int maxSize) {
    Arbitrary<Double> special =
        Arbitraries.of(
            List.of(
                0.0,
                -0.0,
                1.0,
                -1.0,
                INF,
                -INF,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                Double.MIN_VALUE,
                -Double.MIN_VALUE));
    Arbitrary<Double> fewDistinct = Arbitraries.integers().between(-3, 3).map(i -> i * 0.25);
    Arbitrary<Double> any = Arbitraries.doubles().between(-1e6, 1e6);
    Arbitrary<Double> element =
        Arbitraries.frequencyOf(Tuple.of(2, special), Tuple.of(3, fewDistinct), Tuple.of(5, any));
    return element
        .array(Double[].class)
        .ofMinSize(minSize)
        .ofMaxSize(maxSize)
        .map(a -> Arrays.stream(a).mapToDouble(Double::doubleValue).toArray());
  }
}
