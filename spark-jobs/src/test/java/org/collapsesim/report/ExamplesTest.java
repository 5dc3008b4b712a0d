package org.collapsesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples/ scripts that can run here reproduce their figure of the quickstart's report: each
 * prints the figure's numbers, compared with the data of the report's Vega-Lite file. DuckDB
 * recomputes the entropy curve from the Parquet rows (mean and linear-interpolation quantiles:
 * equal to 1e-12 relative, the summation order differs), pandas the phase diagram from cells.csv
 * and R the Kaplan-Meier survival curves from chains.csv (both exact to 1e-12).
 */
class ExamplesTest {

  private static final Path EXAMPLES = ReportSweeps.moduleDir().resolveSibling("examples");

  private static JsonNode figureData(String id) throws Exception {
    return new ObjectMapper()
        .readTree(ReportSweeps.quickstart().resolve("figures").resolve(id + ".vl.json").toFile())
        .get("data")
        .get("values");
  }

  /** CSV lines (header first) as maps of column to text. */
  private static List<Map<String, String>> csv(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    String[] header = lines.get(0).split(",");
    return lines.stream()
        .skip(1)
        .map(
            l -> {
              String[] cells = l.split(",", -1);
              Map<String, String> row = new HashMap<>();
              for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
              }
              return row;
            })
        .toList();
  }

  private static void assertClose(double expected, String printed, String where) {
    double got = Double.parseDouble(printed);
    assertEquals(expected, got, 1e-12 * Math.max(1, Math.abs(expected)), where);
  }

  @Test
  void duckDbReproducesTheEntropyCurveFromTheParquetRows() throws Exception {
    Path js = ReportSweeps.moduleDir().resolve("src/test/js");
    assumeTrue(
        Files.isDirectory(js.resolve("node_modules/@duckdb/node-api")),
        "SKIPPED: @duckdb/node-api is not installed (src/test/js/install.sh)");
    // Node resolves packages from the script's folder up: run a copy beside the test's packages.
    Path script = js.resolve("example-entropy-curve.tmp.mjs");
    Files.copy(
        EXAMPLES.resolve("duckdb/entropy-curve.mjs"),
        script,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String out;
    try {
      out =
          ExternalProgram.run(
              js, List.of("node", script.toString(), ReportSweeps.quickstart().toString()));
    } finally {
      Files.deleteIfExists(script);
    }
    Map<String, Map<String, String>> printed = new HashMap<>();
    csv(out).forEach(r -> printed.put(r.get("cell_id") + "|" + r.get("generation"), r));
    JsonNode data = figureData("curve-entropy");
    assertEquals(data.size(), printed.size());
    for (JsonNode point : data) {
      String key = point.get("cell_id").asText() + "|" + point.get("generation").asInt();
      Map<String, String> row = printed.get(key);
      assertClose(point.get("mean").asDouble(), row.get("mean"), key + " mean");
      assertClose(point.get("q05").asDouble(), row.get("q05"), key + " q05");
      assertClose(point.get("q95").asDouble(), row.get("q95"), key + " q95");
    }
  }

  @Test
  void pandasReproducesThePhaseDiagramFromTheCsv() throws Exception {
    assumeTrue(
        ExternalProgram.available("/usr/bin/python3"),
        "SKIPPED: no /usr/bin/python3 (python3-pandas)");
    String out =
        ExternalProgram.run(
            EXAMPLES,
            List.of(
                "/usr/bin/python3",
                "pandas/phase_diagram.py",
                ReportSweeps.quickstart().toString()));
    List<String> lines = out.lines().toList();
    String[] sizes = lines.get(0).split(",");
    Map<String, Double> printed = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      for (int i = 1; i < cells.length; i++) {
        printed.put(
            Double.parseDouble(sizes[i]) + "|" + Double.parseDouble(cells[0]),
            Double.parseDouble(cells[i]));
      }
    }
    JsonNode data = figureData("phase-entropy");
    assertEquals(6, data.size());
    for (JsonNode point : data) {
      String key = point.get("model_size").asDouble() + "|" + point.get("alpha").asDouble();
      assertClose(point.get("value").asDouble(), Double.toString(printed.get(key)), key);
    }
  }

  @Test
  void rReproducesTheSurvivalCurvesFromTheCsv() throws Exception {
    assumeTrue(ExternalProgram.available("Rscript"), "SKIPPED: no Rscript (r-base-core)");
    String out =
        ExternalProgram.run(
            EXAMPLES, List.of("Rscript", "r/survival.R", ReportSweeps.quickstart().toString()));
    Map<String, String> printed = new HashMap<>();
    csv(out)
        .forEach(r -> printed.put(r.get("cell_id") + "|" + r.get("generation"), r.get("survival")));
    JsonNode data = figureData("survival");
    assertEquals(data.size(), printed.size());
    for (JsonNode point : data) {
      String key = point.get("cell_id").asText() + "|" + point.get("generation").asInt();
      assertClose(point.get("survival").asDouble(), printed.get(key), key);
    }
  }
}
