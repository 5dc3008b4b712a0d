package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads what the Java writers wrote with readers that share no code with them: the apache-arrow
 * JavaScript package for Arrow IPC files and DuckDB for CSV (node scripts in {@code src/test/js},
 * installed by {@code src/test/js/install.sh}).
 */
class IndependentReaderTest {

  private static final int ROWS = 150_000;
  private static final int SHOWN = 40;

  private static Path jsDir;

  @TempDir Path dir;

  @BeforeAll
  static void findReaders() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    jsDir = moduleDir.resolve("src/test/js").toAbsolutePath();
    for (String pkg : List.of("apache-arrow", "@duckdb/node-api")) {
      if (!Files.isDirectory(jsDir.resolve("node_modules").resolve(pkg))) {
        fail(
            "the independent readers' npm package "
                + pkg
                + " is not installed in "
                + jsDir.resolve("node_modules")
                + "; run "
                + jsDir.resolve("install.sh")
                + " (needs node >= 20 and npm) before the tests");
      }
    }
  }

  /** Runs {@code node SCRIPT ARGS...} in the js folder and parses the JSON it prints. */
  private Map<?, ?> runNode(String script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Path out = dir.resolve(script + ".out");
    Path err = dir.resolve(script + ".err");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(jsDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot start node (needs node >= 20 on PATH): " + e.getMessage(), e);
    }
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 180 s");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + stderr);
    return (Map<?, ?>) ManifestJson.parse(Files.readString(out, StandardCharsets.UTF_8));
  }

  /**
   * Asserts that a value the readers printed is the value Java wrote: integers as exact Longs,
   * doubles bit for bit (JSON drops the ".0" of integral doubles, so any JSON number may stand for
   * a double; infinities are the strings "Infinity" and "-Infinity").
   */
  private static void assertPrinted(Object expected, Object printed, String where) {
    if (expected instanceof Double) {
      assertTrue(
          printed instanceof Number || printed instanceof String, where + ": got " + printed);
      assertEquals(
          Double.doubleToRawLongBits((Double) expected),
          Double.doubleToRawLongBits(ManifestJson.toDouble(printed)),
          where + ": got " + printed);
    } else {
      assertEquals(
          expected instanceof Integer ? Long.valueOf((Integer) expected) : expected,
          printed,
          where);
    }
  }

  @Test
  void apacheArrowJsReadsTheArrowFile() throws Exception {
    TableSchema schema = TestTables.schema();
    Path file = dir.resolve("summary.arrow");
    ArrowIpcWriter.write(TestTables.table(ROWS), FsPath.local(file));

    Map<?, ?> got = runNode("read-arrow.mjs", file.toString(), "--rows", Integer.toString(SHOWN));

    List<?> fields = (List<?>) got.get("schemaFields");
    assertEquals(schema.names(), fields.stream().map(f -> ((Map<?, ?>) f).get("name")).toList());
    assertEquals(
        List.of("Utf8", "Int32", "Int64", "Float64", "Bool", "Utf8"),
        fields.stream().map(f -> ((Map<?, ?>) f).get("type")).toList());
    assertEquals(
        List.of(false, false, false, true, true, true),
        fields.stream().map(f -> ((Map<?, ?>) f).get("nullable")).toList());

    Map<?, ?> metadata = (Map<?, ?>) got.get("metadata");
    assertEquals(schema.metadata().keySet(), metadata.keySet());
    assertEquals(
        schema.metadata().get(TableSchema.MANIFEST_KEY), metadata.get(TableSchema.MANIFEST_KEY));
    Map<?, ?> manifest =
        (Map<?, ?>) ManifestJson.parse((String) metadata.get(TableSchema.MANIFEST_KEY));
    assertEquals(Long.MIN_VALUE + 7, manifest.get("master_seed"));
    assertEquals(TestTables.manifest().get("note"), manifest.get("note"));
    List<?> definitions =
        (List<?>) ManifestJson.parse((String) metadata.get(TableSchema.METRIC_DEFINITIONS_KEY));
    assertEquals("entropy", ((Map<?, ?>) definitions.get(0)).get("name"));

    assertEquals((long) ROWS, got.get("numRows"));
    assertEquals(3L, got.get("numBatches"), "150000 rows in batches of 65536");

    List<?> rows = (List<?>) got.get("firstRows");
    assertEquals(SHOWN, rows.size());
    for (int i = 0; i < SHOWN; i++) {
      Map<?, ?> row = (Map<?, ?>) rows.get(i);
      Object[] expected = TestTables.row(i);
      for (int c = 0; c < expected.length; c++) {
        String name = schema.column(c).name();
        assertPrinted(expected[c], row.get(name), "row " + i + ", column " + name);
      }
    }
    // The cases that matter most, spelled out.
    Map<?, ?> row0 = (Map<?, ?>) rows.get(0);
    assertNull(row0.get("value"), "null survives as null, not 0");
    assertTrue(row0.containsKey("value"));
    assertEquals("Infinity", ((Map<?, ?>) rows.get(13)).get("value"));
    assertEquals("-Infinity", ((Map<?, ?>) rows.get(17)).get("value"));
    assertEquals(
        TestTables.seed(1), ((Map<?, ?>) rows.get(1)).get("seed"), "int64 beyond 2^53, exact");
    assertEquals(TestTables.note(19), ((Map<?, ?>) rows.get(19)).get("note"));
  }

  @Test
  void duckDbReadsTheCsvFile() throws Exception {
    TableSchema schema = TestTables.schema();
    Path file = dir.resolve("summary.csv");
    CsvWriter.write(TestTables.table(1000), FsPath.local(file));

    Map<?, ?> got =
        runNode(
            "read-csv.mjs",
            file.toString(),
            "--rows",
            Integer.toString(SHOWN),
            "--double",
            "value");

    List<?> columns = (List<?>) got.get("schema");
    assertEquals(schema.names(), columns.stream().map(f -> ((Map<?, ?>) f).get("name")).toList());
    assertEquals(
        List.of("VARCHAR", "BIGINT", "BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR"),
        columns.stream().map(f -> ((Map<?, ?>) f).get("type")).toList(),
        "types DuckDB inferred");
    assertEquals(1000L, got.get("numRows"));
    List<?> rows = (List<?>) got.get("firstRows");
    for (int i = 0; i < SHOWN; i++) {
      Map<?, ?> row = (Map<?, ?>) rows.get(i);
      Object[] expected = TestTables.row(i);
      for (int c = 0; c < expected.length; c++) {
        String name = schema.column(c).name();
        // DuckDB's default allow_quoted_nulls reads the quoted empty string as NULL too.
        Object want = "".equals(expected[c]) ? null : expected[c];
        assertPrinted(want, row.get(name), "row " + i + ", column " + name);
      }
    }
    assertEquals("Infinity", ((Map<?, ?>) rows.get(13)).get("value"));
    assertEquals(-0.0, ((Map<?, ?>) rows.get(21)).get("value"));
    assertNull(((Map<?, ?>) rows.get(0)).get("value"));
  }

  @Test
  void apacheArrowJsReadsAnEmptyTable() throws Exception {
    Path file = dir.resolve("cells.arrow");
    ArrowIpcWriter.write(TestTables.table(0), FsPath.local(file));
    Map<?, ?> got = runNode("read-arrow.mjs", file.toString());
    assertEquals(0L, got.get("numRows"));
    assertEquals(List.of(), got.get("firstRows"));
    assertEquals(TestTables.schema().size(), ((List<?>) got.get("schemaFields")).size());
    assertEquals(
        TestTables.schema().metadata().keySet(), ((Map<?, ?>) got.get("metadata")).keySet());
  }

  @Test
  void parquetReaderPassesItsSelfCheck() throws Exception {
    // read-parquet.mjs is used on Spark's output by the sweep tests; here DuckDB writes the file.
    Map<?, ?> got = runNode("read-parquet.mjs", "--self-check");
    assertEquals(3L, got.get("numRows"));
    assertEquals(
        List.of("cell_id", "family", "value", "ok"),
        ((List<?>) got.get("schema")).stream().map(f -> ((Map<?, ?>) f).get("name")).toList());
  }
}
