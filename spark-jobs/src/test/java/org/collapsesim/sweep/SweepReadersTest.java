package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.ManifestJson;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's output read by readers that share no code with the writers: apache-arrow (JavaScript)
 * for the Arrow files, DuckDB for the Parquet dataset (node scripts in src/test/js).
 */
class SweepReadersTest {

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SweepTestSupport.session("local[2]", Map.of());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private Map<?, ?> node(String script, String... args) throws Exception {
    Path js =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/js");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Path out = tmp.resolve(script + ".out");
    Path err = tmp.resolve(script + ".err");
    Process p =
        new ProcessBuilder(command)
            .directory(js.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, p.exitValue(), () -> command + " failed: " + read(err));
    return (Map<?, ?>) ManifestJson.parse(Files.readString(out, StandardCharsets.UTF_8));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  @Test
  void arrowAndParquetOutputsReadBackWithIndependentReaders() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, SparkSweepTest.YAML);
    Path out = tmp.resolve("out");
    SweepTestSupport.CommandResult r =
        SweepTestSupport.sweep(config.toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    SweepConfig sweep = SweepTestSupport.parse(config);
    OutputLayout layout = OutputLayout.of(sweep);

    for (String table : List.of("summary", "chains", "cells")) {
      ReadTable java = OutputTestSupport.readArrow(out.resolve(table + ".arrow"));
      Map<?, ?> js =
          node("read-arrow.mjs", out.resolve(table + ".arrow").toString(), "--rows", "100");
      List<?> fields = (List<?>) js.get("schemaFields");
      List<String> names = new ArrayList<>();
      for (Object f : fields) {
        names.add((String) ((Map<?, ?>) f).get("name"));
      }
      assertEquals(java.columns(), names, table + " columns");
      assertEquals(
          (long) java.rows().size(), ((Number) js.get("numRows")).longValue(), table + " rows");
      assertTrue(
          ((Map<?, ?>) js.get("metadata")).containsKey("collapse_sim.manifest"),
          table + " metadata");
      List<?> rows = (List<?>) js.get("firstRows");
      for (int i = 0; i < java.rows().size(); i++) {
        Map<?, ?> row = (Map<?, ?>) rows.get(i);
        assertEquals(java.value(i, "cell_id"), row.get("cell_id"), table + " row " + i);
        String metric =
            table.equals("summary")
                ? "entropy_mean"
                : table.equals("chains") ? "final_entropy" : "final_entropy_mean";
        Object v = java.value(i, metric);
        assertEquals(
            Double.doubleToLongBits((Double) v),
            Double.doubleToLongBits(ManifestJson.toDouble(row.get(metric))),
            table + " row " + i + " " + metric);
      }
    }

    ReadTable gens = SweepTestSupport.readGenerationsWithSpark(spark, sweep, out);
    Map<?, ?> duck =
        node(
            "read-parquet.mjs",
            out.resolve("generations").toString() + "/**/*.parquet",
            "--rows",
            "0");
    assertEquals((long) gens.rows().size(), ((Number) duck.get("numRows")).longValue());
    List<String> duckNames = new ArrayList<>();
    for (Object c : (List<?>) duck.get("schema")) {
      duckNames.add((String) ((Map<?, ?>) c).get("name"));
    }
    assertEquals(layout.generationsSchema().names(), duckNames);
  }
}
