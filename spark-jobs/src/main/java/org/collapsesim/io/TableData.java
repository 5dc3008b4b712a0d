package org.collapsesim.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory table: a {@link TableSchema} and its rows. Each row is an {@code Object[]} in column
 * order holding the column type's boxed value or null; the {@link Builder} checks every row on the
 * way in (types, nullability, no NaN), so writers trust what they get.
 *
 * <p>Immutable once built. For tables too large to hold, write rows incrementally through {@link
 * ArrowIpcWriter#open} or {@link CsvWriter#open} instead.
 */
public final class TableData {

  private final TableSchema schema;
  private final List<Object[]> rows;

  private TableData(TableSchema schema, List<Object[]> rows) {
    this.schema = schema;
    this.rows = rows;
  }

  /** Starts a table with the given schema. */
  public static Builder builder(TableSchema schema) {
    return new Builder(schema);
  }

  /** The schema. */
  public TableSchema schema() {
    return schema;
  }

  /** The number of rows. */
  public int rowCount() {
    return rows.size();
  }

  /** The value at a row and column (0-based), null if not applicable. */
  public Object value(int row, int column) {
    return rows.get(row)[column];
  }

  /** A copy of one row. */
  public Object[] row(int row) {
    return rows.get(row).clone();
  }

  /** The rows themselves, for the writers of this package; callers must not modify them. */
  List<Object[]> rowsForWriting() {
    return rows;
  }

  /** Collects checked rows for a {@link TableData}. Not thread-safe. */
  public static final class Builder {
    private final TableSchema schema;
    private final List<Object[]> rows = new ArrayList<>();
    private boolean built;

    private Builder(TableSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Adds a row: one value per column, in column order.
     *
     * @throws IllegalArgumentException if the row does not fit the schema (wrong length, a wrong
     *     type, null in a non-nullable column, or NaN)
     */
    public Builder add(Object... row) {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      Object[] checked = schema.checkRow(rows.size(), row);
      rows.add(checked == row ? row.clone() : checked);
      return this;
    }

    /** The table; the builder cannot be used afterwards. */
    public TableData build() {
      built = true;
      return new TableData(schema, Collections.unmodifiableList(rows));
    }
  }
}
