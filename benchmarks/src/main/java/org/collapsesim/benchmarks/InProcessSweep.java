package org.collapsesim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.cli.CollapseCli;

/**
 * The baseline of the scaling benchmark ({@code benchmarks/scaling.sh}) and the engine of {@code
 * benchmarks/compare-presets.sh}: the product's in-process engine on one thread, {@code collapse
 * sweep CONFIG --engine local --threads 1 --out DIR [--overwrite] [--set k=v]...}, so every sweep
 * table is written exactly as {@code collapse sweep} writes it.
 *
 * <p>Usage: {@code InProcessSweep CONFIG --out DIR [--overwrite] [--set k=v]...}; exit codes as
 * {@code collapse sweep}'s (0 done, 1 a chain failed, 2 bad usage or config, 3 output failed).
 */
public final class InProcessSweep {

  private InProcessSweep() {}

  public static void main(String[] args) {
    List<String> sweep = new ArrayList<>(List.of("sweep", "--engine", "local", "--threads", "1"));
    sweep.addAll(List.of(args));
    System.exit(CollapseCli.commandLine().execute(sweep.toArray(String[]::new)));
  }
}
