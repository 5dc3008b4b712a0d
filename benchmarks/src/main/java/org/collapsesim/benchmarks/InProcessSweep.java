package org.collapsesim.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.LocalOutput;
import org.collapsesim.io.ManifestJson;
import org.collapsesim.io.OutputDirectory;
import org.collapsesim.io.OutputDirectoryException;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.ParquetTableWriter;
import org.collapsesim.io.SweepManifest;
import org.collapsesim.io.SweepTableFiles;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.CellSummary;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;

/**
 * The baseline of the scaling benchmark ({@code benchmarks/scaling.sh}): runs every chain of a
 * sweep config in this JVM on one thread, without Spark, and writes the same tables as {@code
 * collapse sweep} (README, Output: {@code generations/} in Parquet, summary/chains/cells in Arrow
 * and/or CSV, {@code manifest.json}).
 *
 * <p>It is {@code collapse run --out} ({@link LocalOutput}) extended to every cell: the rows go
 * through the same {@link OutputLayout} and the same statistics ({@link LocalOutput#summaryRows},
 * {@link CellSummary#of}), cell by cell in cell-index order, which is the order the Spark sweep
 * sorts its small tables into. The one difference is the layout of {@code generations/}: a single
 * Parquet file here, Spark's part files there (the same rows). {@link SweepOutputComparison} checks
 * that the two outputs hold the same values.
 *
 * <p>Usage: {@code InProcessSweep CONFIG --out DIR [--overwrite] [--set k=v]...}; exit 0 when every
 * chain was ok, 1 when one failed, 2 for bad usage or a bad config.
 */
public final class InProcessSweep {

  /** What the run did. */
  public record Result(long chains, long chainsOk, long chainsFailed) {}

  private InProcessSweep() {}

  public static void main(String[] args) throws IOException {
    Path configFile = null;
    Path out = null;
    boolean overwrite = false;
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(value(args, ++i, "--out"));
        case "--overwrite" -> overwrite = true;
        case "--set" -> sets.add(value(args, ++i, "--set"));
        default -> {
          if (configFile != null || args[i].startsWith("-")) {
            usage("unexpected argument " + args[i]);
          }
          configFile = Path.of(args[i]);
        }
      }
    }
    if (configFile == null || out == null) {
      usage("CONFIG and --out DIR are required");
    }
    SweepConfig config;
    try {
      config = ConfigLoader.load(Families.catalogue(), configFile, sets);
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        System.err.println(problem);
      }
      System.exit(2);
      return;
    }
    long startNanos = System.nanoTime();
    Result result;
    try {
      result = run(config, out, overwrite);
    } catch (OutputDirectoryException e) {
      System.err.println("in-process sweep: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.err.printf(
        "in-process sweep: %d chains, %d ok, %d failed in %.3f s; output in %s%n",
        result.chains(),
        result.chainsOk(),
        result.chainsFailed(),
        (System.nanoTime() - startNanos) / 1e9,
        out);
    System.exit(result.chainsFailed() == 0 ? 0 : 1);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      usage(option + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("in-process sweep: " + problem);
    System.err.println("usage: InProcessSweep CONFIG --out DIR [--overwrite] [--set k=v]...");
    System.exit(2);
  }

  /**
   * Runs every chain of {@code config}, one after the other on this thread, and writes the sweep's
   * output files into {@code dir}.
   *
   * @throws OutputDirectoryException if {@code dir} is not empty and {@code overwrite} is false
   */
  public static Result run(SweepConfig config, Path localDir, boolean overwrite)
      throws IOException {
    Instant start = Instant.now();
    FsPath dir = FsPath.local(localDir);
    OutputDirectory.checkWritable(dir, false, overwrite);
    OutputLayout layout = OutputLayout.of(config);
    int metricCount = layout.metrics().size();
    List<Object[]> summary = new ArrayList<>();
    List<Object[]> chains = new ArrayList<>();
    List<Object[]> cells = new ArrayList<>();
    long ok = 0;
    boolean parquet = config.output().writes("parquet");
    try (AtomicOutput.PendingFile generations = AtomicOutput.begin(dir.resolve("generations"))) {
      if (parquet) {
        generations.temporary().mkdirs();
      }
      // A null resource (no parquet output) is skipped by try-with-resources.
      try (ParquetTableWriter.Appender generationRows =
          parquet
              ? ParquetTableWriter.open(
                  generations.temporary().resolve(LocalOutput.PART_FILE),
                  layout.generationsSchema())
              : null) {
        List<GenerationRecord> chainRows = new ArrayList<>();
        for (CellSpec spec : config.cells()) {
          PreparedCell cell = PreparedCell.prepare(config, spec);
          int[] metricIndexes = layout.metricIndexes(cell.metricNames());
          List<GenerationRecord> cellRows = new ArrayList<>();
          List<ChainRecord> projected = new ArrayList<>(config.replicates());
          for (int replicate = 0; replicate < config.replicates(); replicate++) {
            chainRows.clear();
            ChainRecord chain = cell.runChain(replicate, chainRows::add, BlockRunner.SEQUENTIAL);
            if (parquet) {
              for (GenerationRecord r : chainRows) {
                generationRows.append(layout.generationRow(cell, metricIndexes, r));
              }
            }
            cellRows.addAll(chainRows);
            chains.add(layout.chainRow(cell, metricIndexes, chain));
            projected.add(layout.projectChain(chain, metricIndexes));
            ok += chain.ok() ? 1 : 0;
          }
          summary.addAll(LocalOutput.summaryRows(layout, cell, metricIndexes, cellRows));
          cells.add(
              layout.cellRow(
                  spec.index(), CellSummary.of(projected, config.generations(), metricCount)));
        }
        if (parquet) {
          generationRows.commit();
        }
      }
      if (parquet) {
        generations.commit();
      }
    }
    long total = config.chainCount();
    SweepManifest.Counts counts =
        new SweepManifest.Counts(config.cells().size(), total, ok, total - ok);
    Map<String, Object> manifest =
        SweepManifest.build(
            layout, SweepManifest.COMPLETE, start, Instant.now(), counts, "in-process 1 thread");
    if (config.output().writes("arrow") || config.output().writes("csv")) {
      Map<String, String> arrowMetadata = layout.arrowMetadata(manifest);
      SweepTableFiles.write(
          dir,
          "summary",
          config.output(),
          layout.summarySchema(),
          arrowMetadata,
          summary.iterator());
      SweepTableFiles.write(
          dir, "chains", config.output(), layout.chainsSchema(), arrowMetadata, chains.iterator());
      SweepTableFiles.write(
          dir, "cells", config.output(), layout.cellsSchema(), arrowMetadata, cells.iterator());
    }
    ManifestJson.write(manifest, dir.resolve(OutputDirectory.MANIFEST_FILE));
    return new Result(total, ok, total - ok);
  }
}
