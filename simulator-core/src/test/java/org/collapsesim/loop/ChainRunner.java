package org.collapsesim.loop;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;

/** Test support: runs every replicate of a one-cell config and keeps the metric values. */
public final class ChainRunner {

  private final PreparedCell cell;
  private final SweepConfig config;

  /** values[replicate][recorded generation index][metric]. */
  private final double[][][] values;

  private final List<ChainRecord> chains = new ArrayList<>();
  private final List<List<GenerationRecord>> rows = new ArrayList<>();

  private ChainRunner(SweepConfig config, int cellIndex) {
    this.config = config;
    this.cell = PreparedCell.prepare(config, config.cells().get(cellIndex));
    values = new double[config.replicates()][][];
    for (int r = 0; r < config.replicates(); r++) {
      List<GenerationRecord> chainRows = new ArrayList<>();
      ChainRecord record = cell.runChain(r, chainRows::add, BlockRunner.SEQUENTIAL);
      if (!record.ok()) {
        throw new AssertionError("chain " + r + " failed: " + record.error());
      }
      chains.add(record);
      rows.add(chainRows);
      values[r] = chainRows.stream().map(GenerationRecord::metrics).toArray(double[][]::new);
    }
  }

  /** Runs cell 0 of {@code yaml}. */
  public static ChainRunner run(String yaml) {
    return run(yaml, 0);
  }

  public static ChainRunner run(String yaml, int cellIndex) {
    return new ChainRunner(parse(yaml), cellIndex);
  }

  public static SweepConfig parse(String yaml) {
    try {
      return ConfigLoader.parse(Families.catalogue(), yaml, null, List.of());
    } catch (ConfigException e) {
      throw new AssertionError("test config rejected:\n" + e.getMessage(), e);
    }
  }

  public PreparedCell cell() {
    return cell;
  }

  public SweepConfig config() {
    return config;
  }

  public List<ChainRecord> chains() {
    return chains;
  }

  public List<GenerationRecord> rows(int replicate) {
    return rows.get(replicate);
  }

  /** The metric's values over replicates at recorded generation {@code t} (record_every 1). */
  public double[] metric(String name, int t) {
    int m = cell.metricNames().indexOf(name);
    if (m < 0) {
      throw new IllegalArgumentException("no metric " + name);
    }
    double[] out = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      out[r] = values[r][t][m];
    }
    return out;
  }

  /**
   * Asserts that the replicate mean of {@code name} is within 4 standard errors of its closed form
   * at each of {@code generations} ({@link TheoryAssert}: about 6e-5 false failures each).
   */
  public void assertTheory(String name, int... generations) {
    for (int t : generations) {
      TheoryAssert.assertMeanNear(
          "E[" + name + "] at generation " + t, theory(name, t), metric(name, t), 4);
    }
  }

  /** The closed form of {@code name} at generation t. */
  public double theory(String name, int t) {
    double[] row = cell.theory()[cell.metricNames().indexOf(name)];
    if (row == null) {
      throw new AssertionError("no theory for " + name);
    }
    return row[t];
  }
}
