package org.collapsesim.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.util.Text;

/**
 * One Arrow IPC file (Feather v2) read whole through Arrow Java's {@link ArrowFileReader}, column
 * by column, as boxed values: Long, Integer, Double, Boolean, String or null. The report reads the
 * sweep's small tables (summary, chains, cells, contrasts) this way, independently of the writers.
 */
final class ArrowTable {

  private final Path file;
  private final List<String> names;
  private final Map<String, Object[]> columns;
  private final int rows;

  private ArrowTable(Path file, List<String> names, Map<String, Object[]> columns, int rows) {
    this.file = file;
    this.names = names;
    this.columns = columns;
    this.rows = rows;
  }

  /** Reads every record batch of {@code file}. */
  static ArrowTable read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Reads the columns of {@code file} named in {@code only} (every column when null), in file
   * order: a report of a million chains reads the four chain columns it draws, not thirty.
   */
  static ArrowTable read(Path file, java.util.Set<String> only) throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, List<Object>> values = new HashMap<>();
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      root.getSchema().getFields().stream()
          .map(f -> f.getName())
          .filter(n -> only == null || only.contains(n))
          .forEach(names::add);
      names.forEach(n -> values.put(n, new ArrayList<>()));
      while (reader.loadNextBatch()) {
        for (FieldVector vector : root.getFieldVectors()) {
          List<Object> column = values.get(vector.getName());
          if (column == null) {
            continue;
          }
          for (int i = 0; i < root.getRowCount(); i++) {
            Object v = vector.getObject(i);
            column.add(v instanceof Text text ? text.toString() : v);
          }
        }
      }
    }
    Map<String, Object[]> columns = new HashMap<>();
    values.forEach((k, v) -> columns.put(k, v.toArray()));
    int rows = names.isEmpty() ? 0 : columns.get(names.get(0)).length;
    return new ArrowTable(file, List.copyOf(names), columns, rows);
  }

  List<String> names() {
    return names;
  }

  int rows() {
    return rows;
  }

  boolean has(String column) {
    return columns.containsKey(column);
  }

  /** The value at {@code row}, or an error naming the file when the column is absent. */
  Object get(String column, int row) {
    Object[] values = columns.get(column);
    if (values == null) {
      throw new ReportException(file + " has no column " + column + "; it has " + names);
    }
    return values[row];
  }

  /** A numeric value as a double: NaN when null (missing or not applicable). */
  double number(String column, int row) {
    Object v = get(column, row);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  /** A value as text, null when null. */
  String text(String column, int row) {
    Object v = get(column, row);
    return v == null ? null : v.toString();
  }
}
