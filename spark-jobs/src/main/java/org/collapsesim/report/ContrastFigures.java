package org.collapsesim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.report.Figure.Lines;
import org.collapsesim.report.Figure.Series;
import org.collapsesim.report.ReportData.Cell;

/**
 * The mechanism comparisons of a sweep with {@code compare_to}, from contrasts.arrow (one row per
 * cell and recorded generation: cell_id, variant, baseline_cell_id, baseline_variant, generation,
 * n_pairs, and per metric &lt;m&gt;_diff_mean, &lt;m&gt;_diff_se, &lt;m&gt;_unpaired_se):
 *
 * <ul>
 *   <li>paired contrast curves per metric: the mean difference cell minus baseline over replicates
 *       that share their random streams, with its 95% interval diff +- t(0.975, n_pairs - 1)
 *       diff_se, and, wider, the interval the same pairs would give unpaired (unpaired_se);
 *   <li>the league table: at the horizon, every cell with its real-data cost (the mean of
 *       chains.arrow's real_samples per chain, when present), its headline metric with the 95%
 *       interval from cells.arrow and its paired difference to the baseline; ranked best first
 *       among cells with the same other axes and the same real-data cost: by that difference for a
 *       metric where higher or lower is better, by the distance of the mean to the truth's own
 *       value (summary.arrow's &lt;m&gt;_truth) for a level.
 * </ul>
 */
final class ContrastFigures {

  /** One line of the league table; {@code truth} is NaN unless the metric is a level. */
  record LeagueRow(
      String group,
      String cell,
      String variant,
      String baseline,
      double realSamples,
      double mean,
      double lower,
      double upper,
      double diff,
      double pairedHalf,
      double unpairedHalf,
      double truth,
      int rank) {

    /** |mean - truth|: how far a level metric's mean is from the truth's own value. */
    double distance() {
      return Math.abs(mean - truth);
    }

    LeagueRow withRank(int r) {
      return new LeagueRow(
          group,
          cell,
          variant,
          baseline,
          realSamples,
          mean,
          lower,
          upper,
          diff,
          pairedHalf,
          unpairedHalf,
          truth,
          r);
    }
  }

  private ContrastFigures() {}

  /** The paired contrast curves of every metric that contrasts.arrow carries. */
  static List<Figure> contrastCurves(ReportData data) {
    ArrowTable contrasts = data.contrasts();
    if (contrasts == null) {
      return List.of();
    }
    Map<String, List<Integer>> rowsByCell = rowsByCell(contrasts);
    List<Figure> figures = new ArrayList<>();
    for (String metric : data.metrics()) {
      if (!contrasts.has(metric + "_diff_mean")) {
        continue;
      }
      List<Series> series = new ArrayList<>();
      for (Map.Entry<String, List<Integer>> e : rowsByCell.entrySet()) {
        List<Integer> rows = e.getValue();
        int k = rows.size();
        double[] x = new double[k];
        double[] y = new double[k];
        double[] ulo = new double[k];
        double[] uhi = new double[k];
        double[] plo = new double[k];
        double[] phi = new double[k];
        for (int i = 0; i < k; i++) {
          int r = rows.get(i);
          double n = contrasts.number("n_pairs", r);
          x[i] = contrasts.number("generation", r);
          y[i] = ReportFigures.finite(contrasts.number(metric + "_diff_mean", r));
          double paired = ReportFigures.halfWidth(contrasts.number(metric + "_diff_se", r), n);
          double unpaired =
              ReportFigures.halfWidth(contrasts.number(metric + "_unpaired_se", r), n);
          plo[i] = y[i] - paired;
          phi[i] = y[i] + paired;
          ulo[i] = y[i] - unpaired;
          uhi[i] = y[i] + unpaired;
        }
        series.add(
            new Series(
                e.getKey(),
                seriesName(data, contrasts, rows.get(0)),
                x,
                y,
                ulo,
                uhi,
                plo,
                phi,
                null,
                Double.NaN));
      }
      figures.add(
          new Lines(
              "contrast-" + metric,
              metric + ": paired difference to the baseline",
              "The mean over replicates of "
                  + metric
                  + " in the cell minus in its baseline (same replicate: same world and random"
                  + " streams). Dark band: the paired 95% interval; light band: the 95% interval"
                  + " the same pairs would give if they were independent.",
              "generation",
              metric + " difference",
              false,
              false,
              List.of(
                  "generation",
                  "diff_mean",
                  "unpaired_low",
                  "unpaired_high",
                  "paired_low",
                  "paired_high",
                  "",
                  ""),
              List.of("unpaired 95% interval", "paired 95% interval"),
              series));
    }
    return figures;
  }

  /** The league table of {@code metric} at the horizon (empty without contrasts). */
  static List<LeagueRow> league(ReportData data, String metric) {
    ArrowTable contrasts = data.contrasts();
    if (contrasts == null || !contrasts.has(metric + "_diff_mean")) {
      return List.of();
    }
    Map<String, Double> cost = realSamples(data.chains());
    ArrowTable cells = data.cellsTable();
    ArrowTable summary = data.summary();
    String truthColumn = metric + "_truth";
    List<LeagueRow> rows = new ArrayList<>();
    for (List<Integer> cellRows : rowsByCell(contrasts).values()) {
      int r = cellRows.get(cellRows.size() - 1); // the horizon: the last recorded generation
      Cell cell = data.cell(contrasts.text("cell_id", r));
      double n = contrasts.number("n_pairs", r);
      String group =
          String.join(
              ", ",
              data.axes().stream()
                  .filter(a -> !a.equals("variant"))
                  .map(a -> a + "=" + cell.axisValues().get(a))
                  .toList());
      List<Integer> summaryRows = data.summaryRows(cell.id());
      double truth =
          summary.has(truthColumn) && !summaryRows.isEmpty()
              ? summary.number(truthColumn, summaryRows.get(summaryRows.size() - 1))
              : Double.NaN;
      rows.add(
          new LeagueRow(
              group,
              cell.label(),
              contrasts.text("variant", r),
              contrasts.text("baseline_variant", r),
              cost.getOrDefault(cell.id(), Double.NaN),
              cells.number("final_" + metric + "_mean", cell.row()),
              cells.number("final_" + metric + "_lower", cell.row()),
              cells.number("final_" + metric + "_upper", cell.row()),
              contrasts.number(metric + "_diff_mean", r),
              ReportFigures.halfWidth(contrasts.number(metric + "_diff_se", r), n),
              ReportFigures.halfWidth(contrasts.number(metric + "_unpaired_se", r), n),
              truth,
              0));
    }
    return rank(rows, data.better(metric));
  }

  /**
   * Orders league rows by group, then real-data cost, then best first: the largest difference to
   * the baseline first for a metric where higher is better, the smallest first where lower is, the
   * mean closest to the truth's own value first for a level (a row without that value last); and
   * numbers them 1, 2, ... within each (group, cost) tier. Where neither way is better the rows are
   * listed largest difference first with rank 0 (shown as "-"): no order is claimed.
   */
  static List<LeagueRow> rank(List<LeagueRow> rows, MetricDefinition.Better better) {
    Comparator<LeagueRow> byDiff = Comparator.comparingDouble(LeagueRow::diff);
    Comparator<LeagueRow> best =
        switch (better) {
          case LOWER -> byDiff;
          case TRUTH -> Comparator.comparingDouble(LeagueRow::distance);
          case HIGHER, NEITHER -> byDiff.reversed();
        };
    List<LeagueRow> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing(LeagueRow::group)
            .thenComparingDouble(LeagueRow::realSamples)
            .thenComparing(best));
    List<LeagueRow> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      LeagueRow row = sorted.get(i);
      LeagueRow previous = i > 0 ? sorted.get(i - 1) : null;
      boolean sameTier =
          previous != null
              && previous.group().equals(row.group())
              && Double.compare(previous.realSamples(), row.realSamples()) == 0;
      int rank =
          better == MetricDefinition.Better.NEITHER
              ? 0
              : sameTier ? ranked.get(i - 1).rank() + 1 : 1;
      ranked.add(row.withRank(rank));
    }
    return ranked;
  }

  /** The mean of real_samples per ok chain, by cell; empty when chains.arrow lacks the column. */
  static Map<String, Double> realSamples(ArrowTable chains) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    if (!chains.has("real_samples")) {
      return Map.of();
    }
    for (int r = 0; r < chains.rows(); r++) {
      if ("ok".equals(chains.text("status", r))) {
        double[] s = sums.computeIfAbsent(chains.text("cell_id", r), c -> new double[2]);
        s[0] += chains.number("real_samples", r);
        s[1]++;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
    return out;
  }

  private static String seriesName(ReportData data, ArrowTable contrasts, int row) {
    String baseline = contrasts.text("baseline_variant", row);
    String label = data.cell(contrasts.text("cell_id", row)).label();
    return label
        + " vs "
        + (baseline != null
            ? baseline
            : data.cell(contrasts.text("baseline_cell_id", row)).label());
  }

  /** Contrast rows grouped by cell in file order, each group sorted by generation. */
  private static Map<String, List<Integer>> rowsByCell(ArrowTable contrasts) {
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    for (int r = 0; r < contrasts.rows(); r++) {
      rows.computeIfAbsent(contrasts.text("cell_id", r), c -> new ArrayList<>()).add(r);
    }
    rows.values()
        .forEach(l -> l.sort(Comparator.comparingDouble(r -> contrasts.number("generation", r))));
    return rows;
  }
}
