package org.collapsesim.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;

/** Test support: reads the output tables back with Arrow Java's and Parquet's own readers. */
public final class OutputTestSupport {

  private OutputTestSupport() {}

  /**
   * A table read back: column names in order, rows as boxed values (Long, Integer, Double, String,
   * Boolean).
   */
  public record ReadTable(List<String> columns, List<Object[]> rows, Map<String, String> metadata) {
    public int index(String column) {
      int i = columns.indexOf(column);
      if (i < 0) {
        throw new AssertionError("no column " + column + " in " + columns);
      }
      return i;
    }

    public Object value(int row, String column) {
      return rows.get(row)[index(column)];
    }
  }

  /** Reads an Arrow IPC file with Arrow Java's {@link ArrowFileReader}. */
  public static ReadTable readArrow(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(file), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<String> names = new ArrayList<>();
      for (Field f : root.getSchema().getFields()) {
        names.add(f.getName());
      }
      Map<String, String> metadata = root.getSchema().getCustomMetadata();
      List<Object[]> rows = new ArrayList<>();
      while (reader.loadNextBatch()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          Object[] row = new Object[names.size()];
          for (int c = 0; c < names.size(); c++) {
            FieldVector v = root.getVector(c);
            Object o = v.getObject(r);
            row[c] = o instanceof Text t ? t.toString() : o;
          }
          rows.add(row);
        }
      }
      return new ReadTable(names, rows, metadata == null ? Map.of() : Map.copyOf(metadata));
    }
  }

  /** Reads every {@code *.parquet} file under {@code dir} with parquet-hadoop's example reader. */
  public static ReadTable readParquetDir(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    List<String> names = null;
    List<Object[]> rows = new ArrayList<>();
    for (Path file : files) {
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
              .build()) {
        Group g;
        while ((g = reader.read()) != null) {
          GroupType type = g.getType();
          if (names == null) {
            names = new ArrayList<>();
            for (int i = 0; i < type.getFieldCount(); i++) {
              names.add(type.getFieldName(i));
            }
          }
          Object[] row = new Object[type.getFieldCount()];
          for (int i = 0; i < row.length; i++) {
            if (g.getFieldRepetitionCount(i) == 0) {
              continue;
            }
            PrimitiveType p = type.getType(i).asPrimitiveType();
            row[i] =
                switch (p.getPrimitiveTypeName()) {
                  case BINARY -> g.getString(i, 0);
                  case INT64 -> g.getLong(i, 0);
                  case INT32 -> g.getInteger(i, 0);
                  case DOUBLE -> g.getDouble(i, 0);
                  case BOOLEAN -> g.getBoolean(i, 0);
                  default -> throw new AssertionError(p);
                };
          }
          rows.add(row);
        }
      }
    }
    return new ReadTable(names == null ? List.of() : names, rows, Map.of());
  }
}
