package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.InProcessRunner;
import org.collapsesim.engine.InProcessRunner.CellRun;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.FsPath;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.collapsesim.stats.ReplicateSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapse run}: one cell, its replicates in-process on all cores, no Spark. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one cell of a config in-process (no Spark) and prints, per generation, the mean and sd",
      "over replicates of the family's key metrics beside the closed-form theory where one exists.",
      "With --out, writes the output files of a sweep for that cell."
    })
final class RunCommand implements Callable<Integer> {

  /** Rows printed at most; longer runs are thinned evenly (the last generation always shown). */
  private static final int MAX_ROWS = 25;

  @Spec CommandSpec spec;

  @Mixin ConfigInput input = new ConfigInput();

  @Option(
      names = "--cell",
      paramLabel = "SEL",
      description = "the cell to run: an index, or key=value,... of grid axes")
  String cell;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "write the output files for this cell to DIR")
  String out;

  @Option(
      names = "--overwrite",
      description = "replace the contents of a non-empty output directory")
  boolean overwrite;

  @Option(
      names = "--report",
      description = "with --out: write DIR/report.html and DIR/figures/ (as collapse report)")
  boolean report;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads running replicates (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    SweepConfig config = input.load(err);
    if (config == null) {
      return CollapseCli.USAGE;
    }
    Object selected = CellSelector.select(config, cell);
    if (selected instanceof String problem) {
      err.println(problem);
      return CollapseCli.USAGE;
    }
    CellSpec chosen = (CellSpec) selected;
    FsPath outDir;
    try {
      outDir = out == null ? null : FsPath.of(out, Configuration::new);
    } catch (IOException | IllegalArgumentException e) {
      err.println("--out " + out + ": cannot use it: " + e.getMessage());
      return CollapseCli.USAGE;
    }
    if (outDir != null && !overwrite && OutputWriting.isNonEmpty(outDir)) {
      err.println(out + ": the output directory is not empty; use --overwrite to replace it");
      return CollapseCli.USAGE;
    }
    if (report && out == null) {
      err.println("--report needs --out DIR: the report is made from the written tables");
      return CollapseCli.USAGE;
    }
    Instant start = Instant.now();
    PreparedCell prepared;
    try {
      prepared = PreparedCell.prepare(config, chosen);
    } catch (IllegalArgumentException e) {
      err.println(input.config + ": " + CellPreparation.unbuildable(chosen.index(), e));
      return CollapseCli.USAGE;
    }
    CellRun run = InProcessRunner.run(prepared, config.replicates(), threads);
    print(outWriter, config, prepared, run);
    if (outDir != null) {
      if (!OutputWriting.writeCell(
          config, prepared, run, outDir, overwrite, start, outWriter, err)) {
        return CollapseCli.USAGE;
      }
      if (!ResultSummary.print(outDir, report, outWriter, err)) {
        return CollapseCli.USAGE;
      }
    } else {
      outWriter.println("(--out DIR writes the tables; bin/collapse report DIR then draws them)");
      outWriter.flush();
    }
    long failed = run.chains().stream().filter(c -> !c.ok()).count();
    return failed == 0 ? 0 : CollapseCli.CHAIN_FAILED;
  }

  private static void print(PrintWriter out, SweepConfig config, PreparedCell cell, CellRun run) {
    CellSpec spec = cell.cell();
    StringBuilder params = new StringBuilder();
    spec.params()
        .forEach(
            (k, v) ->
                params
                    .append(params.length() == 0 ? "" : ", ")
                    .append(k)
                    .append('=')
                    .append(CostModel.show(v)));
    out.printf("cell %s (%s): %s%n", spec.cellId(), spec.family(), params);
    long ok = run.chains().stream().filter(ChainRecord::ok).count();
    out.printf(
        "%d replicates (%d ok), %d generations, M = %d%n%n",
        config.replicates(), ok, config.generations(), cell.settings().samples());

    List<String> metrics = Families.of(spec.family()).keyMetrics();
    List<String> names = cell.metricNames();
    StringBuilder header = new StringBuilder(String.format("%6s %8s", "gen", "alpha_t"));
    for (String m : metrics) {
      boolean theory = cell.theory()[names.indexOf(m)] != null;
      header.append(String.format("  %24s", m + " mean +- sd"));
      if (theory) {
        header.append(String.format(" %10s", "theory"));
      }
    }
    out.println(header);

    List<Integer> generations = recordedGenerations(cell);
    int step = Math.max(1, (int) Math.ceil(generations.size() / (double) MAX_ROWS));
    for (int i = 0; i < generations.size(); i++) {
      if (i % step != 0 && i != generations.size() - 1) {
        continue;
      }
      int t = generations.get(i);
      List<GenerationRecord> rows = run.rows().stream().filter(r -> r.generation() == t).toList();
      double alpha = rows.isEmpty() ? Double.NaN : rows.get(0).alphaT();
      StringBuilder line = new StringBuilder(String.format("%6d %8.4f", t, alpha));
      for (String m : metrics) {
        int index = names.indexOf(m);
        double[] values = rows.stream().mapToDouble(r -> r.metrics()[index]).toArray();
        ReplicateSummary s = ReplicateSummary.of(values);
        line.append(String.format("  %11s +- %-9s", format(s.mean()), format(s.sd())));
        double[] theory = cell.theory()[index];
        if (theory != null) {
          line.append(String.format(" %10s", format(theory[t])));
        }
      }
      out.println(line);
    }
    StringBuilder truth = new StringBuilder();
    for (String m : metrics) {
      double value = cell.truthValues()[names.indexOf(m)];
      if (!Double.isNaN(value)) {
        truth.append(truth.length() == 0 ? "" : ", ").append(m).append(' ').append(format(value));
      }
    }
    if (truth.length() > 0) {
      out.printf("%nthe truth's own values: %s%n", truth);
    }
    long collapsed =
        run.chains().stream().filter(c -> c.ok() && c.collapseGeneration() >= 0).count();
    out.printf(
        "%ncollapsed by generation %d (%s %s %s): %d of %d chains%n",
        config.generations(),
        cell.collapse().metric(),
        cell.collapse().below() ? "<=" : ">=",
        format(cell.collapse().threshold()),
        collapsed,
        ok);
    for (ChainRecord c : run.chains()) {
      if (!c.ok()) {
        out.printf("replicate %d failed: %s%n", c.replicate(), c.error());
      }
    }
    out.flush();
  }

  private static List<Integer> recordedGenerations(PreparedCell cell) {
    List<Integer> generations = new ArrayList<>();
    for (int t = 0; t <= cell.settings().generations(); t++) {
      if (cell.settings().recorded(t)) {
        generations.add(t);
      }
    }
    return generations;
  }

  private static String format(Double v) {
    if (v == null) {
      return "-";
    }
    if (v.isInfinite()) {
      return v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format("%.3e", v) : String.format("%.5f", v);
  }
}
