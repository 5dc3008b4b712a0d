package org.collapsesim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collapse report} as a command: what the end of a sweep prints, clear errors that write
 * nothing, escaping, and the same files from the same tables.
 */
class ReportCommandTest {

  @TempDir Path tmp;

  /** A copy of a sweep's tables without any report. */
  private Path tablesOf(Path sweep, String name) throws Exception {
    Path copy = tmp.resolve(name);
    Files.createDirectories(copy);
    for (String file :
        List.of(
            "manifest.json", "summary.arrow", "chains.arrow", "cells.arrow", "contrasts.arrow")) {
      if (Files.exists(sweep.resolve(file))) {
        Files.copy(sweep.resolve(file), copy.resolve(file));
      }
    }
    return copy;
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theSweepEndsWithThePerCellTableAndTheReportPath() {
    String out = ReportSweeps.quickstartRun().out();
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    assertTrue(
        lines.get(0).matches("cell +entropy at 0 +entropy at 100 +truth +collapsed +KM median"),
        out);
    // H(Zipf(1.1) over 10) = 1.928
    assertTrue(
        lines.get(1).matches("model_size=10, alpha=0 +1\\.894 +0\\.376 +1\\.928 +46% +> 100"), out);
    assertEquals(
        7,
        lines.stream().filter(l -> l.startsWith("model_size=") || l.startsWith("cell")).count(),
        out);
    assertEquals(
        "report: " + ReportSweeps.quickstart().resolve("report.html"), lines.get(lines.size() - 1));
  }

  @Test
  void runWithOutAndReportWritesTheReportOfItsCell() throws Exception {
    String config =
        ReportSweeps.moduleDir().resolveSibling("configs").resolve("wright-fisher.yaml").toString();
    ReportSweeps.Run refused = ReportSweeps.collapse("run", config, "--report");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("--report needs --out DIR"), refused.err());

    Path out = tmp.resolve("wright-fisher");
    ReportSweeps.Run run =
        ReportSweeps.collapse(
            "run",
            config,
            "--set",
            "replicates=20",
            "--set",
            "generations=30",
            "--out",
            out.toString(),
            "--report");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("report: " + out.resolve("report.html")), run.out());
    assertTrue(Files.isRegularFile(out.resolve("report.html")));
    assertTrue(
        Files.readString(out.resolve("report.html"))
            .contains(
                "<dt>sampler revision</dt><dd>"
                    + org.collapsesim.random.SamplerRevision.CURRENT
                    + "</dd>"),
        "the manifest section names the sampler revision");
    assertTrue(Files.isRegularFile(out.resolve("figures/curve-gini_simpson.svg")));
    assertFalse(
        Files.exists(out.resolve("figures/phase-km-median.svg")), "one cell: no phase diagram");
  }

  @Test
  void badDirectoriesAndOptionsExitTwoNamingTheValueAndWriteNothing() throws Exception {
    Path tables = tablesOf(ReportSweeps.quickstart(), "tables");
    List<String> before = listing(tables);
    ReportSweeps.Run missing = ReportSweeps.collapse("report", tmp.resolve("nowhere").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("nowhere: not a directory"), missing.err());

    ReportSweeps.Run metric =
        ReportSweeps.collapse("report", tables.toString(), "--metric", "entropyy");
    assertEquals(2, metric.exitCode());
    assertTrue(
        metric.err().contains("--metric: entropyy is not one of [entropy, gini_simpson"),
        metric.err());

    ReportSweeps.Run axis =
        ReportSweeps.collapse("report", tables.toString(), "--phase", "model_size,regime");
    assertEquals(2, axis.exitCode());
    assertTrue(
        axis.err()
            .contains(
                "--phase: regime is not a grid axis whose value differs between cells; choose two of [model_size, alpha]"),
        axis.err());
    assertEquals(before, listing(tables), "nothing written, no temporary left");

    Files.delete(tables.resolve("summary.arrow"));
    ReportSweeps.Run noArrow = ReportSweeps.collapse("report", tables.toString());
    assertEquals(2, noArrow.exitCode());
    assertTrue(
        noArrow.err().contains("no summary.arrow; the report reads the Arrow tables"),
        noArrow.err());
  }

  /**
   * The per-cell table that ends a sweep reads summary.arrow and cells.arrow only: with
   * chains.arrow unreadable it still prints (a million-chain sweep does not load its chains table
   * to print it); the report, which draws the chains, reads just the four columns it needs.
   */
  @Test
  void thePerCellTableNeverReadsTheChainsTable() throws Exception {
    Path tables = tablesOf(ReportSweeps.quickstart(), "no-chains");
    java.io.StringWriter printed = new java.io.StringWriter();
    Files.write(tables.resolve("chains.arrow"), new byte[] {1, 2, 3});
    ReportWriter.printSummary(tables, false, new java.io.PrintWriter(printed));
    String expected = ReportSweeps.quickstartRun().out();
    assertTrue(
        expected.contains(printed.toString().strip().lines().skip(1).findFirst().orElseThrow()),
        "the same table as the sweep printed:\n" + printed + "\nvs\n" + expected);

    ArrowTable chains = ReportData.load(tablesOf(ReportSweeps.quickstart(), "columns")).chains();
    assertEquals(
        ReportData.CHAIN_COLUMNS, java.util.Set.copyOf(chains.names()), "the columns read");
  }

  @Test
  void phaseAxesCanBeChosen() throws Exception {
    Path tables = tablesOf(ReportSweeps.grid(), "grid");
    ReportSweeps.Run run =
        ReportSweeps.collapse("report", tables.toString(), "--phase", "regime,model_size");
    assertEquals(0, run.exitCode(), run.err());
    List<String> figures = listing(tables.resolve("figures"));
    assertTrue(figures.contains("phase-entropy-alpha_0.vl.json"), figures.toString());
    String spec = Files.readString(tables.resolve("figures/phase-entropy-alpha_0.1.vl.json"));
    assertTrue(spec.contains("\"field\" : \"regime\""), spec);
    assertTrue(spec.contains("\"sort\" : [ \"replace\", \"accumulate\" ]"), spec);
  }

  @Test
  void everyStringFromTheConfigIsEscaped() throws Exception {
    String html = Files.readString(ReportSweeps.grid().resolve("report.html"));
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element in the page");
    assertTrue(
        html.contains(
            "grid &lt;script&gt;window.__collapseInjected=1&lt;/script&gt; &amp; &quot;quotes&quot;"));
  }

  @Test
  void theSameTablesGiveTheSameReportByteForByte() throws Exception {
    Path a = tablesOf(ReportSweeps.grid(), "a");
    Path b = tablesOf(ReportSweeps.grid(), "b");
    assertEquals(0, ReportSweeps.collapse("report", a.toString()).exitCode());
    assertEquals(0, ReportSweeps.collapse("report", b.toString()).exitCode());
    List<String> files = listing(a.resolve("figures"));
    assertEquals(files, listing(b.resolve("figures")));
    for (String f : files) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve("figures").resolve(f)),
          Files.readAllBytes(b.resolve("figures").resolve(f)),
          f);
    }
    assertArrayEquals(
        Files.readAllBytes(a.resolve("report.html")), Files.readAllBytes(b.resolve("report.html")));
    // A second report replaces the first whole.
    assertEquals(
        0, ReportSweeps.collapse("report", a.toString(), "--metric", "gini_simpson").exitCode());
    assertTrue(Files.exists(a.resolve("figures/phase-gini_simpson-regime_replace.svg")));
    assertFalse(Files.exists(a.resolve("figures/phase-entropy-regime_replace.svg")));
  }
}
