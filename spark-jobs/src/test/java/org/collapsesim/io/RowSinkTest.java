package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unboxed generations path ({@link OutputLayout#writeGenerationRow} into {@link
 * ParquetTableWriter.Appender#rows()}) writes the same file, byte for byte, as the boxed one
 * ({@link OutputLayout#generationRow} then {@link TableAppender#append}) for every preset's first
 * and last cell; and a value that does not fit is refused with the row, the column and what it
 * takes, leaving the appender broken rather than half-written.
 */
class RowSinkTest {

  @TempDir Path dir;

  static Stream<String> presets() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "configs"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("presets")
  void unboxedRowsWriteTheBoxedFileByteForByte(String preset) throws Exception {
    SweepConfig config =
        ConfigLoader.load(
            Families.catalogue(),
            Path.of("..", "configs", preset),
            List.of("record_every=1", "generations=3"));
    OutputLayout layout = OutputLayout.of(config);
    for (int index : new int[] {0, config.cells().size() - 1}) {
      PreparedCell cell = PreparedCell.prepare(config, config.cells().get(index));
      int[] metricIndexes = layout.metricIndexes(cell.metricNames());
      List<GenerationRecord> rows = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        cell.runChain(r, rows::add, BlockRunner.SEQUENTIAL);
      }
      FsPath boxed = FsPath.local(dir.resolve(preset + index + "-boxed.parquet"));
      FsPath unboxed = FsPath.local(dir.resolve(preset + index + "-unboxed.parquet"));
      try (ParquetTableWriter.Appender out =
          ParquetTableWriter.open(boxed, layout.generationsSchema())) {
        for (GenerationRecord r : rows) {
          out.append(layout.generationRow(cell, metricIndexes, r));
        }
        out.commit();
      }
      try (ParquetTableWriter.Appender out =
          ParquetTableWriter.open(unboxed, layout.generationsSchema())) {
        for (GenerationRecord r : rows) {
          layout.writeGenerationRow(out.rows(), cell, metricIndexes, r);
          out.rows().endRow();
        }
        assertEquals(rows.size(), out.rowCount());
        out.commit();
      }
      assertArrayEquals(
          Files.readAllBytes(boxed.localFile().toPath()),
          Files.readAllBytes(unboxed.localFile().toPath()),
          preset + " cell " + index);
    }
  }

  private static final TableSchema SCHEMA =
      new TableSchema(
          List.of(
              Column.required("cell_id", ColumnType.STRING),
              Column.required("replicate", ColumnType.INT32),
              Column.required("seed", ColumnType.INT64),
              Column.required("alpha_t", ColumnType.FLOAT64),
              Column.optional("entropy", ColumnType.FLOAT64)),
          Map.of());

  @Test
  void valuesThatDoNotFitAreRefusedAndBreakTheAppender() throws Exception {
    FsPath target = FsPath.local(dir.resolve("t.parquet"));
    try (ParquetTableWriter.Appender out = ParquetTableWriter.open(target, SCHEMA)) {
      RowSink row = out.rows();
      assertThrows(IllegalArgumentException.class, row::endRow); // nothing written: still usable
      row.value("c0");
      row.int32(1);
      row.int64(2);
      row.float64(0.5);
      row.float64OrNull(Double.NaN); // null
      row.endRow();
      assertEquals(1, out.rowCount());

      row.value("c1");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.int64(1));
      assertEquals(
          "row 1, column 'replicate': a INT64 value does not fit a INT32 column", e.getMessage());
      IllegalStateException broken = assertThrows(IllegalStateException.class, () -> row.int32(1));
      assertTrue(broken.getMessage().contains("broken by an earlier failure"), broken.getMessage());
    }
    assertTrue(Files.notExists(dir.resolve("t.parquet")), "nothing half-written is left");
  }

  @Test
  void eachCheckNamesTheRowAndColumn() throws Exception {
    assertRefused(
        "row 0, column 'cell_id': null in a non-nullable STRING column", r -> r.value(null));
    assertRefused(
        "row 0, column 'alpha_t': NaN is not allowed; use null for 'not applicable'",
        r -> {
          r.value("c");
          r.int32(0);
          r.int64(0);
          r.float64OrNull(Double.NaN); // a required column takes no null
        });
    assertRefused(
        "row 0, column 'entropy': NaN is not allowed; use null for 'not applicable'",
        r -> {
          r.value("c");
          r.int32(0);
          r.int64(0);
          r.float64(1);
          r.float64(Double.NaN);
        });
    assertRefused(
        "row 0 has more values than the schema's 5 columns"
            + " [cell_id, replicate, seed, alpha_t, entropy]",
        r -> {
          r.value("c");
          r.int32(0);
          r.int64(0);
          r.float64(1);
          r.float64(2);
          r.value(3.0);
        });
    assertRefused(
        "row 0 has 2 values, the schema has 5 columns [cell_id, replicate, seed, alpha_t, entropy]",
        r -> {
          r.value("c");
          r.int32(0);
          r.endRow();
        });
  }

  private interface Writes {
    void into(RowSink row) throws IOException;
  }

  private void assertRefused(String message, Writes writes) throws IOException {
    try (ParquetTableWriter.Appender out =
        ParquetTableWriter.open(FsPath.local(dir.resolve("r.parquet")), SCHEMA)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> writes.into(out.rows()));
      assertEquals(message, e.getMessage());
    }
  }
}
