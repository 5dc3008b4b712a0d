package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk loop of {@link AliasTable} ({@code fill}) is {@code sample} called in a loop: the same
 * categories from the same words, and the stream left at the same position. With 1000003 columns,
 * Lemire's rejection (an extra word) happens about 5 times in 20000 draws, so the large case checks
 * that path too (it asserts that it happened).
 */
class AliasTableBulkTest {

  @ParameterizedTest(name = "{0} categories")
  @ValueSource(ints = {1, 2, 7, 1000, 1_000_003})
  void bulkLoopsEqualSampleInALoop(int size) {
    double[] weights = new double[size + 3];
    RandomStream setup = new RandomStream(StreamKeys.hash(17, size));
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i % 5 == 3 ? 0.0 : setup.nextDouble();
    }
    weights[3] = 1.0; // at least one positive weight in the range [3, size + 3)
    AliasTable table = new AliasTable();
    table.rebuild(weights, 3, size);
    int[] map = new int[size + 9];
    for (int i = 0; i < map.length; i++) {
      map[i] = (i * 7 + 1) % (size + 9);
    }
    int draws = 20_000;
    long key = StreamKeys.hash(23, size);

    RandomStream one = new RandomStream(key);
    one.skip(5);
    int[] expected = new int[draws + 4];
    for (int i = 2; i < draws + 2; i++) {
      int category = table.sample(one);
      expected[i] = map[category];
    }
    long wordsUsed = one.position() - 5;

    RandomStream bulk = new RandomStream(key);
    bulk.skip(5);
    int[] tokens = new int[draws + 4];
    table.fill(bulk, map, tokens, 2, draws + 2);
    assertArrayEquals(expected, tokens);
    assertEquals(one.position(), bulk.position(), "fill leaves the stream where sample does");
    if (size == 1_000_003) {
      assertTrue(
          wordsUsed > 2L * draws, "no rejection happened: the rejection path went unchecked");
    }
  }
}
