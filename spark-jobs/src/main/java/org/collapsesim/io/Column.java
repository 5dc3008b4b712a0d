package org.collapsesim.io;

import java.util.Objects;

/**
 * One column of a {@link TableSchema}: its name (snake_case, as every column), its value type and
 * whether it may hold null ("not applicable").
 *
 * @param name the column name; not blank
 * @param type the value type
 * @param nullable whether rows may hold null in this column
 */
public record Column(String name, ColumnType type, boolean nullable) {

  /** Validates the name and type. */
  public Column {
    Objects.requireNonNull(name, "column name");
    Objects.requireNonNull(type, () -> "type of column '" + name + "'");
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name must not be blank, got '" + name + "'");
    }
  }

  /** A column that never holds null. */
  public static Column required(String name, ColumnType type) {
    return new Column(name, type, false);
  }

  /** A column that may hold null. */
  public static Column optional(String name, ColumnType type) {
    return new Column(name, type, true);
  }
}
