package org.collapsesim.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;

/**
 * Where a sweep's chains run and its tables are assembled: on Spark ({@link SparkSweep}) or in this
 * JVM ({@link LocalSweep}). Everything else, the output directory's checks, the work parts and
 * their checksums, the plan of a resume, the manifest and the row functions of every table, is one
 * code path ({@link SweepDriver}, {@link ChainBatchRunner}, {@link SweepAssembly}), so both engines
 * write the same tables, value for value.
 */
public interface SweepEngine {

  /**
   * What the manifest records as the engine (e.g. {@code spark local[*]}, {@code local 2 threads}).
   */
  String description();

  /** How many batches run at once: sizes the batches ({@link SweepPlan#batchSize}). */
  int parallelism();

  /** A fixed number of chains per batch (tests, tuning), or 0 for {@link SweepPlan#batchSize}. */
  int fixedBatchSize();

  /** Chains finished so far in this attempt (progress), as the engine counts them. */
  LongSupplier chainsDone();

  /**
   * Runs every batch with {@link ChainBatchRunner}, each committing its part under {@code
   * partsDir}, and returns when all are committed.
   *
   * @throws IOException or an unchecked exception when a batch fails beyond the engine's retries
   */
  void runBatches(
      SweepSource source,
      List<ChainBatch> batches,
      FsPath partsDir,
      int blockThreads,
      FaultInjection faults)
      throws IOException;

  /**
   * Builds every output table of the config's formats from the committed parts ({@link
   * SweepAssembly}'s definitions).
   *
   * @return the variance reduction of the paired contrasts, or null without compare_to
   */
  ContrastReduction assemble(
      SweepSource source,
      SweepConfig config,
      FsPath outputDir,
      WorkParts.Committed committed,
      Map<String, String> arrowMetadata)
      throws IOException;
}
