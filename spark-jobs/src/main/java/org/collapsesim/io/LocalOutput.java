package org.collapsesim.io;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.result.CellSummary;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.collapsesim.result.GenerationSummary;

/**
 * Writes the files of README, Output for one cell run in-process ({@code collapse run --out}),
 * without Spark: the Parquet {@code generations/} dataset through {@link ParquetTableWriter} (one
 * file, {@code part-00000.parquet}), summary/chains/cells in Arrow and/or CSV as the config's
 * {@code output.formats} says, and {@code manifest.json} last. Columns and statistics are those of
 * the Spark sweep ({@link OutputLayout}, {@link GenerationSummary}, {@link CellSummary}), so a
 * cell's files are the same numbers whichever way it ran.
 */
public final class LocalOutput {

  /** The name of the single Parquet file inside {@code generations/}. */
  public static final String PART_FILE = "part-00000.parquet";

  private LocalOutput() {}

  /**
   * {@link #writeCell(SweepConfig, PreparedCell, List, List, FsPath, boolean, Instant)} started
   * now.
   */
  public static void writeCell(
      SweepConfig config,
      PreparedCell cell,
      List<GenerationRecord> okRowsSortedByReplicateThenGeneration,
      List<ChainRecord> chainsByReplicate,
      FsPath dir,
      boolean overwrite)
      throws IOException {
    writeCell(
        config,
        cell,
        okRowsSortedByReplicateThenGeneration,
        chainsByReplicate,
        dir,
        overwrite,
        Instant.now());
  }

  /**
   * Writes every output file of one cell into {@code dir}.
   *
   * @param config the (one-cell or multi-cell) config the cell belongs to; the tables' parameter
   *     columns are those of all its cells
   * @param cell the prepared cell that ran
   * @param okRowsSortedByReplicateThenGeneration the generation rows of the ok chains, sorted by
   *     replicate, then generation
   * @param chainsByReplicate every chain's record (ok and failed), in replicate order
   * @param dir the output directory: created if missing; must be empty unless {@code overwrite}
   * @param overwrite replace a previous collapse-sim output in {@code dir}
   * @param startTime when the run started (manifest start_time)
   * @throws OutputDirectoryException if {@code dir} is not empty and {@code overwrite} is false, or
   *     cannot be used
   */
  public static void writeCell(
      SweepConfig config,
      PreparedCell cell,
      List<GenerationRecord> okRowsSortedByReplicateThenGeneration,
      List<ChainRecord> chainsByReplicate,
      FsPath dir,
      boolean overwrite,
      Instant startTime)
      throws IOException {
    OutputDirectory.checkWritable(dir, false, overwrite);
    OutputLayout layout = OutputLayout.of(config);
    int[] metricIndexes = layout.metricIndexes(cell.metricNames());
    long ok = chainsByReplicate.stream().filter(ChainRecord::ok).count();
    SweepManifest.Counts counts =
        new SweepManifest.Counts(
            1,
            chainsByReplicate.size(),
            ok,
            chainsByReplicate.size() - ok,
            java.util.Map.of(
                cell.cell().index(),
                chainsByReplicate.stream()
                    .filter(ChainRecord::ok)
                    .mapToLong(ChainRecord::verifierShortGenerations)
                    .sum()));
    Map<String, Object> manifest =
        SweepManifest.build(
            layout, SweepManifest.COMPLETE, startTime, Instant.now(), counts, "in-process");
    Map<String, String> arrowMetadata = layout.arrowMetadata(manifest);

    if (config.output().writes("parquet")) {
      writeGenerations(
          dir.resolve("generations"),
          layout,
          cell,
          metricIndexes,
          okRowsSortedByReplicateThenGeneration);
    }
    if (config.output().writes("arrow") || config.output().writes("csv")) {
      List<Object[]> summary =
          summaryRows(layout, cell, metricIndexes, okRowsSortedByReplicateThenGeneration);
      SweepTableFiles.write(
          dir,
          "summary",
          config.output(),
          layout.summarySchema(),
          arrowMetadata,
          summary.iterator());
      Iterator<Object[]> chains =
          chainsByReplicate.stream().map(c -> layout.chainRow(cell, metricIndexes, c)).iterator();
      SweepTableFiles.write(
          dir, "chains", config.output(), layout.chainsSchema(), arrowMetadata, chains);
      List<ChainRecord> projected = new ArrayList<>(chainsByReplicate.size());
      for (ChainRecord c : chainsByReplicate) {
        projected.add(layout.projectChain(c, metricIndexes));
      }
      CellSummary stats = CellSummary.of(projected, config.generations(), layout.metrics().size());
      SweepTableFiles.write(
          dir,
          "cells",
          config.output(),
          layout.cellsSchema(),
          arrowMetadata,
          List.<Object[]>of(layout.cellRow(cell.cell().index(), stats)).iterator());
    }
    ManifestJson.write(manifest, dir.resolve(OutputDirectory.MANIFEST_FILE));
  }

  private static void writeGenerations(
      FsPath target,
      OutputLayout layout,
      PreparedCell cell,
      int[] metricIndexes,
      List<GenerationRecord> rows)
      throws IOException {
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      pending.temporary().mkdirs();
      try (ParquetTableWriter.Appender out =
          ParquetTableWriter.open(
              pending.temporary().resolve(PART_FILE), layout.generationsSchema())) {
        RowSink row = out.rows();
        for (GenerationRecord r : rows) {
          layout.writeGenerationRow(row, cell, metricIndexes, r);
          row.endRow();
        }
        out.commit();
      }
      pending.commit();
    }
  }

  /**
   * One cell's summary rows by generation, from its generation rows sorted by replicate then
   * generation; each generation's values are reduced in replicate order, as the Spark sweep reduces
   * them. Public for the in-process sweep of the scaling benchmark, which writes every cell's.
   */
  public static List<Object[]> summaryRows(
      OutputLayout layout, PreparedCell cell, int[] metricIndexes, List<GenerationRecord> rows) {
    TreeMap<Integer, List<Double[]>> byGeneration = new TreeMap<>();
    int lastReplicate = Integer.MIN_VALUE;
    for (GenerationRecord r : rows) {
      if (r.replicate() < lastReplicate) {
        throw new IllegalArgumentException(
            "generation rows are not sorted by replicate: replicate "
                + r.replicate()
                + " after "
                + lastReplicate);
      }
      lastReplicate = r.replicate();
      byGeneration
          .computeIfAbsent(r.generation(), g -> new ArrayList<>())
          .add(layout.project(r.metrics(), metricIndexes));
    }
    List<Object[]> out = new ArrayList<>(byGeneration.size());
    int metricCount = layout.metrics().size();
    byGeneration.forEach(
        (g, values) ->
            out.add(
                layout.summaryRow(
                    cell, metricIndexes, GenerationSummary.of(g, values, metricCount))));
    return out;
  }
}
