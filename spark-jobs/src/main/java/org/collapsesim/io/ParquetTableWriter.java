package org.collapsesim.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a table as one Parquet file without Spark, through parquet-hadoop's low-level writer (the
 * Parquet library Spark itself uses). Used for the generations dataset of {@code collapse run
 * --out} and for the committed parts of a Spark sweep, so every Parquet file collapse-sim writes
 * has the same physical schema: STRING as BINARY (UTF8), INT64, INT32, FLOAT64 as DOUBLE, BOOL as
 * BOOLEAN; nullable columns OPTIONAL, others REQUIRED; Snappy compression. The file appears
 * atomically ({@link AtomicOutput}).
 */
public final class ParquetTableWriter {

  private ParquetTableWriter() {}

  /** The Parquet message type of a table schema. */
  public static MessageType toParquetSchema(TableSchema schema) {
    List<Type> fields = new ArrayList<>(schema.size());
    for (Column c : schema.columns()) {
      Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> builder =
          c.nullable() ? Types.optional(primitive(c.type())) : Types.required(primitive(c.type()));
      if (c.type() == ColumnType.STRING) {
        builder = builder.as(LogicalTypeAnnotation.stringType());
      } else if (c.type() == ColumnType.INT32) {
        builder = builder.as(LogicalTypeAnnotation.intType(32, true));
      }
      fields.add(builder.named(c.name()));
    }
    return new MessageType("collapse_sim", fields);
  }

  private static PrimitiveTypeName primitive(ColumnType type) {
    switch (type) {
      case STRING:
        return PrimitiveTypeName.BINARY;
      case INT64:
        return PrimitiveTypeName.INT64;
      case INT32:
        return PrimitiveTypeName.INT32;
      case FLOAT64:
        return PrimitiveTypeName.DOUBLE;
      case BOOL:
        return PrimitiveTypeName.BOOLEAN;
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Opens a writer for {@code target}; rows are checked against {@code schema} like every {@link
   * TableAppender}. {@code metadata} goes into the file's key/value metadata.
   */
  public static Appender open(Path target, TableSchema schema) throws IOException {
    return new Appender(target, schema);
  }

  /** Writes {@code rows} to {@code target} atomically. */
  public static void write(Path target, TableSchema schema, Iterable<Object[]> rows)
      throws IOException {
    try (Appender out = open(target, schema)) {
      for (Object[] row : rows) {
        out.append(row);
      }
      out.commit();
    }
  }

  /** The streaming Parquet writer of {@link #open}; see {@link TableAppender}. Not thread-safe. */
  public static final class Appender implements TableAppender {
    private final TableSchema schema;
    private final AtomicOutput.PendingFile pending;
    private final SimpleGroupFactory groups;
    private ParquetWriter<Group> writer;
    private long rows;
    private boolean finished;

    private Appender(Path target, TableSchema schema) throws IOException {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.pending = AtomicOutput.begin(target);
      MessageType type = toParquetSchema(schema);
      this.groups = new SimpleGroupFactory(type);
      try {
        this.writer =
            ExampleParquetWriter.builder(new LocalOutputFile(pending.temporary()))
                .withType(type)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withExtraMetaData(Map.copyOf(schema.metadata()))
                .build();
      } catch (IOException | RuntimeException e) {
        pending.close();
        throw e;
      }
    }

    @Override
    public TableSchema schema() {
      return schema;
    }

    @Override
    public void append(Object... row) throws IOException {
      if (finished) {
        throw new IllegalStateException("the writer was committed or closed");
      }
      Object[] checked = schema.checkRow(rows, row);
      Group group = groups.newGroup();
      for (int i = 0; i < checked.length; i++) {
        Object v = checked[i];
        if (v == null) {
          continue;
        }
        switch (schema.column(i).type()) {
          case STRING -> group.append(schema.column(i).name(), (String) v);
          case INT64 -> group.append(schema.column(i).name(), (Long) v);
          case INT32 -> group.append(schema.column(i).name(), (Integer) v);
          case FLOAT64 -> group.append(schema.column(i).name(), (Double) v);
          case BOOL -> group.append(schema.column(i).name(), (Boolean) v);
          default -> throw new AssertionError(schema.column(i).type());
        }
      }
      writer.write(group);
      rows++;
    }

    @Override
    public long rowCount() {
      return rows;
    }

    @Override
    public void commit() throws IOException {
      if (finished) {
        throw new IllegalStateException("the writer was committed or closed");
      }
      finished = true;
      ParquetWriter<Group> w = writer;
      writer = null;
      w.close();
      pending.commit();
    }

    @Override
    public void close() throws IOException {
      finished = true;
      try {
        if (writer != null) {
          writer.close();
          writer = null;
        }
      } finally {
        pending.close();
      }
    }
  }
}
