package org.collapsesim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  @Test
  void handComputedCurveWithCensoring() {
    // times 3, 5, 5, 8(censored), 10(censored at G), 10(censored), 2
    int[] times = {3, 5, 5, 8, 10, 10, 2};
    boolean[] collapsed = {true, true, true, false, false, false, true};
    KaplanMeier km = KaplanMeier.fit(times, collapsed);
    assertArrayEquals(new int[] {2, 3, 5}, km.eventTimes());
    assertArrayEquals(new int[] {7, 6, 5}, km.atRisk());
    assertArrayEquals(new int[] {1, 1, 2}, km.events());
    double s2 = 6.0 / 7;
    double s3 = s2 * (5.0 / 6);
    double s5 = s3 * (3.0 / 5);
    assertArrayEquals(new double[] {s2, s3, s5}, km.survival(), 1e-15);
    assertEquals(1.0, km.survivalAt(1));
    assertEquals(s3, km.survivalAt(4), 1e-15);
    assertEquals(s5, km.survivalAt(10), 1e-15);
    assertEquals(5, km.median()); // s5 = 3/7 <= 0.5
    assertEquals(4.0 / 7, km.fractionCollapsed(), 1e-15);
    assertEquals(4, km.collapsedCount());
  }

  @Test
  void tiesBetweenEventsAndCensoringCountCensoredAsAtRisk() {
    KaplanMeier km = KaplanMeier.fit(new int[] {4, 4, 6}, new boolean[] {false, true, true});
    assertArrayEquals(new int[] {3, 1}, km.atRisk());
    assertArrayEquals(new double[] {2.0 / 3, 0.0}, km.survival(), 1e-15);
    assertEquals(6, km.median());
  }

  @Test
  void medianNotReachedAndEmpty() {
    KaplanMeier km =
        KaplanMeier.fit(new int[] {5, 20, 20, 20}, new boolean[] {true, false, false, false});
    assertNull(km.median());
    assertEquals(0.25, km.fractionCollapsed());
    KaplanMeier empty = KaplanMeier.fit(new int[0], new boolean[0]);
    assertNull(empty.median());
    assertNull(empty.fractionCollapsed());
    assertEquals(1.0, empty.survivalAt(100));
  }

  @Test
  void exactlyHalfIsTheMedian() {
    KaplanMeier km =
        KaplanMeier.fit(new int[] {1, 2, 9, 9}, new boolean[] {true, true, false, false});
    assertEquals(2, km.median());
  }

  @Test
  void orderOfInputDoesNotMatter() {
    int[] t = {3, 5, 5, 8, 10, 10, 2};
    boolean[] c = {true, true, true, false, false, false, true};
    int[] t2 = {10, 2, 5, 10, 8, 3, 5};
    boolean[] c2 = {false, true, true, false, false, true, true};
    assertEquals(KaplanMeier.fit(t, c), KaplanMeier.fit(t2, c2));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new int[2], new boolean[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> KaplanMeier.fit(new int[] {-1}, new boolean[] {true}));
  }
}
