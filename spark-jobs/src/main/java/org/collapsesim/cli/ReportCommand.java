package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapsesim.report.ReportException;
import org.collapsesim.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code collapse report DIR [--metric NAME] [--phase X,Y]}: writes DIR/report.html and
 * DIR/figures/ from a sweep's (or {@code run --out}'s) output. Exit 0 when written, 2 when DIR is
 * not such an output or an option names what it does not have.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes DIR/report.html (self-contained, opens offline) and DIR/figures/ (each figure as SVG,",
      "PNG and a Vega-Lite spec with its data): collapse curves, phase diagrams, survival curves,",
      "paired contrasts and the league table (with compare_to), the manifest and the metrics."
    })
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "a sweep's output directory")
  Path dir;

  @Option(
      names = "--metric",
      paramLabel = "NAME",
      description =
          "the metric of the phase diagrams, cell table and league table (default: the family's"
              + " first key metric)")
  String metric;

  @Option(
      names = "--phase",
      paramLabel = "X,Y",
      split = ",",
      description = "the two grid axes of the phase diagrams (default: model_size,alpha)")
  List<String> phase;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ReportWriter.Written written =
          ReportWriter.write(dir, new ReportWriter.Options(metric, phase));
      spec.commandLine()
          .getOut()
          .printf(
              "collapse report: wrote %s (%d figures, %.1f kB) and %s%n",
              written.html(),
              written.figures(),
              written.htmlBytes() / 1024.0,
              dir.resolve("figures"));
      return 0;
    } catch (ReportException e) {
      err.println("collapse report: " + e.getMessage());
      return CollapseCli.USAGE;
    }
  }
}
