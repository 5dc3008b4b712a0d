package org.collapsesim.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link IndexSort#byDescending} equals the JDK's stable sort of the indices by value descending,
 * ties by index, on inputs that exercise the skipped merges (already descending, runs of ties) and
 * the merges (ascending, random, a descending list with a few values out of place), at lengths that
 * are and are not powers of two, and on a sub-range.
 */
class IndexSortTest {

  @ParameterizedTest(name = "kind {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void equalsAStableSortByValueDescending(int kind) {
    for (int n : new int[] {0, 1, 2, 3, 8, 13, 64, 1000, 4099}) {
      RandomStream rng = new RandomStream(1000L * kind + n);
      double[] values = new double[n + 5];
      for (int i = 0; i < values.length; i++) {
        values[i] =
            switch (kind) {
              case 0 -> 1.0 / (1 + i); // descending: every merge skipped
              case 1 -> i; // ascending: every merge done
              case 2 -> rng.nextDouble();
              case 3 -> rng.nextInt(4); // many ties
              case 4 -> i % 7 == 0 ? 2.0 : 1.0 / (1 + i); // descending with values out of place
              default -> 1.0 / (1 + i / 10); // descending runs of ten equal values
            };
      }
      int from = 3;
      int[] expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingDouble(i -> -values[from + i])
                      .thenComparingInt(i -> i))
              .mapToInt(Integer::intValue)
              .toArray();
      assertArrayEquals(expected, IndexSort.byDescending(values, from, n), "n = " + n);
      assertArrayEquals(
          IntStream.range(0, values.length)
              .boxed()
              .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
              .mapToInt(Integer::intValue)
              .toArray(),
          IndexSort.byDescending(values),
          Arrays.toString(values));
    }
  }
}
