package org.collapsesim.sweep;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.OutputLayout;

/**
 * The sweep as one executor JVM sees it, built once per JVM and config hash: the parsed config, its
 * output layout, and each cell's {@link PreparedCell}, prepared on first use (preparing computes
 * truths and theory; tasks of the same cell share it; PreparedCell is thread-safe).
 */
public final class ExecutorContext {

  private static final ConcurrentHashMap<String, ExecutorContext> BY_HASH =
      new ConcurrentHashMap<>();

  private final SweepConfig config;
  private final OutputLayout layout;
  private final AtomicReferenceArray<PreparedCell> prepared;

  private ExecutorContext(SweepConfig config) {
    this.config = config;
    this.layout = OutputLayout.of(config);
    this.prepared = new AtomicReferenceArray<>(config.cells().size());
  }

  /** The context of {@code source}'s config in this JVM. */
  public static ExecutorContext of(SweepSource source) {
    return BY_HASH.computeIfAbsent(source.configHash(), h -> new ExecutorContext(source.load()));
  }

  /** The context of an already parsed config (the driver's). */
  public static ExecutorContext of(SweepConfig config) {
    return BY_HASH.computeIfAbsent(config.configHash(), h -> new ExecutorContext(config));
  }

  public SweepConfig config() {
    return config;
  }

  public OutputLayout layout() {
    return layout;
  }

  /** The prepared cell {@code index}; prepared once per JVM. */
  public PreparedCell cell(int index) {
    PreparedCell cell = prepared.get(index);
    if (cell == null) {
      prepared.compareAndSet(index, null, PreparedCell.prepare(config, config.cells().get(index)));
      cell = prepared.get(index);
    }
    return cell;
  }

  /** For each recorded metric, its index in cell {@code index}'s metric order. */
  public int[] metricIndexes(int index) {
    return layout.metricIndexes(cell(index).metricNames());
  }
}
