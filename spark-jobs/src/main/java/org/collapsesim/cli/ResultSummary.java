package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.collapsesim.io.FsPath;
import org.collapsesim.report.ReportException;
import org.collapsesim.report.ReportWriter;

/**
 * The end of {@code sweep} and {@code run --out}: the per-cell table read back from the written
 * tables, then the report (with {@code --report}) or the command that makes it.
 */
final class ResultSummary {

  private ResultSummary() {}

  /**
   * Prints the table and writes or names the report. Returns false (after saying why on {@code
   * err}) only when {@code --report} was asked and the output cannot give one; without it, an
   * output without Arrow tables just skips the table.
   */
  static boolean print(FsPath location, boolean writeReport, PrintWriter out, PrintWriter err)
      throws IOException {
    if (location.localFile() == null) {
      // the report reads local files: on a remote store, copy the directory and report there
      err.println(
          "collapse: the tables are on "
              + location.uri()
              + "; copy them to a local directory and run bin/collapse report DIR there");
      err.flush();
      return true;
    }
    Path dir = location.localFile().toPath();
    try {
      if (writeReport) {
        ReportWriter.write(dir, ReportWriter.Options.defaults());
      }
      ReportWriter.printSummary(dir, writeReport, out);
      return true;
    } catch (ReportException e) {
      err.println("collapse: no per-cell table or report: " + e.getMessage());
      err.flush();
      return !writeReport;
    }
  }
}
