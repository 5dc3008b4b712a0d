package org.collapsesim.family.categorical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The support a {@link CountStats} keeps is a hint only: random sequences of draws (counts on a
 * listed support, few or many categories), dense writes, clears, copies and merges leave exactly
 * the counts, totals and counted lists of plain arrays given the same operations, and every
 * non-zero count stays among the candidates, listed ascending.
 */
class CountStatsTest {

  private static final int STATS = 3;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 64, 1000})
  void aSupportNeverChangesACountOrAList(int v) {
    Random random = new Random(v);
    CountStats[] stats = new CountStats[STATS];
    long[][] reference = new long[STATS][v];
    for (int s = 0; s < STATS; s++) {
      stats[s] = new CountStats(v);
    }
    for (int step = 0; step < 4000; step++) {
      int a = random.nextInt(STATS);
      int b = random.nextInt(STATS);
      switch (random.nextInt(5)) {
        case 0 -> drawOnSupport(random, stats[a], reference[a]);
        case 1 -> writeDense(random, stats[a], reference[a]);
        case 2 -> {
          stats[a].clear();
          java.util.Arrays.fill(reference[a], 0);
        }
        case 3 -> {
          if (a != b) {
            stats[b].copyFrom(stats[a]);
            System.arraycopy(reference[a], 0, reference[b], 0, v);
          }
        }
        default -> {
          if (a != b) {
            stats[b].add(stats[a]);
            for (int i = 0; i < v; i++) {
              reference[b][i] += reference[a][i];
            }
          }
        }
      }
      for (int s = 0; s < STATS; s++) {
        assertAgrees(stats[s], reference[s], "step " + step + ", stats " + s);
      }
    }
  }

  /** What the exact sampler does: counts on an ascending list of categories, some of them 0. */
  private static void drawOnSupport(Random random, CountStats stats, long[] reference) {
    int v = reference.length;
    double density = random.nextBoolean() ? 0.1 : 0.9; // few categories, or too many to keep
    int[] live = IntStream.range(0, v).filter(i -> random.nextDouble() < density).toArray();
    if (live.length == 0) {
      live = new int[] {random.nextInt(v)};
    }
    stats.clear();
    stats.supportOn(live, live.length);
    java.util.Arrays.fill(reference, 0);
    long total = 0;
    for (int i : live) {
      long c = random.nextInt(3); // zeros too: a live category may draw nothing
      stats.counts[i] = c;
      reference[i] = c;
      total += c;
    }
    if (total == 0) {
      stats.counts[live[0]] = 1;
      reference[live[0]] = 1;
      total = 1;
    }
    stats.total = total;
  }

  /** What counting tokens does: counts anywhere, the support forgotten. */
  private static void writeDense(Random random, CountStats stats, long[] reference) {
    stats.clear();
    java.util.Arrays.fill(reference, 0);
    int n = 1 + random.nextInt(2 * reference.length);
    for (int t = 0; t < n; t++) {
      int i = random.nextInt(reference.length);
      stats.counts[i]++;
      reference[i]++;
    }
    stats.supportUnknown();
    stats.total = n;
  }

  private static void assertAgrees(CountStats stats, long[] reference, String where) {
    assertArrayEquals(reference, stats.counts, where + ": counts");
    assertEquals(java.util.Arrays.stream(reference).sum(), stats.total, where + ": total");
    int[] counted = new int[reference.length];
    int k = stats.countedInto(counted);
    int[] expected = IntStream.range(0, reference.length).filter(i -> reference[i] > 0).toArray();
    assertArrayEquals(expected, java.util.Arrays.copyOf(counted, k), where + ": counted list");
    int previous = -1;
    int seen = 0;
    for (int j = 0; j < stats.candidates(); j++) {
      int i = stats.candidate(j);
      assertTrue(i > previous, where + ": candidates ascending");
      previous = i;
      seen += reference[i] > 0 ? 1 : 0;
    }
    assertEquals(expected.length, seen, where + ": every counted category is a candidate");
  }
}
