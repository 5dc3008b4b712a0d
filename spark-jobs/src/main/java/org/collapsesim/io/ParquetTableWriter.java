// Over 400 lines: the boxed rows and the unboxed RowSink write through the same column writers
// and row-group bookkeeping of one appender, which a split would have to expose.
package org.collapsesim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
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

  /**
   * The streaming Parquet writer of {@link #open}; see {@link TableAppender}. Not thread-safe.
   *
   * <p>Columnar: each row's values go straight to their column's writer (Parquet's {@link
   * ColumnWriteStore}, the layer under its record API), so no record object is built per row and no
   * record-shredding bookkeeping runs per value; a flat schema of required and optional primitives
   * needs none. Row groups close at Parquet's default size; every column is dictionary-encoded
   * while its dictionary stays under 64 KB (Parquet falls back to plain pages for columns of mostly
   * distinct values), which makes the identity columns (cell_id, family, parameters) a few bytes
   * per page. A string that repeats as one instance row after row (an identity value) is encoded to
   * UTF-8 once. {@link #rows()} takes a row value by value, numbers unboxed.
   */
  public static final class Appender extends AtomicTableAppender {
    private static final long ROW_GROUP_BYTES = ParquetWriter.DEFAULT_BLOCK_SIZE;
    private static final int SIZE_CHECK_ROWS = 1024;

    /**
     * A column chunk's dictionary stops at 64 KB (8192 doubles) and the column falls back to plain
     * pages. Until it falls back, Parquet hashes every value into the dictionary: at its 1 MB
     * default a column of measured values (mostly distinct) cost 131072 hash insertions per chunk
     * for nothing, 15-20% of the generations write (GenerationsParquetBenchmark); identity columns'
     * dictionaries stay a few bytes. The price: quickstart's generations file is 16% larger (metric
     * columns with a few thousand distinct values lose their dictionary).
     */
    private static final int DICTIONARY_BYTES = 64 * 1024;

    private final MessageType type;
    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final ColumnDescriptor[] descriptors;
    private final ColumnType[] types;
    private final int[] maxDefinition;
    private final String[] lastString;
    private final Binary[] lastBinary;
    private ParquetFileWriter file;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private ColumnWriter[] writers;
    private long rowsInGroup;
    private int rowGroups;

    private Appender(FsPath target, TableSchema schema) throws IOException {
      super(target, schema);
      this.type = toParquetSchema(schema);
      this.properties =
          ParquetProperties.builder().withDictionaryPageSize(DICTIONARY_BYTES).build();
      this.codecs = new CodecFactory(new Configuration(false), properties.getPageSizeThreshold());
      int n = schema.size();
      this.descriptors = new ColumnDescriptor[n];
      this.types = new ColumnType[n];
      this.maxDefinition = new int[n];
      this.lastString = new String[n];
      this.lastBinary = new Binary[n];
      for (int c = 0; c < n; c++) {
        descriptors[c] = type.getColumnDescription(new String[] {schema.column(c).name()});
        types[c] = schema.column(c).type();
        maxDefinition[c] = descriptors[c].getMaxDefinitionLevel();
      }
      try {
        file =
            new ParquetFileWriter(
                new StreamOutputFile(createFile()),
                type,
                ParquetFileWriter.Mode.CREATE,
                ROW_GROUP_BYTES,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                null,
                properties);
        file.start();
        startRowGroup();
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    }

    private void startRowGroup() {
      pages =
          new ColumnChunkPageWriteStore(
              codecs.getCompressor(CompressionCodecName.SNAPPY),
              type,
              properties.getAllocator(),
              properties.getColumnIndexTruncateLength(),
              properties.getPageWriteChecksumEnabled(),
              null,
              rowGroups);
      columns = properties.newColumnWriteStore(type, pages, pages);
      writers = new ColumnWriter[descriptors.length];
      for (int c = 0; c < descriptors.length; c++) {
        writers[c] = columns.getColumnWriter(descriptors[c]);
      }
    }

    @Override
    void writeRow(Object[] row) throws IOException {
      for (int c = 0; c < row.length; c++) {
        write(c, row[c]);
      }
      endRecord();
    }

    /** Writes a checked value (null, or of the column's Java type) to column {@code c}. */
    private void write(int c, Object v) {
      ColumnWriter w = writers[c];
      if (v == null) {
        w.writeNull(0, 0);
        return;
      }
      int d = maxDefinition[c];
      switch (types[c]) {
        case STRING -> w.write(binary(c, (String) v), 0, d);
        case INT64 -> w.write((Long) v, 0, d);
        case INT32 -> w.write((Integer) v, 0, d);
        case FLOAT64 -> w.write((Double) v, 0, d);
        case BOOL -> w.write((Boolean) v, 0, d);
        default -> throw new AssertionError(types[c]);
      }
    }

    private void endRecord() throws IOException {
      columns.endRecord();
      rowsInGroup++;
      if (rowsInGroup % SIZE_CHECK_ROWS == 0 && columns.getBufferedSize() >= ROW_GROUP_BYTES) {
        flushRowGroup();
        startRowGroup();
      }
    }

    /**
     * The rows of this appender written value by value, numbers unboxed, straight to the column
     * writers; each value is checked as {@link #append} checks it. A value that does not fit leaves
     * the appender unusable (its row is half-written).
     */
    public RowSink rows() {
      return unboxed;
    }

    private final RowSink unboxed = new UnboxedRow();

    /**
     * {@link #rows()}. A value that does not fit throws before anything of it is written and sets
     * the row back to its start, so the next call finds the appender broken and says so.
     */
    private final class UnboxedRow implements RowSink {
      private int column;

      /** Checks that the next column is of {@code type} and returns its index. */
      private int next(ColumnType type) {
        start();
        try {
          schema().checkTyped(rowCount(), column, type);
        } catch (IllegalArgumentException e) {
          throw refuse(e);
        }
        return column++;
      }

      private void start() {
        if (column == 0) {
          beginUnboxedRow();
        }
      }

      /** Sets the row back to its start (the appender stays broken) and returns {@code e}. */
      private IllegalArgumentException refuse(IllegalArgumentException e) {
        column = 0;
        return e;
      }

      private IllegalArgumentException nan(int c) {
        return refuse(schema().nanIn(rowCount(), c));
      }

      @Override
      public void value(Object v) {
        start();
        Object checked;
        try {
          checked = schema().checkValue(rowCount(), column, v);
        } catch (IllegalArgumentException e) {
          throw refuse(e);
        }
        write(column++, checked);
      }

      @Override
      public void int32(int v) {
        int c = next(ColumnType.INT32);
        writers[c].write(v, 0, maxDefinition[c]);
      }

      @Override
      public void int64(long v) {
        int c = next(ColumnType.INT64);
        writers[c].write(v, 0, maxDefinition[c]);
      }

      @Override
      public void float64(double v) {
        int c = next(ColumnType.FLOAT64);
        if (v != v) {
          throw nan(c);
        }
        writers[c].write(v, 0, maxDefinition[c]);
      }

      @Override
      public void float64OrNull(double v) {
        int c = next(ColumnType.FLOAT64);
        if (v == v) {
          writers[c].write(v, 0, maxDefinition[c]);
        } else if (maxDefinition[c] > 0) {
          writers[c].writeNull(0, 0);
        } else {
          throw nan(c);
        }
      }

      @Override
      public void endRow() throws IOException {
        if (column != types.length) {
          int given = column;
          throw refuse(
              new IllegalArgumentException(
                  "row "
                      + rowCount()
                      + " has "
                      + given
                      + " values, the schema has "
                      + types.length
                      + " columns "
                      + schema().names()));
        }
        column = 0;
        endRecord();
        endUnboxedRow();
      }
    }

    private Binary binary(int column, String value) {
      if (value != lastString[column]) {
        lastString[column] = value;
        lastBinary[column] = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
      }
      return lastBinary[column];
    }

    private void flushRowGroup() throws IOException {
      if (rowsInGroup > 0) {
        file.startBlock(rowsInGroup);
        columns.flush();
        pages.flushToFileWriter(file);
        file.endBlock();
        rowGroups++;
      }
      closeRowGroup();
      rowsInGroup = 0;
    }

    private void closeRowGroup() {
      if (columns != null) {
        columns.close();
        pages.close();
        columns = null;
        pages = null;
      }
    }

    @Override
    void finish() throws IOException {
      flushRowGroup();
      ParquetFileWriter f = file;
      file = null;
      f.end(schema().metadata());
      codecs.release();
    }

    @Override
    void release() throws IOException {
      closeRowGroup();
      codecs.release();
      if (file != null) {
        ParquetFileWriter f = file;
        file = null;
        f.close();
      }
    }
  }

  /**
   * A Parquet {@link OutputFile} over a stream that {@link AtomicOutput} already created (a local
   * file's stream is wrapped in Hadoop's, which counts the position Parquet asks for).
   */
  private static final class StreamOutputFile implements OutputFile {
    private final FSDataOutputStream stream;

    StreamOutputFile(OutputStream out) {
      this.stream = out instanceof FSDataOutputStream s ? s : new FSDataOutputStream(out, null);
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
