package org.collapsesim.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a table, in order, and its key/value metadata (written into the Arrow schema's
 * custom metadata; see {@link #MANIFEST_KEY} and {@link #METRIC_DEFINITIONS_KEY}).
 *
 * <p>Immutable: the constructor copies both arguments; metadata keeps its insertion order.
 *
 * @param columns the columns, at least one, with distinct names
 * @param metadata key/value metadata, neither keys nor values null
 */
public record TableSchema(List<Column> columns, Map<String, String> metadata) {

  /** Metadata key under which the sweep's manifest (JSON text) is stored. */
  public static final String MANIFEST_KEY = "collapse_sim.manifest";

  /** Metadata key under which the metric definitions (JSON text) are stored. */
  public static final String METRIC_DEFINITIONS_KEY = "collapse_sim.metric_definitions";

  /** Validates and copies the columns and metadata. */
  public TableSchema {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(metadata, "metadata");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table schema needs at least one column");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = Objects.requireNonNull(columns.get(i), "column " + i);
      Integer before = seen.putIfAbsent(c.name(), i);
      if (before != null) {
        throw new IllegalArgumentException(
            "duplicate column name '" + c.name() + "' at positions " + before + " and " + i);
      }
    }
    columns = List.copyOf(columns);
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    metadata.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "metadata key"),
                Objects.requireNonNull(v, () -> "metadata value of '" + k + "'")));
    metadata = Collections.unmodifiableMap(copy);
  }

  /** A schema with the given columns and no metadata. */
  public static TableSchema of(Column... columns) {
    return new TableSchema(List.of(columns), Map.of());
  }

  /** A copy of this schema with one metadata entry added or replaced (order otherwise kept). */
  public TableSchema withMetadata(String key, String value) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(metadata);
    copy.put(key, value);
    return new TableSchema(columns, copy);
  }

  /** A copy of this schema with the given metadata instead of the current one. */
  public TableSchema withMetadata(Map<String, String> newMetadata) {
    return new TableSchema(columns, newMetadata);
  }

  /** The number of columns. */
  public int size() {
    return columns.size();
  }

  /** The column at a position. */
  public Column column(int index) {
    return columns.get(index);
  }

  /** The names of the columns, in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /**
   * The position of a column.
   *
   * @throws IllegalArgumentException if there is no such column
   */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column '" + name + "'; columns are " + names());
  }

  /**
   * Checks a row against this schema and returns it, or a normalised copy where a value needed
   * converting (callers that keep the row must copy it): one value per column, each null (allowed
   * only in nullable columns) or of its column's {@link ColumnType#javaType()} after exact widening
   * (an Integer in an INT64 column becomes a Long). NaN is rejected: no table holds NaN, null means
   * "not applicable".
   *
   * @param rowNumber the row's 0-based position, for the error message
   * @throws IllegalArgumentException naming the row, the column, the value and what is allowed
   */
  Object[] checkRow(long rowNumber, Object[] row) {
    Objects.requireNonNull(row, "row");
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          "row "
              + rowNumber
              + " has "
              + row.length
              + " values, the schema has "
              + columns.size()
              + " columns "
              + names());
    }
    Object[] out = row; // copied on the first value that needs converting
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      Object checked = checkValue(rowNumber, i, v);
      if (checked != v) {
        if (out == row) {
          out = row.clone();
        }
        out[i] = checked;
      }
    }
    return out;
  }

  /**
   * One value of {@link #checkRow}: {@code v} itself, or its exact widening, for column {@code i}.
   *
   * @throws IllegalArgumentException naming the row, the column, the value and what is allowed
   */
  Object checkValue(long rowNumber, int i, Object v) {
    if (i >= columns.size()) {
      throw tooManyValues(rowNumber);
    }
    Column c = columns.get(i);
    if (v != null && v.getClass() == c.type().javaType()) { // the common case, checked cheaply
      if (v instanceof Double d && d.isNaN()) {
        throw nanIn(rowNumber, c);
      }
      return v;
    }
    if (v == null) {
      if (!c.nullable()) {
        throw new IllegalArgumentException(
            "row "
                + rowNumber
                + ", column '"
                + c.name()
                + "': null in a non-nullable "
                + c.type()
                + " column");
      }
      return null;
    }
    Object coerced = c.type().coerceOrNull(v);
    if (coerced == null) {
      throw new IllegalArgumentException(
          "row "
              + rowNumber
              + ", column '"
              + c.name()
              + "': "
              + v.getClass().getSimpleName()
              + " value "
              + v
              + " does not fit a "
              + c.type()
              + " column (expects "
              + c.type().javaType().getSimpleName()
              + ")");
    }
    if (coerced instanceof Double && ((Double) coerced).isNaN()) {
      throw nanIn(rowNumber, c);
    }
    return coerced;
  }

  /**
   * For a value written unboxed ({@link RowSink}): column {@code i} must exist and be of {@code
   * type}.
   *
   * @throws IllegalArgumentException naming the row, the column and what it expects
   */
  void checkTyped(long rowNumber, int i, ColumnType type) {
    if (i >= columns.size()) {
      throw tooManyValues(rowNumber);
    }
    Column c = columns.get(i);
    if (c.type() != type) {
      throw new IllegalArgumentException(
          "row "
              + rowNumber
              + ", column '"
              + c.name()
              + "': a "
              + type
              + " value does not fit a "
              + c.type()
              + " column");
    }
  }

  private IllegalArgumentException tooManyValues(long rowNumber) {
    return new IllegalArgumentException(
        "row "
            + rowNumber
            + " has more values than the schema's "
            + columns.size()
            + " columns "
            + names());
  }

  /** The error for NaN in column {@code i}. */
  IllegalArgumentException nanIn(long rowNumber, int i) {
    return nanIn(rowNumber, columns.get(i));
  }

  private static IllegalArgumentException nanIn(long rowNumber, Column c) {
    return new IllegalArgumentException(
        "row "
            + rowNumber
            + ", column '"
            + c.name()
            + "': NaN is not allowed; use null for 'not applicable'");
  }
}
