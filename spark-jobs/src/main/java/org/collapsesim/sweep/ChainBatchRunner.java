package org.collapsesim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.FsPath;
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
      FsPath partsDir,
      ChainBatch batch,
      int blockThreads,
      IntConsumer chainDone,
      FaultInjection faults,
      int taskAttempt)
      throws IOException {
    FsPath target = partsDir.resolve(batch.partName());
    if (WorkParts.isCommitted(target)) {
      return;
    }
    if (!target.atomicRename()) {
      target.deleteRecursively(); // an unfinished part written in place by a killed attempt
    }
    ExecutorContext context = ExecutorContext.of(source);
    OutputLayout layout = context.layout();
    PreparedCell cell = context.cell(batch.cellIndex());
    int[] metricIndexes = context.metricIndexes(batch.cellIndex());
    partsDir.mkdirs();
    int threads = Math.min(blockThreads, Runtime.getRuntime().availableProcessors());
    ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
    BlockRunner blocks = pool == null ? BlockRunner.SEQUENTIAL : BlockRunner.on(pool);
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      FsPath dir = pending.temporary();
      dir.mkdirs();
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
      StringBuilder index = new StringBuilder(WorkParts.checksumLines(dir));
      for (ChainRecord chain : chains) {
        index.append(batch.cellIndex()).append('\t').append(chain.replicate());
        index.append('\t').append(chain.status());
        index.append('\t').append(chain.verifierShortGenerations()).append('\n');
      }
      index.append(WorkParts.END).append('\t').append(chains.size()).append('\n');
      // Last: on a store without rename, the index is what marks the part finished.
      AtomicOutput.writeFile(
          dir.resolve(WorkParts.INDEX_FILE),
          out -> out.write(index.toString().getBytes(StandardCharsets.UTF_8)));
      try {
        pending.commit();
      } catch (FileAlreadyExistsException e) {
        if (!WorkParts.isCommitted(target)) {
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
