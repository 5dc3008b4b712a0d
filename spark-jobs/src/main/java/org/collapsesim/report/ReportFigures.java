package org.collapsesim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.report.Figure.HeatMap;
import org.collapsesim.report.Figure.Lines;
import org.collapsesim.report.Figure.Series;
import org.collapsesim.report.ReportData.Cell;
import org.collapsesim.stats.KaplanMeier;
import org.collapsesim.stats.MeanInterval;
import org.collapsesim.stats.StudentT;

/**
 * Builds the report's figures from a sweep's tables, as {@link Figure} models:
 *
 * <ul>
 *   <li>collapse curves, one per metric: per cell the replicate mean against generation, the band
 *       q05-q95 of the replicates, the mean's 95% interval mean +- t(0.975, n - 1) se, and the
 *       closed-form theory dashed where the summary has it; a log y axis when every value is
 *       positive and they span two decades or more;
 *   <li>phase diagrams: heat maps over two grid axes of the headline metric's mean at the horizon G
 *       and of the Kaplan-Meier median collapse generation, one per combination of the other axes;
 *   <li>survival curves: the Kaplan-Meier estimate (Kaplan and Meier 1958) of P(collapse generation
 *       &gt; t) from chains.arrow, chains that never collapsed censored at G.
 * </ul>
 *
 * With more than {@link #MAX_SERIES} cells, curves are split into panels by the leading varying
 * axes. The contrast figures are {@link ContrastFigures}'.
 */
final class ReportFigures {

  /** Cells drawn in one panel at most; more are split by the first axis. */
  static final int MAX_SERIES = 8;

  private static final double DECADES_FOR_LOG = 2.0;

  private ReportFigures() {}

  /** The collapse curves of every recorded metric. */
  static List<Figure> collapseCurves(ReportData data) {
    ArrowTable summary = data.summary();
    Map<String, String> definitions = data.definitions();
    List<Figure> figures = new ArrayList<>();
    for (String metric : data.metrics()) {
      if (!summary.has(metric + "_mean")) {
        continue;
      }
      String theoryColumn = "theory_" + metric;
      String truthColumn = metric + "_truth";
      for (Map.Entry<String, List<Cell>> panel : panels(data).entrySet()) {
        List<Series> series = new ArrayList<>();
        boolean anyTheory = false;
        boolean anyTruth = false;
        for (Cell cell : panel.getValue()) {
          List<Integer> rows = data.summaryRows(cell.id());
          int k = rows.size();
          double[] x = new double[k];
          double[] y = new double[k];
          double[] q05 = new double[k];
          double[] q95 = new double[k];
          double[] lo = new double[k];
          double[] hi = new double[k];
          double[] theory = new double[k];
          boolean hasTheory = false;
          for (int i = 0; i < k; i++) {
            int r = rows.get(i);
            x[i] = summary.number("generation", r);
            y[i] = finite(summary.number(metric + "_mean", r));
            q05[i] = finite(summary.number(metric + "_q05", r));
            q95[i] = finite(summary.number(metric + "_q95", r));
            double half = halfWidth(summary.number(metric + "_se", r), summary.number("n", r));
            lo[i] = y[i] - half;
            hi[i] = y[i] + half;
            theory[i] = summary.has(theoryColumn) ? finite(summary.number(theoryColumn, r)) : NaN;
            hasTheory |= !Double.isNaN(theory[i]);
          }
          anyTheory |= hasTheory;
          double truth =
              summary.has(truthColumn) && k > 0
                  ? finite(summary.number(truthColumn, rows.get(0)))
                  : NaN;
          anyTruth |= !Double.isNaN(truth);
          series.add(
              new Series(
                  cell.id(),
                  cell.label(),
                  x,
                  y,
                  q05,
                  q95,
                  lo,
                  hi,
                  hasTheory ? theory : null,
                  truth));
        }
        boolean log = spansDecades(series);
        String caption =
            metric
                + ": "
                + definitions.getOrDefault(metric, "")
                + ". Line: the mean over replicates; light band: q05-q95 of the replicates; dark"
                + " band: the mean's 95% interval (Student t)"
                + (anyTheory ? "; dashed: the closed-form theory" : "")
                + (anyTruth ? "; dotted: the truth's own value" : "")
                + (log ? "; log scale (the values span two decades or more)" : "")
                + ". Infinite and missing values are left out.";
        figures.add(
            new Lines(
                "curve-" + metric + panelSuffix(panel.getKey()),
                metric + " against generation" + panelTitle(panel.getKey()),
                caption,
                "generation",
                metric,
                log,
                false,
                List.of("generation", "mean", "q05", "q95", "ci_low", "ci_high", "theory", "truth"),
                List.of("q05-q95 of replicates", "95% interval of the mean"),
                series));
      }
    }
    return figures;
  }

  /** The Kaplan-Meier survival curves of collapse_generation, censored at G. */
  static List<Figure> survivalCurves(ReportData data) {
    ArrowTable chains = data.chains();
    int horizon = data.generations();
    Map<String, List<Integer>> rowsByCell = new LinkedHashMap<>();
    for (int r = 0; r < chains.rows(); r++) {
      if ("ok".equals(chains.text("status", r))) {
        rowsByCell.computeIfAbsent(chains.text("cell_id", r), c -> new ArrayList<>()).add(r);
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (Map.Entry<String, List<Cell>> panel : panels(data).entrySet()) {
      List<Series> series = new ArrayList<>();
      for (Cell cell : panel.getValue()) {
        KaplanMeier km =
            kaplanMeier(chains, rowsByCell.getOrDefault(cell.id(), List.of()), horizon);
        double[] x = new double[horizon + 1];
        double[] y = new double[horizon + 1];
        for (int t = 0; t <= horizon; t++) {
          x[t] = t;
          y[t] = km.n() == 0 ? NaN : km.survivalAt(t);
        }
        series.add(new Series(cell.id(), cell.label(), x, y, null, null, null, null, null, NaN));
      }
      figures.add(
          new Lines(
              "survival" + panelSuffix(panel.getKey()),
              "Chains not yet collapsed" + panelTitle(panel.getKey()),
              "Kaplan-Meier estimate of the fraction of chains whose collapse rule has not held by"
                  + " generation t; chains that never collapsed are censored at G = "
                  + horizon
                  + "; failed chains are left out.",
              "generation",
              "fraction not collapsed",
              false,
              true,
              List.of("generation", "survival", "", "", "", "", "", ""),
              List.of("", ""),
              series));
    }
    return figures;
  }

  /** The Kaplan-Meier fit of the given chains rows; never collapsed means censored at G. */
  static KaplanMeier kaplanMeier(ArrowTable chains, List<Integer> rows, int horizon) {
    int[] times = new int[rows.size()];
    boolean[] collapsed = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Object g = chains.get("collapse_generation", rows.get(i));
      collapsed[i] = g != null;
      times[i] = g == null ? horizon : ((Number) g).intValue();
    }
    return KaplanMeier.fit(times, collapsed);
  }

  /**
   * Heat maps over axes {@code x} and {@code y} (columns of {@link ReportData#axes()}) of {@code
   * metric}'s mean at the horizon and of the KM median collapse generation.
   */
  static List<Figure> phaseDiagrams(ReportData data, String metric, String x, String y) {
    List<String> others = new ArrayList<>(data.axes());
    others.remove(x);
    others.remove(y);
    Map<String, List<Cell>> facets = new LinkedHashMap<>();
    for (Cell cell : data.cells()) {
      String key =
          String.join(", ", others.stream().map(a -> a + "=" + cell.axisValues().get(a)).toList());
      facets.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
    }
    ArrowTable cells = data.cellsTable();
    List<Figure> figures = new ArrayList<>();
    String horizonColumn = "final_" + metric + "_mean";
    int horizon = data.generations();
    for (Map.Entry<String, List<Cell>> facet : facets.entrySet()) {
      List<String> xs = AxisValues.ordered(facet.getValue(), x);
      List<String> ys = AxisValues.ordered(facet.getValue(), y);
      double[][] atHorizon = new double[ys.size()][xs.size()];
      String[][] horizonText = new String[ys.size()][xs.size()];
      double[][] median = new double[ys.size()][xs.size()];
      String[][] medianText = new String[ys.size()][xs.size()];
      for (double[] row : atHorizon) {
        Arrays.fill(row, NaN);
      }
      for (double[] row : median) {
        Arrays.fill(row, NaN);
      }
      for (Cell cell : facet.getValue()) {
        int i = xs.indexOf(cell.axisValues().get(x));
        int j = ys.indexOf(cell.axisValues().get(y));
        double v = cells.number(horizonColumn, cell.row());
        atHorizon[j][i] = finite(v);
        horizonText[j][i] = Double.isNaN(v) ? "n/a" : AxisValues.compact(v);
        Object m = cells.get("km_median_collapse_generation", cell.row());
        median[j][i] = m == null ? NaN : ((Number) m).doubleValue();
        medianText[j][i] = m == null ? "> " + horizon : m.toString();
      }
      String suffix = panelSuffix(facet.getKey());
      String where = panelTitle(facet.getKey());
      figures.addAll(
          List.of(
              new HeatMap(
                  "phase-" + metric + suffix,
                  metric + " at generation " + horizon + where,
                  "The mean over replicates of "
                      + metric
                      + " at the horizon G = "
                      + horizon
                      + ", per cell of the grid "
                      + x
                      + " x "
                      + y
                      + ".",
                  x,
                  xs,
                  y,
                  ys,
                  metric,
                  atHorizon,
                  horizonText),
              new HeatMap(
                  "phase-km-median" + suffix,
                  "Median collapse generation" + where,
                  "The Kaplan-Meier median of collapse_generation per cell (censored at G = "
                      + horizon
                      + "); \"> "
                      + horizon
                      + "\" (pale blocks): fewer than half of the chains collapsed by G.",
                  x,
                  xs,
                  y,
                  ys,
                  "KM median collapse generation",
                  median,
                  medianText)));
    }
    return figures;
  }

  /**
   * The cells in panels of at most MAX_SERIES: split by the values of the first varying axis, then
   * of the first two, and so on, until every panel is small enough (or the axes run out).
   */
  static Map<String, List<Cell>> panels(ReportData data) {
    List<String> axes = data.axes();
    Map<String, List<Cell>> panels = new LinkedHashMap<>();
    panels.put("", data.cells());
    for (int k = 1;
        k <= axes.size() && panels.values().stream().anyMatch(p -> p.size() > MAX_SERIES);
        k++) {
      List<String> by = axes.subList(0, k);
      panels = new LinkedHashMap<>();
      for (Cell cell : data.cells()) {
        String key =
            String.join(", ", by.stream().map(a -> a + "=" + cell.axisValues().get(a)).toList());
        panels.computeIfAbsent(key, x -> new ArrayList<>()).add(cell);
      }
    }
    return panels;
  }

  /** A file-name suffix for a panel key such as {@code model_size=10, regime=replace}. */
  static String panelSuffix(String key) {
    return key.isEmpty() ? "" : "-" + key.replaceAll("[^A-Za-z0-9._-]+", "_");
  }

  static String panelTitle(String key) {
    return key.isEmpty() ? "" : " (" + key + ")";
  }

  /** Half the width of the mean's 95% interval, t(0.975, n - 1) se; NaN when undefined. */
  static double halfWidth(double se, double n) {
    if (Double.isNaN(se) || Double.isInfinite(se) || !(n >= 2)) {
      return NaN;
    }
    return StudentT.quantile(0.5 + MeanInterval.LEVEL / 2, (int) n - 1) * se;
  }

  static double finite(double v) {
    return Double.isFinite(v) ? v : NaN;
  }

  /** Whether every plotted value is positive and max / min is at least 10^DECADES_FOR_LOG. */
  static boolean spansDecades(List<Series> series) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series s : series) {
      for (double[] values :
          new double[][] {
            s.y(), s.outerLow(), s.outerHigh(), s.innerLow(), s.innerHigh(), s.theory()
          }) {
        if (values == null) {
          continue;
        }
        for (double v : values) {
          if (Double.isNaN(v)) {
            continue;
          }
          if (v <= 0) {
            return false;
          }
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return max > 0 && StrictMath.log10(max / min) >= DECADES_FOR_LOG;
  }

  private static final double NaN = Double.NaN;
}
