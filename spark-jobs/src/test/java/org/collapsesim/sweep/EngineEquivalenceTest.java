package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.ManifestJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-process engine ({@code --engine local}) and Spark ({@code --engine spark}, local[2] with
 * one chain per task, so the parts and their order differ most) write the same tables, value for
 * value: every preset of configs/, shrunk, with its variants, compare_to (contrasts) and formats;
 * the CSV files byte for byte where a table has no wall-clock column; and each manifest says which
 * engine ran. Deterministic assertions: no false-failure rate.
 */
class EngineEquivalenceTest {

  private static SparkSession spark;

  @TempDir static Path tmp;

  @BeforeAll
  static void startSpark() {
    spark =
        SweepTestSupport.session(
            "local[2]",
            Map.of(SparkSweep.BATCH_SIZE_CONF, "1", SparkSweep.DRIVER_ASSEMBLY_CONF, "0"));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anchoring-benchmark",
        "gaussian-drift",
        "markov-text",
        "gmm-nature",
        "regression",
        "symbolic-anchor",
        "quickstart"
      })
  void bothEnginesWriteTheSameTables(String preset) throws Exception {
    Path config = Path.of("..", "configs", preset + ".yaml");
    String[] shrink = {
      "--set", "replicates=3", "--set", "generations=6", "--set", "record_every=2"
    };
    Path local = tmp.resolve(preset + "-local");
    Path onSpark = tmp.resolve(preset + "-spark");
    for (String[] run :
        List.of(
            new String[] {"local", local.toString()}, new String[] {"spark", onSpark.toString()})) {
      String[] args =
          concat(new String[] {config.toString(), "--engine", run[0], "--out", run[1]}, shrink);
      SweepTestSupport.CommandResult r = SweepTestSupport.sweep(args);
      assertEquals(0, r.exitCode(), run[0] + ": " + r.stderr());
    }
    SweepTestSupport.assertSameTables(onSpark, local);
    assertSameCsv(onSpark, local, preset);
    assertEquals(engine(onSpark), "spark local[2]");
    assertTrue(engine(local).startsWith("local "), engine(local));
  }

  /**
   * A small sweep on Spark is assembled on the driver by the in-process assembly (its one
   * generations file shows it): the same tables as Spark's own assembly, the CSV files byte for
   * byte where a table has no wall-clock column.
   */
  @ParameterizedTest
  @ValueSource(strings = {"anchoring-benchmark", "quickstart"})
  void sparkAssemblingOnTheDriverWritesTheSameTables(String preset) throws Exception {
    Path config = Path.of("..", "configs", preset + ".yaml");
    Path byDriver = tmp.resolve(preset + "-driver");
    Path bySpark = tmp.resolve(preset + "-spark-assembly");
    for (Path out : List.of(bySpark, byDriver)) {
      spark.conf().set(SparkSweep.DRIVER_ASSEMBLY_CONF, out == byDriver ? "1000000" : "0");
      try {
        SweepTestSupport.CommandResult r =
            SweepTestSupport.sweep(
                config.toString(),
                "--engine",
                "spark",
                "--out",
                out.toString(),
                "--set",
                "replicates=3",
                "--set",
                "generations=6",
                "--set",
                "record_every=2");
        assertEquals(0, r.exitCode(), r.stderr());
      } finally {
        spark.conf().set(SparkSweep.DRIVER_ASSEMBLY_CONF, "0");
      }
    }
    try (Stream<Path> files = Files.list(byDriver.resolve("generations"))) {
      assertEquals(
          List.of(org.collapsesim.io.LocalOutput.PART_FILE),
          files.map(f -> f.getFileName().toString()).toList(),
          "assembled on the driver");
    }
    SweepTestSupport.assertSameTables(bySpark, byDriver);
    assertSameCsv(bySpark, byDriver, preset);
  }

  /** The tables without a wall-clock column, as CSV, byte for byte. */
  private static void assertSameCsv(Path expected, Path actual, String preset) throws IOException {
    for (String csv : List.of("summary.csv", "cells.csv", "contrasts.csv")) {
      if (Files.exists(expected.resolve(csv))) {
        assertArrayEquals(
            Files.readAllBytes(expected.resolve(csv)),
            Files.readAllBytes(actual.resolve(csv)),
            preset + " " + csv);
      }
    }
  }

  private static String engine(Path out) throws Exception {
    return String.valueOf(
        ManifestJson.read(FsPath.local(out.resolve("manifest.json"))).get("engine"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
