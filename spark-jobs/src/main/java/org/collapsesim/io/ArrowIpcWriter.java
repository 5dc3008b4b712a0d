package org.collapsesim.io;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes tables as Arrow IPC files (Feather v2; README, Output): the random-access file format
 * ({@code ARROW1} magic and footer), uncompressed, with the {@link TableSchema}'s metadata as the
 * Arrow schema's custom metadata, in record batches of at most {@code batchRows} rows so a large
 * table never needs one giant batch in memory. Readable by pyarrow/pandas, polars, R arrow, DuckDB
 * and the apache-arrow JavaScript package.
 *
 * <p>Type mapping: STRING → Utf8, INT64 → Int64, INT32 → Int32, FLOAT64 → Float64 (IEEE double,
 * infinities kept), BOOL → Bool; null → a cleared validity bit.
 *
 * <p>Files appear atomically ({@link AtomicOutput}). Every Arrow buffer is released when the writer
 * finishes or fails; the allocator is closed and would throw on a leak.
 */
public final class ArrowIpcWriter {

  /** Default maximum rows per record batch. */
  public static final int DEFAULT_BATCH_ROWS = 65_536;

  // Vectors start this small and grow with setSafe, so tiny tables with many columns stay tiny.
  private static final int INITIAL_CAPACITY = 4_096;

  private ArrowIpcWriter() {}

  /** Writes a table to {@code target} atomically, in batches of {@link #DEFAULT_BATCH_ROWS}. */
  public static void write(TableData table, FsPath target) throws IOException {
    write(table, target, DEFAULT_BATCH_ROWS);
  }

  /** Writes a table to {@code target} atomically, in batches of at most {@code batchRows} rows. */
  public static void write(TableData table, FsPath target, int batchRows) throws IOException {
    Objects.requireNonNull(table, "table");
    try (Appender out = open(target, table.schema(), batchRows)) {
      for (Object[] row : table.rowsForWriting()) {
        out.appendChecked(row);
      }
      out.commit();
    }
  }

  /** Opens a streaming writer for {@code target} with {@link #DEFAULT_BATCH_ROWS}. */
  public static Appender open(FsPath target, TableSchema schema) throws IOException {
    return open(target, schema, DEFAULT_BATCH_ROWS);
  }

  /** Opens a streaming writer for {@code target}, with its own {@link RootAllocator}. */
  public static Appender open(FsPath target, TableSchema schema, int batchRows) throws IOException {
    return open(target, schema, batchRows, null);
  }

  /**
   * Opens a streaming writer for {@code target}. Rows are buffered in Arrow vectors and written as
   * a record batch every {@code batchRows} rows; {@link Appender#commit()} writes the rest and the
   * footer and renames the file into place.
   *
   * @param batchRows maximum rows per record batch, at least 1
   * @param parent allocator to take a child allocator from, or null for a private {@link
   *     RootAllocator}; either is closed by {@link Appender#close()}
   */
  public static Appender open(
      FsPath target, TableSchema schema, int batchRows, BufferAllocator parent) throws IOException {
    Objects.requireNonNull(schema, "schema");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
    }
    return new Appender(target, schema, batchRows, parent);
  }

  /** The Arrow schema for a table schema: fields in order, nullability, and the metadata. */
  public static Schema toArrowSchema(TableSchema schema) {
    List<Field> fields = new ArrayList<>(schema.size());
    for (Column c : schema.columns()) {
      fields.add(new Field(c.name(), new FieldType(c.nullable(), arrowType(c.type()), null), null));
    }
    return new Schema(fields, schema.metadata());
  }

  private static ArrowType arrowType(ColumnType type) {
    switch (type) {
      case STRING:
        return ArrowType.Utf8.INSTANCE;
      case INT64:
        return new ArrowType.Int(64, true);
      case INT32:
        return new ArrowType.Int(32, true);
      case FLOAT64:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case BOOL:
        return ArrowType.Bool.INSTANCE;
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * The streaming writer of {@link ArrowIpcWriter#open}: see {@link TableAppender} for the
   * commit-or-discard protocol. Not thread-safe.
   */
  public static final class Appender extends AtomicTableAppender {
    private final int batchRows;
    private BufferAllocator allocator;
    private VectorSchemaRoot root;
    private FieldVector[] vectors;
    private WritableByteChannel channel;
    private ArrowFileWriter writer;
    private int rowsInBatch;
    private long batchCount;

    private Appender(FsPath target, TableSchema schema, int batchRows, BufferAllocator parent)
        throws IOException {
      super(target, schema);
      this.batchRows = batchRows;
      try {
        allocator =
            parent == null
                ? new RootAllocator()
                : parent.newChildAllocator("ArrowIpcWriter:" + target.name(), 0, Long.MAX_VALUE);
        root = VectorSchemaRoot.create(toArrowSchema(schema), allocator);
        vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        for (FieldVector v : vectors) {
          v.setInitialCapacity(Math.min(batchRows, INITIAL_CAPACITY));
          v.allocateNew();
        }
        channel = Channels.newChannel(createFile());
        writer = new ArrowFileWriter(root, new DictionaryProvider.MapDictionaryProvider(), channel);
        writer.start();
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    }

    @Override
    void writeRow(Object[] row) throws IOException {
      int i = rowsInBatch;
      for (int c = 0; c < row.length; c++) {
        Object value = row[c];
        FieldVector v = vectors[c];
        if (value == null) {
          v.setNull(i);
          continue;
        }
        switch (schema().column(c).type()) {
          case STRING:
            ((VarCharVector) v).setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
            break;
          case INT64:
            ((BigIntVector) v).setSafe(i, (Long) value);
            break;
          case INT32:
            ((IntVector) v).setSafe(i, (Integer) value);
            break;
          case FLOAT64:
            ((Float8Vector) v).setSafe(i, (Double) value);
            break;
          case BOOL:
            ((BitVector) v).setSafe(i, (Boolean) value ? 1 : 0);
            break;
          default:
            throw new AssertionError(schema().column(c).type());
        }
      }
      rowsInBatch++;
      if (rowsInBatch == batchRows) {
        writeBatch();
      }
    }

    /** The record batches written so far (after {@link #commit()}: in the file). */
    public long batchCount() {
      return batchCount;
    }

    @Override
    void finish() throws IOException {
      // An empty table still gets one (empty) batch: some readers want at least one.
      if (rowsInBatch > 0 || rowCount() == 0) {
        writeBatch();
      }
      writer.end();
      release();
    }

    private void writeBatch() throws IOException {
      root.setRowCount(rowsInBatch);
      writer.writeBatch();
      for (FieldVector v : vectors) {
        v.reset();
      }
      root.setRowCount(0);
      rowsInBatch = 0;
      batchCount++;
    }

    /** Closes the channel, the vectors and the allocator (which throws if a buffer leaked). */
    @Override
    void release() throws IOException {
      WritableByteChannel c = channel;
      VectorSchemaRoot r = root;
      BufferAllocator a = allocator;
      channel = null;
      root = null;
      allocator = null;
      writer = null; // holds no buffers of its own; the channel is closed below
      ResourceCloser.closeAll(
          c == null ? null : c::close, r == null ? null : r::close, a == null ? null : a::close);
    }
  }
}
