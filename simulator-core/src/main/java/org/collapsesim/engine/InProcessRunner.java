package org.collapsesim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;

/**
 * Runs every replicate of one cell on a thread pool, without Spark ({@code collapse run}). The
 * results are ordered by replicate whatever the thread that ran them, so the output is the same
 * with any number of threads. Chains are tasks of one fork/join pool, and so are the blocks of
 * their large generations ({@link BlockRunner}): with fewer replicates than threads, the idle
 * threads steal blocks.
 */
public final class InProcessRunner {

  /** The records of one cell: chains by replicate, rows by replicate then generation. */
  public record CellRun(List<ChainRecord> chains, List<GenerationRecord> rows) {}

  private InProcessRunner() {}

  public static CellRun run(PreparedCell cell, int replicates, int threads)
      throws InterruptedException {
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads)); // daemon worker threads
    BlockRunner blocks = BlockRunner.on(pool);
    try {
      List<Future<ChainResult>> futures = new ArrayList<>(replicates);
      for (int r = 0; r < replicates; r++) {
        int replicate = r;
        futures.add(
            pool.submit(
                () -> {
                  List<GenerationRecord> rows = new ArrayList<>();
                  ChainRecord record = cell.runChain(replicate, rows::add, blocks);
                  return new ChainResult(record, rows);
                }));
      }
      List<ChainRecord> chains = new ArrayList<>(replicates);
      List<GenerationRecord> rows = new ArrayList<>();
      for (Future<ChainResult> f : futures) {
        ChainResult result = f.get();
        chains.add(result.record());
        rows.addAll(result.rows());
      }
      return new CellRun(chains, rows);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a chain runner failed outside its chain", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private record ChainResult(ChainRecord record, List<GenerationRecord> rows) {}
}
