package org.collapsesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the reports of the quickstart and of the 12-cell grid (with contrasts and a name holding a
 * script element) in headless Chromium, every network request refused
 * (src/test/js/open-report.mjs): no console or page errors, no request leaving the file, every
 * figure of figures/ on the page, decoded and drawn, the name shown as text, nothing injected.
 * Screenshots go to target/report-tests/*.png. Skipped, saying why, only where no Chromium could be
 * installed (the build installs Debian's chromium as root when it is missing).
 */
class ReportBrowserTest {

  /**
   * The least share of coloured pixels (open-report.mjs) a drawn line figure has: its frame, text
   * and gridlines are grey and its legend swatches cover about 0.01% per series (0.1% for 8), while
   * one flat line across the plot (every chain surviving) covers about 0.3%; the quickstart's
   * curves measure 10% to 40%.
   */
  private static final double MIN_COLOUR_LINES = 0.0015;

  /**
   * The same for a heat map, whose colour-scale legend alone covers about 1.5%: its blocks fill
   * most of the plot (60% or more here), pale blocks included.
   */
  private static final double MIN_COLOUR_HEAT_MAP = 0.10;

  private static final String CHROMIUM = "/usr/bin/chromium";

  private static Path jsDir;

  @BeforeAll
  static void needsChromium() {
    jsDir = ReportSweeps.moduleDir().resolve("src/test/js");
    assumeTrue(
        ExternalProgram.available(CHROMIUM),
        "SKIPPED: no "
            + CHROMIUM
            + " (Debian's chromium; src/test/report/install-tools.sh installs it as root)");
    assumeTrue(
        Files.isDirectory(jsDir.resolve("node_modules/puppeteer-core")),
        "SKIPPED: puppeteer-core is not installed in "
            + jsDir.resolve("node_modules")
            + " (src/test/js/install.sh)");
  }

  private static JsonNode open(Path dir, String shot) throws Exception {
    Path screenshot = ReportSweeps.testDir().resolve(shot);
    String json =
        ExternalProgram.run(
            jsDir,
            List.of(
                "node",
                "open-report.mjs",
                dir.resolve("report.html").toString(),
                screenshot.toString()));
    JsonNode page = new ObjectMapper().readTree(json);
    assertEquals("[]", page.get("consoleErrors").toString(), "console errors");
    assertEquals("[]", page.get("pageErrors").toString(), "page errors");
    assertEquals("[]", page.get("blockedRequests").toString(), "requests off the file");
    assertEquals("[]", page.get("failedRequests").toString(), "failed requests");
    assertEquals(0, page.get("scripts").asInt(), "the report has no script element");
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("figures"))) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".svg"))
          .sorted()
          .forEach(n -> expected.add("fig-" + n.substring(0, n.length() - 4)));
    }
    List<String> shown = new ArrayList<>();
    for (JsonNode f : page.get("figures")) {
      String id = f.get("id").asText();
      shown.add(id);
      assertTrue(f.get("complete").asBoolean(), id + " loaded");
      assertEquals(ChartRenderer.WIDTH, f.get("naturalWidth").asInt(), id);
      assertEquals(ChartRenderer.HEIGHT, f.get("naturalHeight").asInt(), id);
      double least = id.startsWith("fig-phase-") ? MIN_COLOUR_HEAT_MAP : MIN_COLOUR_LINES;
      assertTrue(f.get("colourFraction").asDouble() > least, id + " is drawn: " + f);
    }
    assertEquals(
        expected, shown.stream().sorted().toList(), "every figure of figures/ is on the page");
    assertTrue(Files.size(screenshot) > 10_000, "screenshot " + screenshot);
    return page;
  }

  @Test
  void theQuickstartReportOpensOfflineWithEveryFigureDrawn() throws Exception {
    JsonNode page = open(ReportSweeps.quickstart(), "quickstart-report.png");
    assertEquals("quickstart", page.get("heading").asText());
    assertEquals(11, page.get("figures").size(), "8 metrics, 2 phase diagrams, survival");
  }

  @Test
  void aGridReportWithContrastsShowsItsScriptNameAsText() throws Exception {
    JsonNode page = open(ReportSweeps.grid(), "grid-report.png");
    assertEquals(ReportSweeps.HOSTILE_NAME, page.get("heading").asText());
    assertEquals("collapse-sim report: " + ReportSweeps.HOSTILE_NAME, page.get("title").asText());
    assertTrue(page.get("injected").isNull(), "the name's script did not run");
    assertTrue(
        page.get("figures").toString().contains("fig-contrast-entropy"),
        "the contrast figures are on the page");
  }
}
