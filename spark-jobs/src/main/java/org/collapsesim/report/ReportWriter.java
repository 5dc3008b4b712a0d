package org.collapsesim.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputLayout;

/**
 * Writes a sweep directory's report: {@code figures/} (each figure as SVG, PNG and Vega-Lite JSON)
 * and {@code report.html}, each appearing complete or not at all (written under a temporary name,
 * then renamed; a previous report is replaced only once the new one is complete). Also prints the
 * per-cell table that ends {@code sweep} and {@code run --out}.
 */
public final class ReportWriter {

  /**
   * What to show.
   *
   * @param metric the headline metric of the phase diagrams, the cell table and the league table;
   *     null for the family's first key metric
   * @param phaseAxes the two grid axes of the phase diagrams, x then y (config keys such as {@code
   *     model_size}, {@code alpha}, {@code truth.exponent}, {@code variants}); null for model_size
   *     x alpha, else the first two axes that vary
   */
  public record Options(String metric, List<String> phaseAxes) {

    /** The defaults. */
    public static Options defaults() {
      return new Options(null, null);
    }
  }

  /** What was written: the page, the number of figures and the page's size in bytes. */
  public record Written(Path html, int figures, long htmlBytes) {}

  private ReportWriter() {}

  /**
   * Reads {@code dir} and writes its report.
   *
   * @throws ReportException when {@code dir} is not a sweep output or an option names something it
   *     does not have (nothing is written then)
   */
  public static Written write(Path dir, Options options) throws IOException {
    ReportData data = ReportData.load(dir);
    String metric = data.headlineMetric(options.metric());
    List<String> axes = phaseAxes(data, options.phaseAxes());
    List<Figure> curves = ReportFigures.collapseCurves(data);
    List<Figure> phases =
        axes == null
            ? List.of()
            : ReportFigures.phaseDiagrams(data, metric, axes.get(0), axes.get(1));
    String phaseNote =
        axes == null
            ? "Fewer than two grid axes vary between the cells: there is no phase diagram."
            : "Heat maps over "
                + axes.get(0)
                + " x "
                + axes.get(1)
                + " (bin/collapse report --phase"
                + " X,Y chooses two other axes).";
    List<Figure> survival = ReportFigures.survivalCurves(data);
    List<Figure> contrasts = ContrastFigures.contrastCurves(data);
    List<ContrastFigures.LeagueRow> league = ContrastFigures.league(data, metric);

    Path figuresDir = dir.resolve("figures");
    try (AtomicOutput.PendingFile figures = AtomicOutput.begin(FsPath.local(figuresDir));
        AtomicOutput.PendingFile html =
            AtomicOutput.begin(FsPath.local(dir.resolve("report.html")))) {
      // the report is local (it reads local tables): its temporaries are local files
      Path figuresTemporary = figures.temporary().localFile().toPath();
      Files.createDirectories(figuresTemporary);
      List<List<HtmlReport.Placed>> placed = new ArrayList<>();
      int count = 0;
      for (List<Figure> group : List.of(curves, phases, survival, contrasts)) {
        List<HtmlReport.Placed> out = new ArrayList<>();
        for (Figure f : group) {
          ChartRenderer.write(f, figuresTemporary);
          VegaLite.write(f, figuresTemporary);
          out.add(
              new HtmlReport.Placed(
                  f, Files.readString(figuresTemporary.resolve(f.id() + ".svg"))));
          count++;
        }
        placed.add(out);
      }
      String page =
          HtmlReport.page(
              data,
              metric,
              placed.get(0),
              placed.get(1),
              phaseNote,
              placed.get(2),
              placed.get(3),
              league);
      Files.writeString(html.temporary().localFile().toPath(), page, StandardCharsets.UTF_8);
      if (Files.exists(figuresDir)) {
        FsPath.local(figuresDir).deleteRecursively();
      }
      figures.commit();
      html.commit();
      return new Written(
          html.target().localFile().toPath(), count, page.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  /** The phase diagram's axes as columns of {@link ReportData#axes()}; null when none fit. */
  static List<String> phaseAxes(ReportData data, List<String> requested) {
    List<String> axes = data.axes();
    if (requested != null) {
      if (requested.size() != 2) {
        throw new ReportException(
            "--phase: " + String.join(",", requested) + " must name two axes, X,Y, of " + axes);
      }
      List<String> columns = new ArrayList<>();
      for (String key : requested) {
        String column = column(axes, key);
        if (column == null) {
          throw new ReportException(
              "--phase: "
                  + key
                  + " is not a grid axis whose value differs between cells; choose two of "
                  + axes);
        }
        columns.add(column);
      }
      if (columns.get(0).equals(columns.get(1))) {
        throw new ReportException(
            "--phase: " + String.join(",", requested) + " names one axis twice");
      }
      return columns;
    }
    String size = column(axes, "model_size");
    String alpha = column(axes, "alpha");
    if (size != null && alpha != null) {
      return List.of(size, alpha);
    }
    return axes.size() >= 2 ? List.of(axes.get(0), axes.get(1)) : null;
  }

  /** The column of a config axis key among {@code axes}, or null. */
  private static String column(List<String> axes, String key) {
    List<String> candidates =
        switch (key) {
          case "alpha", "alpha_schedule" -> List.of("alpha", "alpha_schedule");
          case "variants", "variant" -> List.of("variant");
          default -> List.of(OutputLayout.columnName(key));
        };
    return candidates.stream().filter(axes::contains).findFirst().orElse(null);
  }

  /**
   * Prints the per-cell table of the sweep in {@code dir} and how to make its report.
   *
   * @param reportWritten whether the report was just written (its path is printed instead)
   */
  public static void printSummary(Path dir, boolean reportWritten, PrintWriter out)
      throws IOException {
    ReportData data = ReportData.load(dir);
    String metric = data.headlineMetric(null);
    out.println();
    CellTable.print(data, metric, out);
    out.println();
    out.println(
        reportWritten
            ? "report: " + dir.resolve("report.html")
            : "report: bin/collapse report " + dir);
    out.flush();
  }
}
