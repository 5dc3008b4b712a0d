package org.collapsesim.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.ParquetTableWriter;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;

/**
 * Runs one {@link ChainBatch} on an executor and commits its part directory ({@link WorkParts}):
 * everything is written under a temporary name and renamed into place at the end, so a killed task
 * leaves nothing that a resume could mistake for finished work. A task that finds its part already
 * committed (a retried or speculative duplicate) does nothing: the content would be the same
 * numbers.
 */
public final class ChainBatchRunner {

  private ChainBatchRunner() {}

  /**
   * Runs {@code batch} and commits it under {@code partsDir}.
   *
   * @param blockThreads threads for the blocks of each chain's large generations ({@link
   *     SweepPlan#blockThreads}), at most this JVM's processors
   * @param chainDone called once per finished chain (progress)
   * @param faults deliberate failures ({@link FaultInjection}; {@link FaultInjection#NONE} in
   *     production)
   * @param taskAttempt Spark's attempt number of this task (0 for the first)
   */
  public static void run(
      SweepSource source,
      Path partsDir,
      ChainBatch batch,
      int blockThreads,
      IntConsumer chainDone,
      FaultInjection faults,
      int taskAttempt)
      throws IOException {
    Path target = partsDir.resolve(batch.partName());
    if (Files.isDirectory(target)) {
      return;
    }
    ExecutorContext context = ExecutorContext.of(source);
    OutputLayout layout = context.layout();
    PreparedCell cell = context.cell(batch.cellIndex());
    int[] metricIndexes = context.metricIndexes(batch.cellIndex());
    Files.createDirectories(partsDir);
    int threads = Math.min(blockThreads, Runtime.getRuntime().availableProcessors());
    ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
    BlockRunner blocks = pool == null ? BlockRunner.SEQUENTIAL : BlockRunner.on(pool);
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      Path dir = pending.temporary();
      Files.createDirectory(dir);
      List<ChainRecord> chains = new ArrayList<>(batch.size());
      try (ParquetTableWriter.Appender rows =
          ParquetTableWriter.open(
              dir.resolve(WorkParts.GENERATIONS_FILE), WorkParts.generationsPartSchema(layout))) {
        List<GenerationRecord> chainRows = new ArrayList<>();
        for (int replicate : batch.replicates()) {
          chainRows.clear();
          faults.beforeChain(batch.cellIndex(), replicate, taskAttempt);
          // Rows are collected first and written after the chain: an I/O failure must fail the
          // task, not be recorded as a failure of the chain. A failed chain writes no rows, so a
          // resumed attempt's rows are never duplicated.
          ChainRecord chain =
              cell.runChain(
                  replicate,
                  faults.rows(batch.cellIndex(), replicate, batch.attempt(), chainRows::add),
                  blocks);
          if (!chain.ok()) {
            chainRows.clear();
          }
          for (GenerationRecord r : chainRows) {
            rows.append(withExtra(layout.generationRow(cell, metricIndexes, r), batch.cellIndex()));
          }
          chains.add(chain);
          chainDone.accept(1);
        }
        rows.commit();
      }
      try (ParquetTableWriter.Appender out =
          ParquetTableWriter.open(
              dir.resolve(WorkParts.CHAINS_FILE), WorkParts.chainsPartSchema(layout))) {
        for (ChainRecord chain : chains) {
          out.append(
              withExtra(
                  layout.chainRow(cell, metricIndexes, chain), batch.cellIndex(), batch.attempt()));
        }
        out.commit();
      }
      try (Writer index =
          Files.newBufferedWriter(dir.resolve(WorkParts.INDEX_FILE), StandardCharsets.UTF_8)) {
        for (ChainRecord chain : chains) {
          index.write(batch.cellIndex() + "\t" + chain.replicate() + "\t" + chain.status() + "\n");
        }
      }
      try {
        pending.commit();
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        // Another attempt of this task committed first; ours is discarded by close().
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static Object[] withExtra(Object[] row, Object... extra) {
    Object[] out = java.util.Arrays.copyOf(row, row.length + extra.length);
    System.arraycopy(extra, 0, out, row.length, extra.length);
    return out;
  }
}
