package org.collapsesim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapsesim.engine.Families;
import org.collapsesim.io.OutputLayout;

/**
 * A finished sweep's output as the report reads it: {@code manifest.json} (Jackson) and the Arrow
 * tables {@code summary.arrow}, {@code chains.arrow}, {@code cells.arrow} and, with {@code
 * compare_to}, {@code contrasts.arrow} (Arrow Java readers). Also the cells in output order with a
 * short label made of their values on the grid axes that vary, e.g. {@code model_size=10,
 * alpha=0.05}.
 */
final class ReportData {

  /** One cell: its id, its row in cells.arrow, its label and its value on each varying axis. */
  record Cell(String id, int row, String label, Map<String, String> axisValues) {}

  private final Path dir;
  private final JsonNode manifest;
  private final ArrowTable summary;

  /** The chains table's columns the report reads. */
  static final java.util.Set<String> CHAIN_COLUMNS =
      java.util.Set.of("cell_id", "status", "collapse_generation", "real_samples");

  private final Path chainsFile;
  private ArrowTable chains;
  private final ArrowTable cellsTable;
  private final ArrowTable contrasts;
  private final List<String> axes;
  private final List<Cell> cells;
  private final Map<String, List<Integer>> summaryRows = new HashMap<>();

  private ReportData(
      Path dir,
      JsonNode manifest,
      ArrowTable summary,
      Path chainsFile,
      ArrowTable cellsTable,
      ArrowTable contrasts) {
    this.dir = dir;
    this.manifest = manifest;
    this.summary = summary;
    this.chainsFile = chainsFile;
    this.cellsTable = cellsTable;
    this.contrasts = contrasts;
    this.axes = varyingAxes();
    List<Cell> list = new ArrayList<>();
    for (int r = 0; r < cellsTable.rows(); r++) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String axis : axes) {
        values.put(axis, display(cellsTable.get(axis, r)));
      }
      String id = cellsTable.text("cell_id", r);
      String label =
          values.isEmpty()
              ? id
              : String.join(
                  ", ",
                  values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      list.add(new Cell(id, r, label, Map.copyOf(values)));
    }
    this.cells = List.copyOf(list);
    for (int r = 0; r < summary.rows(); r++) {
      summaryRows.computeIfAbsent(summary.text("cell_id", r), k -> new ArrayList<>()).add(r);
    }
    summaryRows
        .values()
        .forEach(
            rows -> rows.sort(Comparator.comparingDouble(r -> summary.number("generation", r))));
  }

  /**
   * Reads {@code dir}; a missing manifest or table is a {@link ReportException} naming the file and
   * what writes it.
   */
  static ReportData load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": not a directory; give the output directory of a sweep");
    }
    Path manifestFile = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new ReportException(
          dir + ": no manifest.json; give the output directory of a finished sweep or run --out");
    }
    JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
    return new ReportData(
        dir,
        manifest,
        table(dir, "summary"),
        tableFile(dir, "chains"),
        table(dir, "cells"),
        Files.isRegularFile(dir.resolve("contrasts.arrow"))
            ? ArrowTable.read(dir.resolve("contrasts.arrow"))
            : null);
  }

  private static ArrowTable table(Path dir, String name) throws IOException {
    return ArrowTable.read(tableFile(dir, name));
  }

  private static Path tableFile(Path dir, String name) {
    Path file = dir.resolve(name + ".arrow");
    if (!Files.isRegularFile(file)) {
      throw new ReportException(
          dir
              + ": no "
              + name
              + ".arrow; the report reads the Arrow tables, so the sweep needs arrow in"
              + " output.formats (it is in the default [arrow, parquet])");
    }
    return file;
  }

  /**
   * The columns of the grid axes whose value differs between cells, in the config's axis order: a
   * variants axis is the variant column, alpha the alpha column (its schedule when not constant),
   * dotted keys their snake_case column.
   */
  private List<String> varyingAxes() {
    Set<String> columns = new LinkedHashSet<>();
    if (cellsTable.has("variant")) {
      columns.add("variant");
    }
    for (JsonNode axis : manifest.path("config").path("axes")) {
      String key = axis.asText();
      String column =
          key.equals("variants")
              ? "variant"
              : key.equals("alpha") && anyNull("alpha")
                  ? "alpha_schedule"
                  : OutputLayout.columnName(key);
      if (cellsTable.has(column)) {
        columns.add(column);
      }
    }
    return columns.stream().filter(this::varies).toList();
  }

  private boolean anyNull(String column) {
    for (int r = 0; r < cellsTable.rows(); r++) {
      if (cellsTable.get(column, r) == null) {
        return true;
      }
    }
    return false;
  }

  private boolean varies(String column) {
    Set<String> seen = new LinkedHashSet<>();
    for (int r = 0; r < cellsTable.rows(); r++) {
      seen.add(display(cellsTable.get(column, r)));
    }
    return seen.size() > 1;
  }

  /** A value as the report shows it: integers without a decimal point, doubles as Java prints. */
  static String display(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
      return d == 0.0 ? "0" : Double.toString(d).replaceAll("\\.0$", "");
    }
    return value.toString();
  }

  Path dir() {
    return dir;
  }

  JsonNode manifest() {
    return manifest;
  }

  String name() {
    return manifest.path("name").asText();
  }

  /** The horizon G: the last generation. */
  int generations() {
    return manifest.path("config").path("generations").asInt();
  }

  /** The recorded metrics, in output order. */
  List<String> metrics() {
    List<String> names = new ArrayList<>();
    manifest.path("metrics").forEach(m -> names.add(m.asText()));
    return names;
  }

  /**
   * Which way {@code metric} is better, from the manifest's metric definitions (neither for an
   * output written before they said).
   */
  org.collapsesim.config.MetricDefinition.Better better(String metric) {
    for (JsonNode d : manifest.path("metric_definitions")) {
      if (d.path("name").asText().equals(metric) && d.has("better")) {
        return org.collapsesim.config.MetricDefinition.Better.valueOf(
            d.path("better").asText().toUpperCase(java.util.Locale.ROOT));
      }
    }
    return org.collapsesim.config.MetricDefinition.Better.NEITHER;
  }

  /** Each metric's definition, from the manifest. */
  Map<String, String> definitions() {
    Map<String, String> out = new LinkedHashMap<>();
    manifest
        .path("metric_definitions")
        .forEach(d -> out.put(d.path("name").asText(), d.path("definition").asText()));
    return out;
  }

  /**
   * The metric the phase diagrams and the console table show: {@code requested} when given (it must
   * be recorded), else the first of the family's key metrics that is recorded.
   */
  String headlineMetric(String requested) {
    List<String> metrics = metrics();
    if (requested != null) {
      if (!metrics.contains(requested)) {
        throw new ReportException("--metric: " + requested + " is not one of " + metrics);
      }
      return requested;
    }
    List<String> families = new ArrayList<>();
    JsonNode family = manifest.path("family");
    if (family.isArray()) {
      family.forEach(f -> families.add(f.asText()));
    } else {
      families.add(family.asText());
    }
    for (String f : families) {
      for (String m : Families.of(f).keyMetrics()) {
        if (metrics.contains(m)) {
          return m;
        }
      }
    }
    return metrics.get(0);
  }

  /** The grid axes (columns) that vary between cells. */
  List<String> axes() {
    return axes;
  }

  List<Cell> cells() {
    return cells;
  }

  ArrowTable summary() {
    return summary;
  }

  /**
   * The chains table's columns the report draws (cell, status, collapse generation, real-data
   * cost), read on first use: the per-cell table that ends a sweep never reads them, so a sweep of
   * a million chains does not hold its chains table in memory to print it.
   */
  ArrowTable chains() {
    if (chains == null) {
      try {
        chains = ArrowTable.read(chainsFile, CHAIN_COLUMNS);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return chains;
  }

  ArrowTable cellsTable() {
    return cellsTable;
  }

  /** contrasts.arrow, or null when the sweep has no compare_to. */
  ArrowTable contrasts() {
    return contrasts;
  }

  /** The summary rows of a cell, by generation. */
  List<Integer> summaryRows(String cellId) {
    return summaryRows.getOrDefault(cellId, List.of());
  }

  /** The cell with this id. */
  Cell cell(String id) {
    return cells.stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new ReportException("cells.arrow has no cell " + id));
  }
}
