package org.collapsesim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.CollapseRule;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.family.Family;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainOutcome;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.loop.GenerationLoop;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;

/**
 * A cell ready to run chains: the family bound, the mechanism resolved, the collapse rule and the
 * theory computed once. Shared by the in-process runner and the Spark tasks; thread-safe.
 */
public final class PreparedCell {

  private final CellSpec cell;
  private final long masterSeed;
  private final CellModel<?, ?, ?> model;
  private final ChainSettings settings;
  private final CollapseCriterion collapse;
  private final double[][] theory;
  private final double[] truthValues;
  private final List<String> metricNames;

  private PreparedCell(SweepConfig config, CellSpec cell) {
    this.cell = cell;
    this.masterSeed = config.seed();
    Family family = Families.of(cell.family());
    this.model = family.bind(cell, config.seed());
    this.settings =
        Mechanisms.settings(cell, config.generations(), config.recordEvery(), config.sampling());
    this.collapse = criterion(config.collapse(), model);
    this.theory = model.theory(settings);
    this.truthValues = checkedTruthValues(family, model);
    List<String> names = new ArrayList<>(model.metricNames());
    names.addAll(settings.diagnostics());
    this.metricNames = List.copyOf(names);
  }

  /** Binds {@code cell} of {@code config}. */
  public static PreparedCell prepare(SweepConfig config, CellSpec cell) {
    return new PreparedCell(config, cell);
  }

  private static CollapseCriterion criterion(CollapseRule rule, CellModel<?, ?, ?> model) {
    if (rule == null) {
      return model.defaultCollapse();
    }
    int index = model.metricNames().indexOf(rule.metric());
    if (index < 0) {
      throw new IllegalArgumentException(
          "collapse.metric: " + rule.metric() + " is not a metric of this family");
    }
    return new CollapseCriterion(rule.metric(), index, rule.below(), rule.threshold());
  }

  /**
   * The family's {@link CellModel#truthValues}, checked against its metric definitions: a value
   * exactly for the metrics whose better way is {@link MetricDefinition.Better#TRUTH}.
   */
  private static double[] checkedTruthValues(Family family, CellModel<?, ?, ?> model) {
    double[] values = model.truthValues();
    List<String> names = model.metricNames();
    for (MetricDefinition d : family.metrics()) {
      int i = names.indexOf(d.name());
      boolean level = d.better() == MetricDefinition.Better.TRUTH;
      if (i < 0 || i >= values.length || level == Double.isNaN(values[i])) {
        throw new IllegalStateException(
            "family "
                + family.name()
                + ": metric "
                + d.name()
                + (level
                    ? " is a level (better: truth) but its cell gives no truth value"
                    : " is not a level but its cell gives a truth value"));
      }
    }
    return values;
  }

  public CellSpec cell() {
    return cell;
  }

  public ChainSettings settings() {
    return settings;
  }

  /**
   * The family's metrics followed by the diagnostics of the cell's mechanisms: the names of the
   * values of every {@link GenerationRecord#metrics()} of this cell.
   */
  public List<String> metricNames() {
    return metricNames;
  }

  /** {@code [metric][generation]}, a null row where no closed form applies. */
  public double[][] theory() {
    return theory;
  }

  /**
   * Each family metric's value on the truth itself ({@link CellModel#truthValues}), indexed like
   * {@link #metricNames()}'s family part; NaN where the metric is not a level.
   */
  public double[] truthValues() {
    return truthValues;
  }

  public CollapseCriterion collapse() {
    return collapse;
  }

  /** The derived seed of replicate {@code r}. */
  public long chainSeed(int replicate) {
    return StreamKeys.chainSeed(masterSeed, cell.worldKey(), replicate);
  }

  /**
   * Runs replicate {@code replicate}, the blocks of its large generations on {@code blocks} ({@link
   * BlockRunner#SEQUENTIAL} or a pool; the numbers do not depend on it). Its generation rows reach
   * {@code rows} only if the chain finishes; a chain that throws gives a failed record and no rows,
   * so nothing half-done is seen.
   */
  public ChainRecord runChain(int replicate, Consumer<GenerationRecord> rows, BlockRunner blocks) {
    long seed = chainSeed(replicate);
    long start = System.nanoTime();
    List<GenerationRecord> buffer =
        new ArrayList<>(settings.generations() / settings.recordEvery() + 2);
    try {
      ChainOutcome outcome =
          GenerationLoop.run(
              model,
              settings,
              seed,
              collapse,
              (t, alpha, nTrain, metrics) ->
                  buffer.add(
                      new GenerationRecord(replicate, seed, t, alpha, nTrain, metrics.clone())),
              blocks);
      buffer.forEach(rows);
      return new ChainRecord(
          replicate,
          seed,
          true,
          null,
          outcome.collapseGeneration(),
          outcome.finalMetrics(),
          (System.nanoTime() - start) / 1_000_000,
          outcome.realSamples(),
          outcome.verifierShortGenerations());
    } catch (RuntimeException e) {
      String message =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return ChainRecord.failed(replicate, seed, message, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
