package org.collapsesim.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic test table that exercises every column type, nulls, infinities and awkward
 * strings.
 */
final class TestTables {

  static final double[] SPECIAL_DOUBLES = {
    0.1,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    -Double.MAX_VALUE,
    1.0E-5,
    123456789.123,
    2.0E23,
    Math.PI,
    Math.nextUp(1.0)
  };

  private TestTables() {}

  static Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", "0.1.0-SNAPSHOT");
    m.put("master_seed", Long.MIN_VALUE + 7);
    m.put("cells", 3);
    m.put("note", "quote \" backslash \\ newline \n tab \t é ∞");
    m.put("threshold", Double.POSITIVE_INFINITY);
    return m;
  }

  static List<Object> metricDefinitions() {
    Map<String, Object> entropy = new LinkedHashMap<>();
    entropy.put("name", "entropy");
    entropy.put("unit", "nats");
    entropy.put("definition", "H(p) = -sum p_i log p_i");
    return List.of(entropy);
  }

  static TableSchema schema() {
    return new TableSchema(
            List.of(
                Column.required("cell_id", ColumnType.STRING),
                Column.required("replicate", ColumnType.INT32),
                Column.required("seed", ColumnType.INT64),
                Column.optional("value", ColumnType.FLOAT64),
                Column.optional("ok", ColumnType.BOOL),
                Column.optional("note", ColumnType.STRING)),
            Map.of())
        .withMetadata(TableSchema.MANIFEST_KEY, ManifestJson.toCompactJson(manifest()))
        .withMetadata(
            TableSchema.METRIC_DEFINITIONS_KEY, ManifestJson.toCompactJson(metricDefinitions()));
  }

  static Object[] row(int i) {
    return new Object[] {cellId(i), i % 10, seed(i), value(i), ok(i), note(i)};
  }

  static String cellId(int i) {
    return "cell-" + (i % 97);
  }

  static long seed(int i) {
    return i * 0x9E3779B97F4A7C15L;
  }

  static Double value(int i) {
    if (i % 11 == 0) {
      return null;
    }
    if (i % 13 == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (i % 17 == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (i < SPECIAL_DOUBLES.length * 20 && i % 20 == 1) {
      return SPECIAL_DOUBLES[i / 20];
    }
    return i / 7.0 - 1000.0;
  }

  static Boolean ok(int i) {
    return i % 5 == 0 ? null : i % 2 == 0;
  }

  static String note(int i) {
    if (i % 3 == 0) {
      return null;
    }
    if (i % 7 == 0) {
      return "";
    }
    return "r" + i + (i % 19 == 0 ? ", \"quoted\"\r\nsecond line ∞" : "");
  }

  static TableData table(int rows) {
    TableData.Builder b = TableData.builder(schema());
    for (int i = 0; i < rows; i++) {
      b.add(row(i));
    }
    return b.build();
  }
}
