package org.collapsesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.PreparedCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code collapse validate}: checks a config and prints what it would run and a cost estimate. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a config without running it (every cell's truth is built once): prints every problem",
      "(exit 2), or the cells, the chain count, the samples to be drawn and a rough estimate of",
      "core-seconds."
    })
final class ValidateCommand implements Callable<Integer> {

  /** Cells listed at most. */
  private static final int MAX_LISTED = 20;

  @Spec CommandSpec spec;

  @Mixin ConfigInput input = new ConfigInput();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SweepConfig config = input.load(spec.commandLine().getErr());
    if (config == null) {
      return CollapseCli.USAGE;
    }
    List<CellSpec> cells = config.cells();
    // one cell at a time per core, each dropped once built: a check, not a cache
    String unbuildable =
        CellPreparation.firstUnbuildable(
            cells.size(), i -> PreparedCell.prepare(config, cells.get(i)));
    if (unbuildable != null) {
      spec.commandLine().getErr().println(input.config + ": " + unbuildable);
      return CollapseCli.USAGE;
    }
    double samples = 0;
    double seconds = 0;
    for (CellSpec cell : cells) {
      double perChain = (config.generations() + 1.0) * cell.getInt("samples");
      samples += perChain * config.replicates();
      seconds += CostModel.chainSeconds(config, cell) * config.replicates();
    }
    out.printf("%s: valid (config hash %s)%n", config.name(), config.configHash().substring(0, 16));
    out.printf("family        %s%n", config.family());
    out.printf(
        "cells         %d%s%n",
        cells.size(),
        config.axes().isEmpty() ? "" : " (grid axes: " + String.join(", ", config.axes()) + ")");
    out.printf(
        "chains        %d (%d replicates each, generations 0..%d)%n",
        config.chainCount(), config.replicates(), config.generations());
    out.printf("samples       %.3g to be drawn%n", samples);
    out.printf("cost estimate %.3g core-seconds (rough: %s)%n", seconds, CostModel.BASIS);
    out.println();
    out.printf("%5s  %-16s  %s%n", "cell", "cell_id", "grid values");
    for (int i = 0; i < Math.min(cells.size(), MAX_LISTED); i++) {
      CellSpec c = cells.get(i);
      StringBuilder values = new StringBuilder();
      for (String axis : config.axes()) {
        values
            .append(axis)
            .append('=')
            .append(CostModel.show(config.axisValue(c, axis)))
            .append(' ');
      }
      out.printf("%5d  %-16s  %s%n", c.index(), c.cellId(), values.toString().trim());
    }
    if (cells.size() > MAX_LISTED) {
      out.printf("  ... and %d more%n", cells.size() - MAX_LISTED);
    }
    out.flush();
    return 0;
  }
}
