package org.collapsesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.collapsesim.report.Figure.HeatMap;
import org.collapsesim.report.Figure.Lines;
import org.collapsesim.report.Figure.Series;
import org.junit.jupiter.api.Test;

/**
 * The figures' numbers against the tables they come from, read independently here (Arrow Java's
 * reader through the test support), and the quickstart's promise: entropy falls at alpha 0 and
 * levels off with exogenous data.
 */
class ReportFiguresTest {

  /** t(0.975, 49): the quickstart has 50 replicates (R: qt(0.975, 49)). */
  private static final double T_975_49 = 2.00957523712924;

  /** t(0.975, 19): the grid's contrasts have 20 pairs (R: qt(0.975, 19)). */
  private static final double T_975_19 = 2.093024054408309;

  private static Lines lines(List<Figure> figures, String id) {
    return (Lines)
        figures.stream()
            .filter(f -> f.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no figure " + id + " in " + figures.stream().map(Figure::id).toList()));
  }

  private static Series series(Lines f, String name) {
    return f.series().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + name));
  }

  @Test
  void collapseCurvesCarryTheSummaryTheQuantileBandAndTheMeansInterval() throws Exception {
    Path dir = ReportSweeps.quickstart();
    ReportData data = ReportData.load(dir);
    List<Figure> curves = ReportFigures.collapseCurves(data);
    ReadTable summary = OutputTestSupport.readArrow(dir.resolve("summary.arrow"));
    Lines entropy = lines(curves, "curve-entropy");
    assertEquals(6, entropy.series().size());
    int checked = 0;
    for (Object[] row : summary.rows()) {
      String cell = (String) row[summary.index("cell_id")];
      int g = (Integer) row[summary.index("generation")];
      Series s =
          entropy.series().stream().filter(x -> x.key().equals(cell)).findFirst().orElseThrow();
      assertEquals(g, s.x()[g]);
      assertEquals((Double) row[summary.index("entropy_mean")], s.y()[g], 0.0);
      assertEquals((Double) row[summary.index("entropy_q05")], s.outerLow()[g], 0.0);
      assertEquals((Double) row[summary.index("entropy_q95")], s.outerHigh()[g], 0.0);
      double half = T_975_49 * (Double) row[summary.index("entropy_se")];
      assertEquals(s.y()[g] + half, s.innerHigh()[g], 1e-12, cell + " generation " + g);
      assertEquals(s.y()[g] - half, s.innerLow()[g], 1e-12, cell + " generation " + g);
      checked++;
    }
    assertEquals(6 * 101, checked);
    // Theory exists for gini_simpson (mle, replace) and not for entropy.
    for (Series s : entropy.series()) {
      assertNull(s.theory(), s.name());
    }
    // A level's curves carry the truth's own value (H(P*) here), a distance's none.
    for (Series s : entropy.series()) {
      double truth = (Double) summary.value(rowOf(summary, s.key(), 0), "entropy_truth");
      assertTrue(truth > 0, s.name());
      assertEquals(truth, s.level(), 0.0, s.name());
    }
    for (Series s : lines(curves, "curve-kl_true_model").series()) {
      assertTrue(Double.isNaN(s.level()), s.name());
    }
    assertTrue(entropy.caption().contains("dotted: the truth's own value"), entropy.caption());
    Lines gini = lines(curves, "curve-gini_simpson");
    for (Series s : gini.series()) {
      assertNotNull(s.theory(), s.name());
      for (int g = 0; g <= 100; g++) {
        assertEquals(
            (Double) summary.value(rowOf(summary, s.key(), g), "theory_gini_simpson"),
            s.theory()[g],
            0.0);
      }
    }
  }

  private static int rowOf(ReadTable table, String cell, int generation) {
    for (int r = 0; r < table.rows().size(); r++) {
      if (table.value(r, "cell_id").equals(cell)
          && ((Number) table.value(r, "generation")).intValue() == generation) {
        return r;
      }
    }
    throw new AssertionError("no row for " + cell + " at " + generation);
  }

  /**
   * At alpha 0 the mean entropy at G = 100 lies more than 10 standard errors below generation 0's;
   * with alpha 0.05 and 0.2 it has levelled off: generation 100's mean is within 4 combined
   * standard errors of generation 50's. The two means come from the same chains, positively
   * correlated in the stationary regime, so sqrt(se_50^2 + se_100^2) overstates the sd of their
   * difference: the false-failure rate is below the independent-normal 6.3e-5 per comparison,
   * 2.6e-4 for the four.
   */
  @Test
  void quickstartShowsEntropyFallingAtAlphaZeroAndLevellingOffWithRealData() throws Exception {
    Lines entropy =
        lines(
            ReportFigures.collapseCurves(ReportData.load(ReportSweeps.quickstart())),
            "curve-entropy");
    for (String size : List.of("10", "100")) {
      Series closed = series(entropy, "model_size=" + size + ", alpha=0");
      double se0 = (closed.innerHigh()[0] - closed.y()[0]) / T_975_49;
      double se100 = (closed.innerHigh()[100] - closed.y()[100]) / T_975_49;
      assertTrue(
          closed.y()[100] < closed.y()[0] - 10 * Math.hypot(se0, se100),
          "alpha 0, model_size " + size + ": " + closed.y()[0] + " -> " + closed.y()[100]);
      for (String alpha : List.of("0.05", "0.2")) {
        Series anchored = series(entropy, "model_size=" + size + ", alpha=" + alpha);
        double se50 = (anchored.innerHigh()[50] - anchored.y()[50]) / T_975_49;
        double seG = (anchored.innerHigh()[100] - anchored.y()[100]) / T_975_49;
        double z = (anchored.y()[100] - anchored.y()[50]) / Math.hypot(se50, seG);
        assertTrue(
            Math.abs(z) <= 4,
            anchored.name()
                + ": generation 50 "
                + anchored.y()[50]
                + ", 100 "
                + anchored.y()[100]
                + ", z = "
                + z);
        assertTrue(
            anchored.y()[100] > closed.y()[100] + 10 * Math.hypot(seG, se100), anchored.name());
      }
    }
  }

  /** With censoring only at G, Kaplan-Meier is the fraction of chains not collapsed by t. */
  @Test
  void survivalCurvesAreTheFractionOfChainsNotYetCollapsed() throws Exception {
    Path dir = ReportSweeps.quickstart();
    ReadTable chains = OutputTestSupport.readArrow(dir.resolve("chains.arrow"));
    ReadTable cells = OutputTestSupport.readArrow(dir.resolve("cells.arrow"));
    Lines survival = lines(ReportFigures.survivalCurves(ReportData.load(dir)), "survival");
    boolean someCollapse = false;
    for (Series s : survival.series()) {
      for (int t = 0; t <= 100; t++) {
        int n = 0;
        int alive = 0;
        for (Object[] row : chains.rows()) {
          if (row[chains.index("cell_id")].equals(s.key())) {
            Integer g = (Integer) row[chains.index("collapse_generation")];
            n++;
            alive += g == null || g > t ? 1 : 0;
          }
        }
        assertEquals(alive / (double) n, s.y()[t], 1e-15, s.name() + " at " + t);
        someCollapse |= alive < n;
      }
      double fraction = (Double) cells.value(rowOf(cells, s.key()), "fraction_collapsed");
      assertEquals(1 - fraction, s.y()[100], 1e-12, s.name());
    }
    assertTrue(someCollapse, "the quickstart's alpha 0 cells have collapsed chains");
  }

  private static int rowOf(ReadTable table, String cell) {
    for (int r = 0; r < table.rows().size(); r++) {
      if (table.value(r, "cell_id").equals(cell)) {
        return r;
      }
    }
    throw new AssertionError("no cell " + cell);
  }

  @Test
  void phaseDiagramsPutEachCellAtItsAxisValues() throws Exception {
    Path dir = ReportSweeps.quickstart();
    ReadTable cells = OutputTestSupport.readArrow(dir.resolve("cells.arrow"));
    ReportData data = ReportData.load(dir);
    List<Figure> phases = ReportFigures.phaseDiagrams(data, "entropy", "model_size", "alpha");
    assertEquals(
        List.of("phase-entropy", "phase-km-median"), phases.stream().map(Figure::id).toList());
    HeatMap atHorizon = (HeatMap) phases.get(0);
    HeatMap median = (HeatMap) phases.get(1);
    assertEquals(List.of("10", "100"), atHorizon.xValues());
    assertEquals(List.of("0", "0.05", "0.2"), atHorizon.yValues());
    for (int r = 0; r < cells.rows().size(); r++) {
      int i = atHorizon.xValues().indexOf(ReportData.display(cells.value(r, "model_size")));
      int j = atHorizon.yValues().indexOf(ReportData.display(cells.value(r, "alpha")));
      assertEquals((Double) cells.value(r, "final_entropy_mean"), atHorizon.values()[j][i], 0.0);
      Object km = cells.value(r, "km_median_collapse_generation");
      assertEquals(km == null ? "> 100" : km.toString(), median.labels()[j][i]);
    }
  }

  @Test
  void aLogScaleOnlyWhereEveryValueIsPositiveAndTheySpanTwoDecades() {
    assertTrue(ReportFigures.spansDecades(List.of(series(0.001, 0.5, 1.0))));
    assertFalse(ReportFigures.spansDecades(List.of(series(1, 20, 50))), "1.7 decades");
    assertFalse(ReportFigures.spansDecades(List.of(series(0, 0.001, 1.0))), "a zero");
    assertFalse(ReportFigures.spansDecades(List.of(series(-1, 0.001, 1.0))), "a negative");
    assertTrue(ReportFigures.spansDecades(List.of(series(0.01, Double.NaN, 1.0))), "NaN ignored");
  }

  private static Series series(double... y) {
    double[] x = new double[y.length];
    return new Series("k", "s", x, y, null, null, null, null, null, Double.NaN);
  }

  @Test
  void contrastCurvesAndTheLeagueTableComeFromContrastsAndChains() throws Exception {
    Path dir = ReportSweeps.grid();
    ReportData data = ReportData.load(dir);
    ReadTable contrasts = OutputTestSupport.readArrow(dir.resolve("contrasts.arrow"));
    List<Figure> figures = ContrastFigures.contrastCurves(data);
    assertEquals(
        List.of("contrast-entropy", "contrast-gini_simpson"),
        figures.stream().map(Figure::id).toList());
    Lines entropy = (Lines) figures.get(0);
    assertEquals(6, entropy.series().size());
    for (int r = 0; r < contrasts.rows().size(); r++) {
      String cell = (String) contrasts.value(r, "cell_id");
      int g = (Integer) contrasts.value(r, "generation");
      Series s =
          entropy.series().stream().filter(x -> x.key().equals(cell)).findFirst().orElseThrow();
      double diff = (Double) contrasts.value(r, "entropy_diff_mean");
      assertEquals(diff, s.y()[g], 0.0);
      assertEquals(
          diff + T_975_19 * (Double) contrasts.value(r, "entropy_diff_se"),
          s.innerHigh()[g],
          1e-12);
      assertEquals(
          diff - T_975_19 * (Double) contrasts.value(r, "entropy_unpaired_se"),
          s.outerLow()[g],
          1e-12);
      assertTrue(s.name().endsWith(" vs closed-loop"), s.name());
    }
    List<ContrastFigures.LeagueRow> league = ContrastFigures.league(data, "entropy");
    assertEquals(6, league.size());
    for (ContrastFigures.LeagueRow row : league) {
      assertEquals(100 + 40 * 10, row.realSamples(), 0.0, row.cell());
      assertEquals(1, row.rank(), "one fresh-10pct cell per group and cost: " + row);
      int r = rowOfContrast(contrasts, data, row.cell(), 40);
      assertEquals((Double) contrasts.value(r, "entropy_diff_mean"), row.diff(), 0.0);
      // entropy is a level: the row carries H(P*) of the cell's Zipf(1.1) truth over V categories
      ReportData.Cell cell =
          data.cells().stream().filter(c -> c.label().equals(row.cell())).findFirst().orElseThrow();
      int v = Integer.parseInt(cell.axisValues().get("model_size"));
      assertEquals(zipfEntropy(v, 1.1), row.truth(), 1e-12, row.cell());
      assertEquals(Math.abs(row.mean() - row.truth()), row.distance(), 0.0);
    }
    // summary.arrow carries <m>_truth for the levels only
    assertTrue(data.summary().has("gini_simpson_truth"));
    assertTrue(data.summary().has("tail_mass_truth"));
    assertFalse(data.summary().has("kl_true_model_truth"), "a distance has no truth value");
    assertFalse(data.summary().has("support_truth"), "support is not a level");
  }

  /** H(P*) of p_i proportional to (i + 1)^-s over v categories, in plain double arithmetic. */
  private static double zipfEntropy(int v, double s) {
    double z = 0;
    for (int i = 0; i < v; i++) {
      z += Math.pow(i + 1, -s);
    }
    double h = 0;
    for (int i = 0; i < v; i++) {
      double p = Math.pow(i + 1, -s) / z;
      h -= p * Math.log(p);
    }
    return h;
  }

  private static int rowOfContrast(ReadTable contrasts, ReportData data, String label, int g) {
    String cell =
        data.cells().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().id();
    for (int r = 0; r < contrasts.rows().size(); r++) {
      if (contrasts.value(r, "cell_id").equals(cell)
          && (Integer) contrasts.value(r, "generation") == g) {
        return r;
      }
    }
    throw new AssertionError("no contrast row for " + label);
  }

  /**
   * Best first within each group and real-data cost: largest difference first where higher is
   * better, smallest first where lower is, the mean nearest the truth's value (1 here) first for a
   * level, whichever side of it; unranked (0) where neither is.
   */
  @Test
  void theLeagueRanksByDifferenceWithinEachGroupAndRealDataCost() {
    List<ContrastFigures.LeagueRow> rows =
        List.of(
            row("b", "x1", 100, 0.1, 1.5),
            row("a", "x2", 500, 0.3, 0.9),
            row("a", "x3", 100, -0.2, 1.05),
            row("a", "x4", 100, 0.4, 1.02),
            row("a", "x5", 500, 0.9, 1.5));
    Map<MetricDefinition.Better, List<String>> order =
        Map.of(
            MetricDefinition.Better.HIGHER, List.of("x4", "x3", "x5", "x2", "x1"),
            MetricDefinition.Better.LOWER, List.of("x3", "x4", "x2", "x5", "x1"),
            MetricDefinition.Better.TRUTH, List.of("x4", "x3", "x2", "x5", "x1"),
            MetricDefinition.Better.NEITHER, List.of("x4", "x3", "x5", "x2", "x1"));
    for (MetricDefinition.Better better : MetricDefinition.Better.values()) {
      List<ContrastFigures.LeagueRow> ranked = ContrastFigures.rank(rows, better);
      assertEquals(
          order.get(better),
          ranked.stream().map(ContrastFigures.LeagueRow::cell).toList(),
          better.toString());
      assertEquals(
          better == MetricDefinition.Better.NEITHER
              ? List.of(0, 0, 0, 0, 0)
              : List.of(1, 2, 1, 2, 1),
          ranked.stream().map(ContrastFigures.LeagueRow::rank).toList(),
          better.toString());
    }
  }

  /** The manifest says which way each metric is better; the league reads it. */
  @Test
  void theManifestSaysWhichWayEachMetricIsBetter() throws Exception {
    ReportData data = ReportData.load(ReportSweeps.quickstart());
    assertEquals(MetricDefinition.Better.TRUTH, data.better("entropy"));
    assertEquals(MetricDefinition.Better.HIGHER, data.better("support"));
    assertEquals(MetricDefinition.Better.LOWER, data.better("kl_true_model"));
    assertEquals(MetricDefinition.Better.LOWER, data.better("tv"));
  }

  private static ContrastFigures.LeagueRow row(
      String group, String cell, double cost, double diff, double mean) {
    return new ContrastFigures.LeagueRow(
        group, cell, "v", "base", cost, mean, mean, mean, diff, 0, 0, 1.0, 0);
  }

  @Test
  void cellsSplitIntoPanelsByTheFirstAxisPastEightSeries() throws Exception {
    ReportData data = ReportData.load(ReportSweeps.grid());
    assertEquals(List.of("model_size", "alpha", "regime"), data.axes());
    Map<String, List<ReportData.Cell>> panels = ReportFigures.panels(data);
    assertEquals(
        List.of("model_size=10", "model_size=50", "model_size=200"), List.copyOf(panels.keySet()));
    panels.values().forEach(p -> assertEquals(4, p.size()));
    assertTrue(
        ReportFigures.collapseCurves(data).stream()
            .anyMatch(f -> f.id().equals("curve-entropy-model_size_200")));
  }
}
