package org.collapsesim.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
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
   * TableAppender}. The schema's metadata goes into the file's key/value metadata.
   */
  public static Appender open(FsPath target, TableSchema schema) throws IOException {
    return new Appender(target, schema);
  }

  /** Writes {@code rows} to {@code target} atomically. */
  public static void write(FsPath target, TableSchema schema, Iterable<Object[]> rows)
      throws IOException {
    try (Appender out = open(target, schema)) {
      for (Object[] row : rows) {
        out.append(row);
      }
      out.commit();
    }
  }

  /** The streaming Parquet writer of {@link #open}; see {@link TableAppender}. Not thread-safe. */
  public static final class Appender extends AtomicTableAppender {
    private ParquetWriter<Object[]> writer;

    private Appender(FsPath target, TableSchema schema) throws IOException {
      super(target, schema);
      MessageType type = toParquetSchema(schema);
      try {
        writer =
            new RowWriterBuilder(new StreamOutputFile(createFile()), type, schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withExtraMetaData(Map.copyOf(schema.metadata()))
                .build();
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    }

    @Override
    void writeRow(Object[] row) throws IOException {
      writer.write(row);
    }

    @Override
    void finish() throws IOException {
      ParquetWriter<Object[]> w = writer;
      writer = null;
      w.close();
    }

    @Override
    void release() throws IOException {
      if (writer != null) {
        ParquetWriter<Object[]> w = writer;
        writer = null;
        w.close();
      }
    }
  }

  /** Builds a {@link ParquetWriter} of checked rows. */
  private static final class RowWriterBuilder
      extends ParquetWriter.Builder<Object[], RowWriterBuilder> {
    private final MessageType type;
    private final TableSchema schema;

    RowWriterBuilder(OutputFile file, MessageType type, TableSchema schema) {
      super(file);
      this.type = type;
      this.schema = schema;
    }

    @Override
    protected RowWriterBuilder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(type, schema);
    }
  }

  /**
   * Hands a checked row's values to Parquet's column writers by position: no intermediate record
   * object and no lookup by column name per value (parquet's example {@code Group} did both and
   * cost most of the time of writing the generations table).
   */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final MessageType type;
    private final ColumnType[] types;
    private final String[] names;
    private RecordConsumer out;

    RowWriteSupport(MessageType type, TableSchema schema) {
      this.type = type;
      this.types = new ColumnType[schema.size()];
      this.names = new String[schema.size()];
      for (int c = 0; c < types.length; c++) {
        types[c] = schema.column(c).type();
        names[c] = schema.column(c).name();
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(type, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      out.startMessage();
      for (int c = 0; c < types.length; c++) {
        Object v = row[c];
        if (v == null) {
          continue;
        }
        out.startField(names[c], c);
        switch (types[c]) {
          case STRING -> out.addBinary(Binary.fromString((String) v));
          case INT64 -> out.addLong((Long) v);
          case INT32 -> out.addInteger((Integer) v);
          case FLOAT64 -> out.addDouble((Double) v);
          case BOOL -> out.addBoolean((Boolean) v);
          default -> throw new AssertionError(types[c]);
        }
        out.endField(names[c], c);
      }
      out.endMessage();
    }
  }

  /** A Parquet {@link OutputFile} over a stream that {@link AtomicOutput} already created. */
  private static final class StreamOutputFile implements OutputFile {
    private final FSDataOutputStream stream;

    StreamOutputFile(FSDataOutputStream stream) {
      this.stream = stream;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new DelegatingPositionOutputStream(stream) {
        @Override
        public long getPos() throws IOException {
          return stream.getPos();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return "collapse-sim table";
    }
  }
}
