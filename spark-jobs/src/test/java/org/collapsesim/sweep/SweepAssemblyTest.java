package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The streaming group reduction of {@link SweepAssembly} on its own (the whole assembly is covered
 * by the sweep tests, which compare its files with {@code collapse run}'s bit for bit).
 */
class SweepAssemblyTest {

  private static List<Row> rows(int... keysAndValues) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.add(RowFactory.create(keysAndValues[i], keysAndValues[i + 1]));
    }
    return out;
  }

  private static List<String> groups(List<Row> sorted) {
    Iterator<String> it =
        SweepAssembly.reduceRuns(
            sorted.iterator(),
            r -> r.getInt(0),
            group -> {
              StringBuilder s = new StringBuilder(group.get(0).getInt(0) + ":");
              for (Row r : group) {
                s.append(' ').append(r.getInt(1));
              }
              return s.toString();
            });
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void eachRunOfEqualKeysIsOneGroupInItsOrder() {
    assertEquals(
        List.of("1: 0 1 2", "2: 5", "7: 3 4"), groups(rows(1, 0, 1, 1, 1, 2, 2, 5, 7, 3, 7, 4)));
  }

  @Test
  void singleRowsAndSingleGroupsAreGroupsToo() {
    assertEquals(List.of("3: 9"), groups(rows(3, 9)));
    assertEquals(List.of("4: 1 2 3"), groups(rows(4, 1, 4, 2, 4, 3)));
    assertEquals(List.of("1: 1", "2: 2", "3: 3"), groups(rows(1, 1, 2, 2, 3, 3)));
  }

  @Test
  void noRowsNoGroups() {
    Iterator<String> it =
        SweepAssembly.reduceRuns(List.<Row>of().iterator(), r -> r.getInt(0), g -> "x");
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }
}
