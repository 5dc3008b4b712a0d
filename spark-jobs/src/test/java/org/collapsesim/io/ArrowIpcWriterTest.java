package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowIpcWriterTest {

  @TempDir Path dir;

  /** Everything a file holds, read back with Arrow Java's own reader. */
  record ReadBack(Schema schema, List<Object[]> rows, int batches, long maxBatchRows) {}

  static ReadBack readBack(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      Schema schema = root.getSchema();
      List<Object[]> rows = new ArrayList<>();
      int batches = reader.getRecordBlocks().size();
      long maxBatchRows = 0;
      while (reader.loadNextBatch()) {
        maxBatchRows = Math.max(maxBatchRows, root.getRowCount());
        List<FieldVector> vectors = root.getFieldVectors();
        for (int i = 0; i < root.getRowCount(); i++) {
          Object[] row = new Object[vectors.size()];
          for (int c = 0; c < row.length; c++) {
            FieldVector v = vectors.get(c);
            // getObject gives Text for Utf8; compare Strings.
            row[c] =
                v.isNull(i)
                    ? null
                    : v instanceof VarCharVector
                        ? new String(((VarCharVector) v).get(i), StandardCharsets.UTF_8)
                        : v.getObject(i);
          }
          rows.add(row);
        }
      }
      return new ReadBack(schema, rows, batches, maxBatchRows);
    }
  }

  @Test
  void roundTripsTwoHundredThousandRowsOverSeveralBatches() throws IOException {
    int n = 200_000;
    TableData table = TestTables.table(n);
    Path file = dir.resolve("summary.arrow");
    ArrowIpcWriter.write(table, FsPath.local(file));

    byte[] head = new byte[6];
    try (InputStream in = Files.newInputStream(file)) {
      assertEquals(6, in.read(head));
    }
    assertEquals(
        "ARROW1", new String(head, StandardCharsets.US_ASCII), "IPC file (Feather v2) magic");

    ReadBack back = readBack(file);
    List<Field> fields = back.schema().getFields();
    assertEquals(table.schema().names(), fields.stream().map(Field::getName).toList());
    assertEquals(new ArrowType.Utf8(), fields.get(0).getType());
    assertEquals(new ArrowType.Int(32, true), fields.get(1).getType());
    assertEquals(new ArrowType.Int(64, true), fields.get(2).getType());
    assertEquals(
        new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
        fields.get(3).getType());
    assertEquals(new ArrowType.Bool(), fields.get(4).getType());
    assertEquals(
        List.of(false, false, false, true, true, true),
        fields.stream().map(Field::isNullable).toList());
    assertEquals(table.schema().metadata(), back.schema().getCustomMetadata());
    Map<?, ?> manifest =
        (Map<?, ?>)
            ManifestJson.parse(back.schema().getCustomMetadata().get(TableSchema.MANIFEST_KEY));
    assertEquals(TestTables.manifest().get("master_seed"), manifest.get("master_seed"));

    assertEquals(4, back.batches(), "200000 rows in batches of 65536");
    assertEquals(ArrowIpcWriter.DEFAULT_BATCH_ROWS, back.maxBatchRows());
    assertEquals(n, back.rows().size());
    int nulls = 0;
    int infinities = 0;
    for (int i = 0; i < n; i++) {
      Object[] expected = TestTables.row(i);
      assertArrayEquals(expected, back.rows().get(i), "row " + i);
      Double v = TestTables.value(i);
      nulls += v == null ? 1 : 0;
      infinities += v != null && v.isInfinite() ? 1 : 0;
    }
    assertTrue(nulls > 0 && infinities > 0, "the table exercises nulls and infinities");
    // Row 21 holds -0.0 (TestTables.SPECIAL_DOUBLES[1]): the sign of zero survives.
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits((Double) back.rows().get(21)[3]));
  }

  @Test
  void batchSizeIsBounded() throws IOException {
    Path file = dir.resolve("chains.arrow");
    ArrowIpcWriter.write(TestTables.table(1001), FsPath.local(file), 100);
    ReadBack back = readBack(file);
    assertEquals(11, back.batches());
    assertEquals(100, back.maxBatchRows());
    assertEquals(1001, back.rows().size());
    assertArrayEquals(TestTables.row(1000), back.rows().get(1000));
  }

  @Test
  void emptyTableHasSchemaMetadataAndNoRows() throws IOException {
    Path file = dir.resolve("cells.arrow");
    ArrowIpcWriter.write(TestTables.table(0), FsPath.local(file));
    ReadBack back = readBack(file);
    assertEquals(0, back.rows().size());
    assertEquals(
        TestTables.schema().names(),
        back.schema().getFields().stream().map(Field::getName).toList());
    assertEquals(TestTables.schema().metadata(), back.schema().getCustomMetadata());
  }

  @Test
  void streamingAppenderWritesIncrementallyAndLeaksNothing() throws IOException {
    Path file = dir.resolve("summary.arrow");
    try (RootAllocator root = new RootAllocator()) {
      try (ArrowIpcWriter.Appender out =
          ArrowIpcWriter.open(FsPath.local(file), TestTables.schema(), 1000, root)) {
        for (int i = 0; i < 2500; i++) {
          out.append(TestTables.row(i));
          if (i == 1200) {
            assertFalse(Files.exists(file), "nothing visible before commit");
            assertTrue(root.getAllocatedMemory() > 0, "rows are buffered in Arrow memory");
          }
        }
        IllegalArgumentException nan =
            assertThrows(
                IllegalArgumentException.class,
                () -> out.append("c", 1, 2L, Double.NaN, true, "x"));
        assertTrue(nan.getMessage().contains("row 2500"), nan.getMessage());
        assertEquals(2500, out.rowCount(), "a rejected row leaves the appender usable");
        out.commit();
        assertEquals(3, out.batchCount());
        assertThrows(IllegalStateException.class, () -> out.append(TestTables.row(0)));
      }
      assertEquals(0, root.getAllocatedMemory(), "every buffer released");
      assertTrue(root.getChildAllocators().isEmpty(), "child allocator closed");
    } // RootAllocator.close() throws IllegalStateException on a leak
    ReadBack back = readBack(file);
    assertEquals(2500, back.rows().size());
    assertEquals(3, back.batches());
    assertArrayEquals(TestTables.row(2499), back.rows().get(2499));
    assertOnlyFiles("summary.arrow");
  }

  @Test
  void closingWithoutCommitDiscardsThePartialFileAndReleasesMemory() throws IOException {
    Path file = dir.resolve("summary.arrow");
    try (RootAllocator root = new RootAllocator()) {
      RuntimeException boom =
          assertThrows(
              RuntimeException.class,
              () -> {
                try (ArrowIpcWriter.Appender out =
                    ArrowIpcWriter.open(FsPath.local(file), TestTables.schema(), 100, root)) {
                  for (int i = 0; i < 250; i++) {
                    out.append(TestTables.row(i));
                  }
                  throw new RuntimeException("the sweep failed halfway");
                }
              });
      assertEquals("the sweep failed halfway", boom.getMessage());
      assertEquals(0, boom.getSuppressed().length);
      assertEquals(0, root.getAllocatedMemory());
    }
    assertOnlyFiles();
  }

  @Test
  void aFailedRewriteKeepsThePreviousFile() throws IOException {
    Path file = dir.resolve("cells.arrow");
    ArrowIpcWriter.write(TestTables.table(10), FsPath.local(file));
    byte[] before = Files.readAllBytes(file);
    try (ArrowIpcWriter.Appender out =
        ArrowIpcWriter.open(FsPath.local(file), TestTables.schema())) {
      out.append(TestTables.row(0));
    } // no commit
    assertArrayEquals(before, Files.readAllBytes(file));
    ArrowIpcWriter.write(TestTables.table(3), FsPath.local(file));
    assertEquals(3, readBack(file).rows().size(), "a committed rewrite replaces the file");
    assertOnlyFiles("cells.arrow");
  }

  @Test
  void rootAllocatorCloseDetectsALeak() {
    // The leak checks above rely on this: a buffer still held makes close() throw. (The 64
    // bytes stay leaked: a closed allocator cannot take them back; Arrow logs the leak.)
    RootAllocator root = new RootAllocator();
    root.buffer(64);
    IllegalStateException e = assertThrows(IllegalStateException.class, root::close);
    assertTrue(e.getMessage().contains("leaked"), e.getMessage());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ArrowIpcWriter.open(FsPath.local(dir.resolve("a.arrow")), TestTables.schema(), 0));
    assertThrows(
        java.nio.file.NoSuchFileException.class,
        () ->
            ArrowIpcWriter.write(
                TestTables.table(1), FsPath.local(dir.resolve("missing").resolve("a.arrow"))));
  }

  private void assertOnlyFiles(String... names) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(
          List.of(names),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "files in " + dir);
    }
  }

  @Test
  void nullsAreNullsNotZeros() throws IOException {
    Path file = dir.resolve("n.arrow");
    TableSchema s =
        TableSchema.of(
            Column.optional("a", ColumnType.INT64),
            Column.optional("b", ColumnType.STRING),
            Column.optional("c", ColumnType.BOOL),
            Column.optional("d", ColumnType.INT32));
    ArrowIpcWriter.write(
        TableData.builder(s).add(null, null, null, null).add(0L, "", false, 0).build(),
        FsPath.local(file));
    ReadBack back = readBack(file);
    assertArrayEquals(new Object[] {null, null, null, null}, back.rows().get(0));
    assertArrayEquals(new Object[] {0L, "", false, 0}, back.rows().get(1));
    assertNull(back.rows().get(0)[0]);
  }
}
