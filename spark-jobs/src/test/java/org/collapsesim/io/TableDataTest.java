package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableDataTest {

  private static final TableSchema SCHEMA =
      TableSchema.of(
          Column.required("cell_id", ColumnType.STRING),
          Column.required("n", ColumnType.INT64),
          Column.optional("k", ColumnType.INT32),
          Column.optional("x", ColumnType.FLOAT64),
          Column.optional("ok", ColumnType.BOOL));

  @Test
  void storesRowsAsBoxedValuesWithExactWidening() {
    TableData t =
        TableData.builder(SCHEMA)
            .add("a", 3, (short) 2, 1.5f, true)
            .add("b", Long.MAX_VALUE, null, Double.NEGATIVE_INFINITY, null)
            .build();
    assertEquals(2, t.rowCount());
    assertArrayEquals(new Object[] {"a", 3L, 2, 1.5, true}, t.row(0));
    assertArrayEquals(
        new Object[] {"b", Long.MAX_VALUE, null, Double.NEGATIVE_INFINITY, null}, t.row(1));
    assertEquals(Long.class, t.value(0, 1).getClass());
    assertEquals(Double.class, t.value(0, 3).getClass());
  }

  @Test
  void rowCopiesCannotChangeTheTable() {
    TableData t = TableData.builder(SCHEMA).add("a", 1L, 1, 1.0, true).build();
    t.row(0)[0] = "changed";
    assertEquals("a", t.value(0, 0));
  }

  @Test
  void rejectsNaNWithAClearMessage() {
    TableData.Builder b = TableData.builder(SCHEMA).add("a", 1L, 1, 1.0, true);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.add("b", 2L, 2, Double.NaN, false));
    assertTrue(
        e.getMessage().contains("row 1")
            && e.getMessage().contains("'x'")
            && e.getMessage().contains("NaN")
            && e.getMessage().contains("null"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.add("b", 2L, 2, Float.NaN, false));
    assertEquals(1, b.build().rowCount(), "a rejected row is not added");
  }

  @Test
  void rejectsWrongTypesLengthsAndNulls() {
    TableData.Builder b = TableData.builder(SCHEMA);
    IllegalArgumentException wrongType =
        assertThrows(IllegalArgumentException.class, () -> b.add("a", 1.0, 1, 1.0, true));
    assertTrue(
        wrongType.getMessage().contains("'n'") && wrongType.getMessage().contains("INT64"),
        wrongType.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> b.add("a", 1L, 1L, 1.0, true), "INT32 takes no Long");
    assertThrows(
        IllegalArgumentException.class,
        () -> b.add("a", 1L, 1, 1, true),
        "FLOAT64 takes no Integer");
    assertThrows(IllegalArgumentException.class, () -> b.add("a", 1L, 1, 1.0, "true"));
    assertThrows(IllegalArgumentException.class, () -> b.add(1, 1L, 1, 1.0, true));
    IllegalArgumentException nullInRequired =
        assertThrows(IllegalArgumentException.class, () -> b.add(null, 1L, 1, 1.0, true));
    assertTrue(nullInRequired.getMessage().contains("non-nullable"), nullInRequired.getMessage());
    IllegalArgumentException shortRow =
        assertThrows(IllegalArgumentException.class, () -> b.add("a", 1L));
    assertTrue(
        shortRow.getMessage().contains("2 values") && shortRow.getMessage().contains("5 columns"),
        shortRow.getMessage());
  }

  @Test
  void schemaValidatesAndKeepsMetadataOrder() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TableSchema.of(
                Column.required("a", ColumnType.INT32), Column.optional("a", ColumnType.STRING)));
    assertThrows(IllegalArgumentException.class, () -> TableSchema.of());
    assertThrows(IllegalArgumentException.class, () -> Column.required(" ", ColumnType.INT32));
    TableSchema s = SCHEMA.withMetadata("z", "1").withMetadata("a", "2").withMetadata("m", "3");
    assertEquals(List.of("z", "a", "m"), List.copyOf(s.metadata().keySet()));
    assertEquals(3, s.indexOf("x"));
    assertThrows(IllegalArgumentException.class, () -> s.indexOf("nope"));
    assertThrows(UnsupportedOperationException.class, () -> s.metadata().put("b", "4"));
    assertThrows(
        NullPointerException.class, () -> SCHEMA.withMetadata(Map.of()).withMetadata("k", null));
  }
}
