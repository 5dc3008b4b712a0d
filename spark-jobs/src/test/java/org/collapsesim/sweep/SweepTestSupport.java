package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.cli.SweepCommand;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.testing.ChildJvm;
import picocli.CommandLine;

/** Test support for the Spark sweep: sessions, running the command, reading tables back. */
final class SweepTestSupport {

  private SweepTestSupport() {}

  /** The exit code and stderr of one {@code collapse sweep} invocation. */
  record CommandResult(int exitCode, String stderr) {}

  static SparkSession session(String master, Map<String, String> extra) {
    return SparkSessions.create(master, "collapse-sim test", extra);
  }

  static Path writeConfig(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  static SweepConfig parse(Path file, String... sets) throws Exception {
    return ConfigLoader.load(Families.catalogue(), file, List.of(sets));
  }

  static CommandResult sweep(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SweepCommand());
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CommandResult(code, err.toString());
  }

  /**
   * {@code out} itself when it is on the local disk, else a copy of it in {@code local}, so that
   * the local readers can compare its tables.
   */
  static Path localCopy(FsPath out, Path local) throws IOException {
    if (out.localFile() != null) {
      return out.localFile().toPath();
    }
    out.fs().copyToLocalFile(false, out.path(), new org.apache.hadoop.fs.Path(local.toUri()), true);
    return local;
  }

  /** Every table in {@code actual} equals the one in {@code expected} (sorted by its keys). */
  static void assertSameOutput(SparkSession spark, SweepConfig sweep, Path expected, Path actual)
      throws IOException {
    for (String table : List.of("summary", "chains", "cells")) {
      assertSameTable(
          OutputTestSupport.readArrow(expected.resolve(table + ".arrow")),
          OutputTestSupport.readArrow(actual.resolve(table + ".arrow")),
          table,
          "cell_id",
          table.equals("summary")
              ? "generation"
              : table.equals("chains") ? "replicate" : "cell_id");
    }
    assertSameTable(
        readGenerationsWithSpark(spark, sweep, expected),
        readGenerationsWithSpark(spark, sweep, actual),
        "generations",
        "cell_id",
        "replicate",
        "generation");
  }

  /**
   * Every table in {@code actual} equals the one in {@code expected}, read without Spark and sorted
   * by its keys: generations/ (whatever its files), summary, chains, cells and, when the expected
   * output has one, contrasts.
   */
  static void assertSameTables(Path expected, Path actual) throws IOException {
    assertEquals(
        Files.exists(expected.resolve("generations")),
        Files.exists(actual.resolve("generations")),
        "generations/ in one only");
    if (Files.exists(expected.resolve("generations"))) {
      assertSameTable(
          OutputTestSupport.readParquetDir(expected.resolve("generations")),
          OutputTestSupport.readParquetDir(actual.resolve("generations")),
          "generations",
          "cell_id",
          "replicate",
          "generation");
    }
    for (String[] table :
        List.of(
            new String[] {"summary", "cell_id", "generation"},
            new String[] {"chains", "cell_id", "replicate"},
            new String[] {"cells", "cell_id"},
            new String[] {"contrasts", "cell_id", "generation"})) {
      Path file = expected.resolve(table[0] + ".arrow");
      if (table[0].equals("contrasts") && !Files.exists(file)) {
        assertFalse(Files.exists(actual.resolve("contrasts.arrow")), "contrasts in one only");
        continue;
      }
      assertSameTable(
          OutputTestSupport.readArrow(file),
          OutputTestSupport.readArrow(actual.resolve(table[0] + ".arrow")),
          table[0],
          Arrays.copyOfRange(table, 1, table.length));
    }
  }

  /** Orders two key values of one column (strings, numbers). */
  @SuppressWarnings("unchecked")
  private static int compareKeys(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  /**
   * A table's rows without the columns excluded from the determinism promise, sorted by the keys.
   */
  static List<List<Object>> comparable(List<String> columns, List<Object[]> rows, String... keys) {
    int wall = columns.indexOf("wall_ms");
    int[] keyIdx = Arrays.stream(keys).mapToInt(columns::indexOf).toArray();
    List<Object[]> sorted = new ArrayList<>(rows);
    Comparator<Object[]> order = (a, b) -> 0;
    for (int k : keyIdx) {
      order = order.thenComparing((a, b) -> compareKeys(a[k], b[k]));
    }
    sorted.sort(order);
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : sorted) {
      List<Object> row = new ArrayList<>(Arrays.asList(r));
      if (wall >= 0) {
        row.set(wall, null);
      }
      out.add(row);
    }
    return out;
  }

  /** Reads generations/ through Spark with the layout's explicit schema. */
  static OutputTestSupport.ReadTable readGenerationsWithSpark(
      SparkSession spark, SweepConfig config, Path out) {
    OutputLayout layout = OutputLayout.of(config);
    List<Row> rows =
        spark
            .read()
            .schema(SparkRows.structType(layout.generationsSchema()))
            .parquet(out.resolve("generations").toUri().toString())
            .collectAsList();
    List<Object[]> values = new ArrayList<>();
    for (Row r : rows) {
      values.add(SparkRows.values(r, layout.generationsSchema().size()));
    }
    return new OutputTestSupport.ReadTable(layout.generationsSchema().names(), values, Map.of());
  }

  static void assertSameTable(
      OutputTestSupport.ReadTable expected,
      OutputTestSupport.ReadTable actual,
      String what,
      String... keys) {
    assertEquals(expected.columns(), actual.columns(), what + " columns");
    List<List<Object>> e = comparable(expected.columns(), expected.rows(), keys);
    List<List<Object>> a = comparable(actual.columns(), actual.rows(), keys);
    assertEquals(e.size(), a.size(), what + " row count");
    for (int i = 0; i < e.size(); i++) {
      assertEquals(e.get(i), a.get(i), what + " row " + i);
    }
  }

  /**
   * local-cluster starts a standalone master and workers in this JVM; each worker launches its
   * executor as a new JVM through Spark's launcher, which expects a Spark distribution: a
   * SPARK_HOME with a {@code jars/} folder and (without SPARK_SCALA_VERSION) a {@code
   * launcher/target/scala-2.13} build folder. Under {@code spark.testing} the worker takes that
   * home from {@code spark.test.home}; an empty emulated home suffices because the executors get
   * this JVM's class path through {@code spark.executor.extraClassPath}. Callers clear the two
   * system properties when done.
   */
  static Map<String, String> localClusterConf(Path tmp) throws IOException {
    // (the executors get the JVM flags of bin/jvm.flags, as bin/collapse and Surefire do)
    Path home = tmp.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
    System.setProperty("spark.testing", "true");
    System.setProperty("spark.test.home", home.toString());
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    conf.put("spark.executor.extraJavaOptions", String.join(" ", jvmFlags()));
    conf.put("spark.executor.memory", "512m");
    assertTrue(Files.isDirectory(home.resolve("jars")));
    return conf;
  }

  /** The source of the sweep in the config file {@code config} (no --set), as the CLI makes it. */
  static SweepSource source(Path config, SweepConfig sweep) throws IOException {
    return new SweepSource(
        Files.readString(config), config.getParent().toString(), List.of(), sweep.configHash());
  }

  /**
   * Resumes the interrupted sweep of {@code config} in {@code out} on {@code engine} (the driver's
   * path of {@code collapse sweep --resume}), checking that something was left to do, and checks
   * that it ended with every one of the {@code chains} chains ok, the committed ones not rerun, and
   * the work parts gone.
   */
  static void resume(
      SweepEngine engine, Path config, FsPath out, WorkParts.Committed before, int chains)
      throws Exception {
    SweepConfig sweep = parse(config);
    SweepDriver.Preparation prep = SweepDriver.prepareOutput(sweep, out, true, false);
    assertFalse(prep.nothingToDo());
    SweepDriver.Result resumed =
        SweepDriver.run(
            engine,
            sweep,
            source(config, sweep),
            out,
            prep.startTime(),
            FaultInjection.NONE,
            null,
            false);
    assertEquals(chains - before.okCount(), resumed.chainsRun(), "committed chains are not rerun");
    assertEquals(chains, resumed.chainsOk());
    assertFalse(out.resolve(WorkParts.WORK_DIR).exists(), "the work parts are gone");
  }

  /**
   * Starts {@code mainClass} with {@code args} in a child JVM of this JVM's flags and classpath,
   * its output (both streams) to {@code dir/child.log}.
   */
  static Process startChild(Path dir, Class<?> mainClass, String... args) throws IOException {
    return ChildJvm.start(
        dir.resolve("child.log"), ChildJvm.thisClassPath(), List.of(), mainClass, args);
  }

  /** The log of {@link #startChild} in {@code dir}, for a failure's message. */
  static String childLog(Path dir) {
    return ChildJvm.read(dir.resolve("child.log"));
  }

  /** The flags of the repository's bin/jvm.flags (one a line, # comments), for child JVMs. */
  static List<String> jvmFlags() throws IOException {
    Path file = Path.of("..", "bin", "jvm.flags"); // Surefire runs in the module's directory
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
