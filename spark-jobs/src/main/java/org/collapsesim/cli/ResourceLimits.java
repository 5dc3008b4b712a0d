package org.collapsesim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.SweepConfig;

/**
 * What a config may ask of the machine, checked before anything runs (exit 2, nothing written):
 *
 * <ul>
 *   <li>one chain's estimated memory ({@link CostModel#chainBytes}, a lower bound) must fit in half
 *       of this JVM's heap, the share a chain can have while the JVM runs others beside it and
 *       buffers their rows (the heap of `collapse run` and of a local sweep; on a cluster the
 *       executors' heap is set by spark.executor.memory and Spark reports what does not fit);
 *   <li>the generations table may have at most {@value #MAX_GENERATION_ROWS_TEXT} rows (cells x
 *       replicates x recorded generations; about 100 bytes a row of Parquet, so 1e10 rows is a
 *       terabyte): a 1e6-chain sweep of 100 generations is 1e8 rows and passes.
 * </ul>
 */
final class ResourceLimits {

  static final double MAX_GENERATION_ROWS = 1e10;
  static final String MAX_GENERATION_ROWS_TEXT = "1e10";

  private ResourceLimits() {}

  /**
   * {@code config} itself when it fits this JVM ({@link #check}).
   *
   * @throws ConfigException with the problems when it does not
   */
  static SweepConfig enforce(SweepConfig config) throws ConfigException {
    List<ConfigProblem> problems = check(config, Runtime.getRuntime().maxMemory());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /** The problems of {@code config} on a JVM whose heap is {@code heapBytes}; empty if none. */
  static List<ConfigProblem> check(SweepConfig config, long heapBytes) {
    List<ConfigProblem> problems = new ArrayList<>();
    double budget = heapBytes / 2.0;
    for (CellSpec cell : config.cells()) {
      double bytes = CostModel.chainBytes(config, cell);
      if (bytes > budget) {
        problems.add(
            new ConfigProblem(
                origin(config, "model_size"),
                String.format(
                    Locale.ROOT,
                    "one chain of the cell with model_size = %d, samples = %d needs at least %s,"
                        + " more than half of this JVM's heap (%s); lower model_size or samples,"
                        + " or give the JVM more heap (COLLAPSE_JAVA_OPTS=-Xmx...)",
                    cell.getInt("model_size"),
                    cell.getInt("samples"),
                    bytes(bytes),
                    bytes(heapBytes))));
        break;
      }
    }
    double recorded = Math.ceil(config.generations() / (double) config.recordEvery()) + 1;
    double rows = recorded * config.chainCount();
    if (rows > MAX_GENERATION_ROWS) {
      problems.add(
          new ConfigProblem(
              "replicates",
              String.format(
                  Locale.ROOT,
                  "%d cells x %d replicates x %.0f recorded generations = %.3g rows of the"
                      + " generations table, over the limit of %s; raise record_every, lower"
                      + " replicates, or split the sweep",
                  config.cells().size(),
                  config.replicates(),
                  recorded,
                  rows,
                  MAX_GENERATION_ROWS_TEXT)));
    }
    return problems;
  }

  private static String origin(SweepConfig config, String key) {
    return (config.axes().contains(key) ? "grid." : "params.") + key;
  }

  private static String bytes(double b) {
    return b >= 1 << 30
        ? String.format(Locale.ROOT, "%.1f GiB", b / (1 << 30))
        : String.format(Locale.ROOT, "%.0f MiB", b / (1 << 20));
  }
}
