package org.collapsesim.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.collapsesim.io.Column;
import org.collapsesim.io.TableSchema;

/**
 * Conversions between the output tables' {@link TableSchema} rows ({@code Object[]} of Long,
 * Integer, Double, String, Boolean or null) and Spark {@link Row}s built against an explicit {@link
 * StructType} (never bean encoders, which order columns alphabetically).
 */
public final class SparkRows {

  private SparkRows() {}

  /** The Spark schema of a table: same names, order and nullability. */
  public static StructType structType(TableSchema schema) {
    List<StructField> fields = new ArrayList<>(schema.size());
    for (Column c : schema.columns()) {
      fields.add(DataTypes.createStructField(c.name(), dataType(c), c.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType dataType(Column c) {
    switch (c.type()) {
      case STRING:
        return DataTypes.StringType;
      case INT64:
        return DataTypes.LongType;
      case INT32:
        return DataTypes.IntegerType;
      case FLOAT64:
        return DataTypes.DoubleType;
      case BOOL:
        return DataTypes.BooleanType;
      default:
        throw new AssertionError(c.type());
    }
  }

  /** A Spark row holding {@code values} (already of the column types). */
  public static Row row(Object[] values) {
    return RowFactory.create(values);
  }

  /** The first {@code count} values of a row. */
  public static Object[] values(Row row, int count) {
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      out[i] = row.get(i);
    }
    return out;
  }

  /** The nullable doubles of a row at {@code positions}. */
  public static Double[] doubles(Row row, int[] positions) {
    Double[] v = new Double[positions.length];
    for (int m = 0; m < positions.length; m++) {
      v[m] = row.isNullAt(positions[m]) ? null : row.getDouble(positions[m]);
    }
    return v;
  }

  /** {@code values} with {@code extra} appended. */
  public static Object[] append(Object[] values, Object... extra) {
    Object[] out = java.util.Arrays.copyOf(values, values.length + extra.length);
    System.arraycopy(extra, 0, out, values.length, extra.length);
    return out;
  }
}
