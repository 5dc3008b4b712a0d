package org.collapsesim.sweep;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.SweepConfig;

/**
 * Splits the chains still to run into {@link ChainBatch}es, in (cell, replicate) order.
 *
 * <p>Batch size: about {@code pending / (4 x parallelism)} so every core gets several tasks (load
 * balance across cells of unequal cost) while a million short chains still make only a few thousand
 * tasks; at least 1, at most {@link #MAX_BATCH}. A batch never spans two cells.
 */
public final class SweepPlan {

  /** The largest batch: bounds a task's memory and the work lost when a task is retried. */
  public static final int MAX_BATCH = 20_000;

  private SweepPlan() {}

  /** The batch size for {@code pending} chains on {@code parallelism} cores. */
  public static int batchSize(long pending, int parallelism) {
    long target = (pending + 4L * parallelism - 1) / (4L * Math.max(1, parallelism));
    return (int) Math.max(1, Math.min(MAX_BATCH, target));
  }

  /**
   * The threads each chain may use for the blocks of its large generations (README, Random streams
   * and determinism): 1 when the chains fill the cores; with fewer chains than cores, the idle
   * cores' share, so that a sweep of one large chain still uses every core. Blocks never change a
   * number, so neither does this.
   */
  public static int blockThreads(long pending, int parallelism) {
    return pending >= parallelism || pending == 0 ? 1 : (int) (parallelism / pending);
  }

  /**
   * Plans the chains of {@code config} not yet done.
   *
   * @param done for each cell index, the replicates already committed ok (absent: none)
   * @param attempt the attempt number written into the batches
   * @param parallelism the cluster's default parallelism
   */
  public static List<ChainBatch> plan(
      SweepConfig config, Map<Integer, BitSet> done, int attempt, int parallelism) {
    return plan(config, done, attempt, parallelism, 0);
  }

  /** Plans with a fixed batch size ({@code fixedBatchSize > 0}), or the default when 0. */
  public static List<ChainBatch> plan(
      SweepConfig config,
      Map<Integer, BitSet> done,
      int attempt,
      int parallelism,
      int fixedBatchSize) {
    long pending = 0;
    int cells = config.cells().size();
    for (int c = 0; c < cells; c++) {
      BitSet d = done.get(c);
      pending += config.replicates() - (d == null ? 0 : d.cardinality());
    }
    int size = fixedBatchSize > 0 ? fixedBatchSize : batchSize(pending, parallelism);
    List<ChainBatch> out = new ArrayList<>();
    int[] buffer = new int[size];
    for (int c = 0; c < cells; c++) {
      BitSet d = done.getOrDefault(c, new BitSet());
      int n = 0;
      for (int r = 0; r < config.replicates(); r++) {
        if (d.get(r)) {
          continue;
        }
        buffer[n++] = r;
        if (n == size) {
          out.add(new ChainBatch(attempt, out.size(), c, java.util.Arrays.copyOf(buffer, n)));
          n = 0;
        }
      }
      if (n > 0) {
        out.add(new ChainBatch(attempt, out.size(), c, java.util.Arrays.copyOf(buffer, n)));
      }
    }
    return out;
  }
}
