package org.collapsesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.loop.InProcessRunner.CellRun;
import org.collapsesim.loop.PreparedCell;

/** Writes the SPEC §9 files of one in-process cell run. */
final class OutputWriting {

  private OutputWriting() {}

  static void writeCell(SweepConfig config, PreparedCell cell, CellRun run, Path dir, boolean overwrite, PrintWriter err) {
    throw new UnsupportedOperationException("TEMPORARY: wired to the output layout next");
  }
}
