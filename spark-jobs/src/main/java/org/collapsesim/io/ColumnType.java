package org.collapsesim.io;

/**
 * The value types a collapse-sim table column can hold, each with the one boxed Java type that a
 * row stores for it. They map one to one onto Arrow (Utf8, Int64, Int32, Float64, Bool), Parquet
 * and the CSV text forms.
 */
public enum ColumnType {
  /** UTF-8 text; stored as {@link String}. */
  STRING(String.class),
  /** Signed 64-bit integer (seeds, ids, counts); stored as {@link Long}. */
  INT64(Long.class),
  /** Signed 32-bit integer; stored as {@link Integer}. */
  INT32(Integer.class),
  /** IEEE 754 double, possibly infinite, never NaN; stored as {@link Double}. */
  FLOAT64(Double.class),
  /** Boolean; stored as {@link Boolean}. */
  BOOL(Boolean.class);

  private final Class<?> javaType;

  ColumnType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The boxed Java type of the values a row holds in a column of this type. */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * Converts a non-null value to this type's boxed Java type, accepting only exact (widening)
   * conversions: INT64 takes Long, Integer, Short, Byte; INT32 takes Integer, Short, Byte; FLOAT64
   * takes Double and Float; the others take exactly their type.
   *
   * @return the value as {@link #javaType()}, or null if it does not convert exactly
   */
  Object coerceOrNull(Object value) {
    switch (this) {
      case STRING:
        return value instanceof String ? value : null;
      case INT64:
        if (value instanceof Long) {
          return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        return null;
      case INT32:
        if (value instanceof Integer) {
          return value;
        }
        if (value instanceof Short || value instanceof Byte) {
          return ((Number) value).intValue();
        }
        return null;
      case FLOAT64:
        if (value instanceof Double) {
          return value;
        }
        if (value instanceof Float) {
          return ((Float) value).doubleValue();
        }
        return null;
      case BOOL:
        return value instanceof Boolean ? value : null;
      default:
        throw new AssertionError(this);
    }
  }
}
