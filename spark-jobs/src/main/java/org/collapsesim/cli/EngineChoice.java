package org.collapsesim.cli;

import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.sweep.FaultInjection;
import org.collapsesim.sweep.LocalSweep;

/**
 * Which engine runs a sweep ({@code collapse sweep --engine auto|local|spark}, README, Commands).
 * Both write the same tables, value for value; they differ in fixed cost and in where the tables
 * are assembled. {@code local} runs the chains on this JVM's cores and assembles the tables here,
 * one cell at a time, with no Spark start-up (about 5 of a small sweep's seconds); {@code spark}
 * runs them as Spark tasks (embedded {@code local[*]}, or a cluster) and assembles with Spark, out
 * of core. {@code auto} (the default) takes local unless one of these holds:
 *
 * <ul>
 *   <li>a master is named: {@code --master}, or {@code spark.master} set by spark-submit;
 *   <li>a Spark session is already running in this JVM (a notebook, a test): it is used;
 *   <li>a Spark setting other than a Hadoop one is given ({@code --conf spark.x=...}; {@code
 *       spark.hadoop.*} settings reach the output file system with either engine);
 *   <li>an injected fault halts an executor (only Spark survives losing one);
 *   <li>the sweep is estimated above {@value #LOCAL_CORE_SECONDS} core-seconds ({@link CostModel}),
 *       where Spark's fixed cost is small beside the work and its web UI, retries and cluster
 *       options are worth having;
 *   <li>a cell's recorded generation rows (twice that with a {@code compare_to} baseline) exceed
 *       {@value #LOCAL_CELL_ROWS}: the local assembly holds one cell's rows in memory (about 1 KB
 *       each), Spark sorts them out of core.
 * </ul>
 */
final class EngineChoice {

  /** Estimated core-seconds above which auto takes Spark. */
  static final double LOCAL_CORE_SECONDS = 300;

  /** Recorded generation rows of one cell above which auto takes Spark. */
  static final long LOCAL_CELL_ROWS = LocalSweep.MAX_HELD_ROWS;

  /** The allowed values of {@code --engine}. */
  static final String ALLOWED = "auto, local or spark";

  /** An engine that cannot run a sweep as asked (exit 2). */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  private EngineChoice() {}

  /**
   * The engine, {@code local} or {@code spark}.
   *
   * @param engine the {@code --engine} value
   * @param master {@code --master}, or null
   * @param submittedMaster the {@code spark.master} spark-submit set, or null
   * @param sessionRunning whether a Spark session runs in this JVM
   * @param sparkSettings the {@code --conf} keys
   * @throws Refusal naming the flag, the value and what is allowed
   */
  static String choose(
      String engine,
      String master,
      String submittedMaster,
      boolean sessionRunning,
      java.util.Set<String> sparkSettings,
      FaultInjection faults,
      SweepConfig config)
      throws Refusal {
    switch (engine) {
      case "spark":
        return "spark";
      case "local":
        if (master != null) {
          throw new Refusal(
              "--engine local runs in this JVM, but --master "
                  + master
                  + " names a Spark master; use --engine spark (or auto) with --master");
        }
        String setting = sparkOnly(sparkSettings);
        if (setting != null) {
          throw new Refusal(
              "--engine local runs without Spark, but --conf "
                  + setting
                  + " is a Spark setting (only spark.hadoop.* settings apply to it); use --engine"
                  + " spark (or auto)");
        }
        if (faults.haltsAnExecutor()) {
          throw new Refusal(
              "--engine local runs the chains in this JVM, which an executor-exit fault ("
                  + FaultInjection.PROPERTY
                  + ") would halt; use --engine spark on a cluster or local-cluster");
        }
        return "local";
      case "auto":
        boolean named = master != null || (submittedMaster != null && !submittedMaster.isBlank());
        return named
                || sessionRunning
                || sparkOnly(sparkSettings) != null
                || faults.haltsAnExecutor()
                || coreSeconds(config) > LOCAL_CORE_SECONDS
                || LocalSweep.heldRows(config) > LOCAL_CELL_ROWS
            ? "spark"
            : "local";
      default:
        throw new Refusal(
            "--engine: \"" + engine + "\" is not an engine (allowed: " + ALLOWED + ")");
    }
  }

  /** The first setting that only Spark reads (not spark.hadoop.*), or null. */
  private static String sparkOnly(java.util.Set<String> settings) {
    return settings.stream().filter(k -> !k.startsWith("spark.hadoop.")).findFirst().orElse(null);
  }

  /** The sweep's estimated core-seconds ({@link CostModel}). */
  static double coreSeconds(SweepConfig config) {
    double total = 0;
    for (CellSpec cell : config.cells()) {
      total += CostModel.chainSeconds(config, cell) * config.replicates();
    }
    return total;
  }
}
