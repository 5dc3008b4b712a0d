package org.collapsesim.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.MetricDefinition;

/**
 * The report page: one self-contained HTML file. Figures are embedded as SVG data URLs (an image,
 * so nothing in it can run), styles are inline, there is no script, and a Content-Security-Policy
 * forbids every network load, so the page opens offline exactly as written. Every string that comes
 * from a config or a file (names, labels, parameter values, definitions, the manifest) passes
 * through commons-text's {@code escapeHtml4}.
 */
final class HtmlReport {

  /** A figure with its SVG text, for the page. */
  record Placed(Figure figure, String svg) {}

  private static final String STYLE =
      """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222}
      header{background:#f4f6f8;padding:16px 32px;border-bottom:1px solid #dde}
      main{padding:8px 32px 48px;max-width:1600px}
      h1{margin:0 0 4px;font-size:24px} h2{margin-top:36px;border-bottom:1px solid #dde}
      nav a{margin-right:14px} .muted{color:#667}
      .figures{display:flex;flex-wrap:wrap;gap:20px}
      figure{margin:0;width:740px;max-width:100%} figure img{width:100%;height:auto;border:1px solid #e4e4ea}
      figcaption{font-size:13px;color:#445}
      table{border-collapse:collapse;font-size:13px;margin:8px 0}
      th,td{border:1px solid #dde;padding:3px 8px;text-align:left;vertical-align:top}
      td.num{text-align:right;font-variant-numeric:tabular-nums} th{background:#f4f6f8}
      pre{background:#f7f7f9;border:1px solid #e4e4ea;padding:10px;overflow:auto;max-height:480px;font-size:12px}
      dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px} dt{font-weight:600}
      dd{margin:0;word-break:break-word}
      """;

  private HtmlReport() {}

  static String page(
      ReportData data,
      String metric,
      List<Placed> curves,
      List<Placed> phases,
      String phaseNote,
      List<Placed> survival,
      List<Placed> contrasts,
      List<ContrastFigures.LeagueRow> league) {
    StringBuilder h = new StringBuilder(1 << 16);
    String name = esc(data.name());
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" img-src data:; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>collapse-sim report: ")
        .append(name)
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head>\n<body>\n<header><h1 id=\"sweep-name\">")
        .append(name)
        .append("</h1>\n<div class=\"muted\">");
    JsonNode m = data.manifest();
    h.append(esc(m.path("family").toString().replace("\"", "")))
        .append(" &middot; ")
        .append(data.cells().size())
        .append(" cells &middot; ")
        .append(esc(m.path("counts").path("chains").asText()))
        .append(" chains (")
        .append(esc(m.path("counts").path("chains_failed").asText()))
        .append(" failed) &middot; G = ")
        .append(data.generations())
        .append(" generations &middot; status ")
        .append(esc(m.path("status").asText()))
        .append("</div>\n<nav><a href=\"#cells\">Cells</a><a href=\"#curves\">Collapse curves</a>")
        .append("<a href=\"#phase\">Phase diagrams</a><a href=\"#survival\">Survival</a>");
    if (!contrasts.isEmpty()) {
      h.append("<a href=\"#contrasts\">Contrasts</a>");
    }
    h.append("<a href=\"#manifest\">Manifest</a><a href=\"#metrics\">Metrics</a></nav></header>\n");
    h.append("<main>\n");
    cellsSection(h, data, metric);
    figures(h, "curves", "Collapse curves", null, curves);
    figures(h, "phase", "Phase diagrams", phaseNote, phases);
    figures(h, "survival", "Survival: chains not yet collapsed", null, survival);
    if (!contrasts.isEmpty()) {
      figures(h, "contrasts", "Paired contrasts to the baseline", null, contrasts);
      leagueTable(h, data, metric, league);
    }
    manifest(h, m);
    h.append("<section id=\"metrics\"><h2>Metric definitions</h2>\n<table><tr><th>metric</th>")
        .append("<th>definition</th></tr>\n");
    for (Map.Entry<String, String> d : data.definitions().entrySet()) {
      h.append("<tr><td>")
          .append(esc(d.getKey()))
          .append("</td><td>")
          .append(esc(d.getValue()))
          .append("</td></tr>\n");
    }
    h.append("</table></section>\n</main>\n</body></html>\n");
    return h.toString();
  }

  private static void cellsSection(StringBuilder h, ReportData data, String metric) {
    int g = data.generations();
    List<CellTable.Row> rows = CellTable.rows(data, metric);
    boolean truth = CellTable.hasTruth(rows);
    h.append("<section id=\"cells\"><h2>Cells</h2>\n<table><tr><th>cell</th><th>cell_id</th>")
        .append("<th>chains ok</th><th>failed</th><th>")
        .append(esc(metric))
        .append(" at 0</th><th>")
        .append(esc(metric))
        .append(" at ")
        .append(g)
        .append(truth ? "</th><th>the truth's own value" : "")
        .append("</th><th>collapsed by ")
        .append(g)
        .append("</th><th>KM median</th></tr>\n");
    for (CellTable.Row r : rows) {
      h.append("<tr><td>")
          .append(esc(r.label()))
          .append("</td><td><code>")
          .append(esc(r.cellId()))
          .append("</code></td>");
      num(h, Long.toString(r.ok()));
      num(h, Long.toString(r.failed()));
      num(h, CellTable.number(r.first()));
      num(h, CellTable.number(r.last()));
      if (truth) {
        num(h, CellTable.number(r.truth()));
      }
      num(h, CellTable.percent(r.fractionCollapsed()));
      num(h, r.kmMedian() == null ? "&gt; " + g : r.kmMedian().toString());
      h.append("</tr>\n");
    }
    h.append("</table></section>\n");
  }

  private static void figures(
      StringBuilder h, String id, String title, String note, List<Placed> placed) {
    h.append("<section id=\"").append(id).append("\"><h2>").append(title).append("</h2>\n");
    if (note != null) {
      h.append("<p class=\"muted\">").append(esc(note)).append("</p>\n");
    }
    h.append("<div class=\"figures\">\n");
    for (Placed p : placed) {
      Figure f = p.figure();
      String fid = esc(f.id());
      h.append("<figure id=\"fig-")
          .append(fid)
          .append("\" class=\"figure\"><img alt=\"")
          .append(esc(f.title()))
          .append("\" src=\"data:image/svg+xml;charset=utf-8,")
          .append(dataUrlText(p.svg()))
          .append("\">\n<figcaption>")
          .append(esc(f.caption()))
          .append(" Files: <a href=\"figures/")
          .append(fid)
          .append(".svg\">svg</a>, <a href=\"figures/")
          .append(fid)
          .append(".png\">png</a>, <a href=\"figures/")
          .append(fid)
          .append(".vl.json\">Vega-Lite</a>.</figcaption></figure>\n");
    }
    h.append("</div></section>\n");
  }

  private static void leagueTable(
      StringBuilder h, ReportData data, String metric, List<ContrastFigures.LeagueRow> league) {
    boolean level = data.better(metric) == MetricDefinition.Better.TRUTH;
    h.append("<h3 id=\"league\">League table at generation ")
        .append(data.generations())
        .append("</h3>\n<p class=\"muted\">Cells ranked by ")
        .append(
            switch (data.better(metric)) {
              case HIGHER ->
                  "the paired difference of "
                      + esc(metric)
                      + " to their baseline, largest first (higher is better: less collapsed),";
              case LOWER ->
                  "the paired difference of "
                      + esc(metric)
                      + " to their baseline, smallest first (lower is better: closer to the"
                      + " truth),";
              case TRUTH ->
                  "the distance of "
                      + esc(metric)
                      + " to the truth's own value, smallest first (a level: collapse drives it"
                      + " away from the truth's value, and a source with more spread than the"
                      + " truth can push it past),";
              case NEITHER ->
                  "the paired difference of "
                      + esc(metric)
                      + " to their baseline, largest first but unranked (neither way is better"
                      + " for it),";
            })
        .append(" among cells with the same other axes and the")
        .append(" same real-data cost (exogenous samples per chain, D_0 included).</p>\n")
        .append("<table id=\"league-table\"><tr><th>group</th><th>rank</th><th>cell</th>")
        .append("<th>variant</th><th>baseline</th><th>real samples per chain</th><th>")
        .append(esc(metric))
        .append(" [95% interval]</th>")
        .append(level ? "<th>distance to the truth's value</th>" : "")
        .append("<th>paired difference &plusmn; 95%</th>")
        .append("<th>unpaired &plusmn; 95%</th></tr>\n");
    for (ContrastFigures.LeagueRow r : league) {
      h.append("<tr><td>").append(esc(r.group())).append("</td>");
      num(h, r.rank() == 0 ? "-" : Integer.toString(r.rank()));
      h.append("<td>")
          .append(esc(r.cell()))
          .append("</td><td>")
          .append(esc(String.valueOf(r.variant())))
          .append("</td><td>")
          .append(esc(String.valueOf(r.baseline())))
          .append("</td>");
      num(h, CellTable.number(r.realSamples()));
      num(
          h,
          CellTable.number(r.mean())
              + " ["
              + CellTable.number(r.lower())
              + ", "
              + CellTable.number(r.upper())
              + "]");
      if (level) {
        num(h, CellTable.number(r.distance()) + " (truth " + CellTable.number(r.truth()) + ")");
      }
      num(h, CellTable.number(r.diff()) + " &plusmn; " + CellTable.number(r.pairedHalf()));
      num(h, "&plusmn; " + CellTable.number(r.unpairedHalf()));
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void manifest(StringBuilder h, JsonNode m) {
    h.append("<section id=\"manifest\"><h2>Manifest</h2>\n<dl>\n");
    String[][] items = {
      {"name", "name"},
      {"status", "status"},
      {"version", "version"},
      {"git commit", "git_commit"},
      {"config hash", "config_hash"},
      {"master seed", "seed"},
      {"seed policy", "seed_policy"},
      {"sampler revision", "sampler_revision"},
      {"engine", "engine"},
      {"JDK", "jdk"},
      {"CPU", "cpu"},
      {"kernels", "kernels"},
      {"sampling", "sampling"},
      {"output formats", "output_formats"},
      {"started", "start_time"},
      {"ended", "end_time"},
      {"counts", "counts"}
    };
    for (String[] item : items) {
      JsonNode v = m.path(item[1]);
      if (v.isMissingNode() || v.isNull()) {
        continue;
      }
      h.append("<dt>")
          .append(item[0])
          .append("</dt><dd>")
          .append(esc(v.isValueNode() ? v.asText() : v.toString()))
          .append("</dd>\n");
    }
    h.append("</dl>\n<h3>Resolved config</h3>\n<pre id=\"config\">")
        .append(esc(pretty(m.path("config"))))
        .append("</pre>\n<details><summary>The whole manifest.json</summary><pre>")
        .append(esc(pretty(m)))
        .append("</pre></details></section>\n");
  }

  private static String pretty(JsonNode node) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that Jackson read cannot be written back", e);
    }
  }

  /**
   * SVG text as the data of a data: URL in a double-quoted attribute: only the characters that a
   * URL or the attribute would take otherwise are percent-encoded (%, #, &lt;, &gt;, ", &amp;, line
   * breaks). Smaller than base64 by a quarter (URLEncoder would write spaces as '+', which a data
   * URL keeps as '+').
   */
  static String dataUrlText(String svg) {
    StringBuilder out = new StringBuilder(svg.length() + svg.length() / 8);
    for (int i = 0; i < svg.length(); i++) {
      char c = svg.charAt(i);
      switch (c) {
        case '%' -> out.append("%25");
        case '#' -> out.append("%23");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case '"' -> out.append("%22");
        case '&' -> out.append("%26");
        case '\n' -> out.append("%0A");
        case '\r' -> out.append("%0D");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void num(StringBuilder h, String html) {
    h.append("<td class=\"num\">").append(html).append("</td>");
  }

  private static String esc(String s) {
    return escapeHtml4(s);
  }
}
