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
 * partition at a time, so the driver's memory does not grow with the sweep.
 */
public final class SparkSweep implements SweepEngine {

  /**
   * Spark configuration key fixing the chains per task (tuning and tests); by default {@link
   * SweepPlan#batchSize} chooses it from the cluster's parallelism.
   */
  public static final String BATCH_SIZE_CONF = "spark.collapse.sweep.batchSize";

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
    jsc.setJobDescription("collapse-sim: output tables");
    return SweepAssembly.assemble(
        spark, source, config, outputDir, committed.parts(), arrowMetadata);
  }
}
