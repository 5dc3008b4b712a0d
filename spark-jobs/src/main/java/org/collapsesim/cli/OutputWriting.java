package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.InProcessRunner.CellRun;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.LocalOutput;
import org.collapsesim.io.OutputDirectoryException;

/** Writes the README, Output files of one in-process cell run ({@code collapse run --out}). */
final class OutputWriting {

  private OutputWriting() {}

  /**
   * Whether {@code dir} exists with content: checked before running, so a refusal wastes nothing.
   */
  static boolean isNonEmpty(FsPath dir) throws IOException {
    return dir.isDirectory() ? !dir.list().isEmpty() : dir.exists();
  }

  /**
   * Writes the files; returns false (after printing why) when the directory may not be used, which
   * is a usage error (exit 2).
   */
  static boolean writeCell(
      SweepConfig config,
      PreparedCell cell,
      CellRun run,
      FsPath dir,
      boolean overwrite,
      Instant start,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    try {
      LocalOutput.writeCell(config, cell, run.rows(), run.chains(), dir, overwrite, start);
    } catch (OutputDirectoryException e) {
      err.println(e.getMessage());
      return false;
    }
    out.println("wrote " + dir + " (" + String.join(", ", config.output().formats()) + ")");
    out.flush();
    return true;
  }
}
