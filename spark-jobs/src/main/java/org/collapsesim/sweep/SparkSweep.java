package org.collapsesim.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;

/**
 * The Spark engine of a sweep ({@link SweepDriver} does the rest): each batch of chains is a Spark
 * task that commits a work part ({@link ChainBatchRunner}); Spark retries a lost task, and a task
 * that finds its part committed does nothing. The tables are assembled with Spark ({@link
 * SweepAssembly#assemble}), which sorts out of core and streams the small tables to the driver one
 * partition at a time, so the driver's memory does not grow with the sweep. A small sweep's tables
 * (at most {@link #DRIVER_ASSEMBLY_ROWS} recorded generation rows, and a cell's within {@link
 * LocalSweep#MAX_HELD_ROWS}) are assembled on the driver instead, by the in-process engine's
 * assembly: the same tables value for value, without the seconds of Spark jobs that assembling a
 * few thousand rows would cost (only {@code generations/}'s file layout differs: one file).
 */
public final class SparkSweep implements SweepEngine {

  /**
   * Spark configuration key fixing the chains per task (tuning and tests); by default {@link
   * SweepPlan#batchSize} chooses it from the cluster's parallelism.
   */
  public static final String BATCH_SIZE_CONF = "spark.collapse.sweep.batchSize";

  /**
   * Spark configuration key: the most recorded generation rows a sweep may have for its tables to
   * be assembled on the driver (default {@link #DRIVER_ASSEMBLY_ROWS}; 0 always assembles with
   * Spark, as the tests of Spark's assembly do).
   */
  public static final String DRIVER_ASSEMBLY_CONF = "spark.collapse.sweep.driverAssemblyRows";

  /**
   * The default of {@link #DRIVER_ASSEMBLY_CONF}. On 2 cores (benchmarks/README.md) the driver's
   * one thread and Spark's assembly break even near a million rows (Gaussian, 4 x 250 chains of
   * 1000 generations: 13.0-15.8 s against 13.0-13.5 s a sweep); at 250 000 the driver saves 2.5 s
   * of 8.5, and a cluster of more cores moves the break-even lower, so the default stays well below
   * it.
   */
  public static final long DRIVER_ASSEMBLY_ROWS = 250_000;

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final String description;
  private final LongAccumulator chainsDone;

  /**
   * The engine on {@code spark}.
   *
   * @param description what the manifest records, e.g. {@code spark local[*]}
   */
  public SparkSweep(SparkSession spark, String description) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.description = description;
    this.chainsDone = jsc.sc().longAccumulator("chains done");
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int parallelism() {
    return jsc.defaultParallelism();
  }

  @Override
  public int fixedBatchSize() {
    String fixed = spark.sparkContext().getConf().get(BATCH_SIZE_CONF, null);
    return fixed == null ? 0 : Integer.parseInt(fixed);
  }

  /** Whether the tables of {@code config} are assembled on the driver (the class comment). */
  boolean assemblesOnDriver(SweepConfig config) {
    long limit =
        Long.parseLong(spark.conf().get(DRIVER_ASSEMBLY_CONF, Long.toString(DRIVER_ASSEMBLY_ROWS)));
    return LocalSweep.sweepRows(config) <= limit
        && LocalSweep.heldRows(config) <= LocalSweep.MAX_HELD_ROWS;
  }

  @Override
  public LongSupplier chainsDone() {
    return chainsDone::value;
  }

  @Override
  public void runBatches(
      SweepSource source,
      List<ChainBatch> batches,
      FsPath partsDir,
      int blockThreads,
      FaultInjection faults) {
    String partsUri = partsDir.uri();
    Broadcast<SweepSource> shared = jsc.broadcast(source);
    LongAccumulator done = chainsDone;
    long chains = batches.stream().mapToLong(ChainBatch::size).sum();
    jsc.setJobDescription("collapse-sim: " + chains + " chains");
    try {
      jsc.parallelize(batches, batches.size())
          .foreach(
              (VoidFunction<ChainBatch>)
                  batch ->
                      ChainBatchRunner.run(
                          shared.value(),
                          FsPath.of(partsUri, SparkSessions::executorHadoopConfiguration),
                          batch,
                          blockThreads,
                          done::add,
                          faults,
                          TaskContext.get().attemptNumber()));
    } finally {
      shared.destroy();
    }
  }

  @Override
  public ContrastReduction assemble(
      SweepSource source,
      SweepConfig config,
      FsPath outputDir,
      WorkParts.Committed committed,
      Map<String, String> arrowMetadata)
      throws IOException {
    if (assemblesOnDriver(config)) {
      return LocalSweep.assembleHere(source, config, outputDir, committed, arrowMetadata);
    }
    jsc.setJobDescription("collapse-sim: output tables");
    return SweepAssembly.assemble(
        spark, source, config, outputDir, committed.parts(), arrowMetadata);
  }
}
