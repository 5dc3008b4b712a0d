package org.collapsesim.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.collapsesim.report.ReportData.Cell;

/**
 * The compact per-cell table that ends a sweep or run on the console and opens the report: per cell
 * its label, chains ok and failed, the headline metric's mean at generation 0 and at the horizon G
 * (and, for a level metric, the truth's own value), the fraction of chains collapsed by G and the
 * Kaplan-Meier median collapse generation ("&gt; G" when fewer than half collapsed), all read from
 * summary.arrow and cells.arrow.
 */
final class CellTable {

  /** One cell's line. NaN for a missing mean; kmMedian null when not reached by G. */
  record Row(
      String label,
      String cellId,
      long ok,
      long failed,
      double first,
      double last,
      double truth,
      double fractionCollapsed,
      Integer kmMedian) {}

  private CellTable() {}

  static List<Row> rows(ReportData data, String metric) {
    ArrowTable summary = data.summary();
    ArrowTable cells = data.cellsTable();
    List<Row> rows = new ArrayList<>();
    for (Cell cell : data.cells()) {
      List<Integer> gens = data.summaryRows(cell.id());
      double first = gens.isEmpty() ? Double.NaN : summary.number(metric + "_mean", gens.get(0));
      double last =
          gens.isEmpty() ? Double.NaN : summary.number(metric + "_mean", gens.get(gens.size() - 1));
      double truth =
          summary.has(metric + "_truth") && !gens.isEmpty()
              ? summary.number(metric + "_truth", gens.get(0))
              : Double.NaN;
      Object median = cells.get("km_median_collapse_generation", cell.row());
      rows.add(
          new Row(
              cell.label(),
              cell.id(),
              (long) cells.number("chains_ok", cell.row()),
              (long) cells.number("chains_failed", cell.row()),
              first,
              last,
              truth,
              cells.number("fraction_collapsed", cell.row()),
              median == null ? null : ((Number) median).intValue()));
    }
    return rows;
  }

  /** Whether any row has the truth's own value (the metric is a level). */
  static boolean hasTruth(List<Row> rows) {
    return rows.stream().anyMatch(r -> !Double.isNaN(r.truth()));
  }

  /**
   * Prints the table, aligned, with a header naming the metric and the horizon; a "truth" column
   * when the metric is a level.
   */
  static void print(ReportData data, String metric, PrintWriter out) {
    List<Row> rows = rows(data, metric);
    int horizon = data.generations();
    boolean truth = hasTruth(rows);
    int width = Math.max(4, rows.stream().mapToInt(r -> r.label().length()).max().orElse(4));
    String format = "%-" + width + "s  %14s  %14s  " + (truth ? "%9s  " : "%s") + "%9s  %9s%n";
    out.printf(
        format,
        "cell",
        metric + " at 0",
        metric + " at " + horizon,
        truth ? "truth" : "",
        "collapsed",
        "KM median");
    for (Row r : rows) {
      out.printf(
          format,
          r.label(),
          number(r.first()),
          number(r.last()),
          truth ? number(r.truth()) : "",
          percent(r.fractionCollapsed()),
          r.kmMedian() == null ? "> " + horizon : r.kmMedian().toString());
    }
    out.flush();
  }

  /** A fraction as a whole percentage, "-" when missing. */
  static String percent(double fraction) {
    return Double.isNaN(fraction)
        ? "-"
        : String.format(java.util.Locale.ROOT, "%.0f%%", 100 * fraction);
  }

  static String number(double v) {
    return Double.isNaN(v)
        ? "-"
        : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : AxisValues.compact(v);
  }
}
