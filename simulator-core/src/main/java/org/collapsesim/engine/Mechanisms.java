package org.collapsesim.engine;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.family.Family;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Filter;
import org.collapsesim.loop.Mixing;
import org.collapsesim.loop.Regime;
import org.collapsesim.loop.ReservoirSource;
import org.collapsesim.loop.Source;
import org.collapsesim.loop.Verifier;

/**
 * Reads the mechanism of a validated cell into the {@link ChainSettings} the loop runs: the sources
 * of D_new in their draw order (exogenous first, then the reservoir, then the family's own, such as
 * the sequence family's program anchor), the filters on the synthetic part, mixing, regime and the
 * sampling path. A new mechanism adds its {@link Source} or {@link Filter} here, built from its
 * parameters.
 */
public final class Mechanisms {

  private Mechanisms() {}

  /**
   * The definitions of the per-generation diagnostics (nullable columns after the metrics) the
   * mechanisms of a cell of {@code family} can record: the verifier's, then the family's own
   * sources'.
   */
  public static List<MetricDefinition> diagnostics(Family family) {
    List<MetricDefinition> all = new ArrayList<>(Verifier.DIAGNOSTICS);
    all.addAll(family.diagnostics());
    return all;
  }

  /**
   * The settings of a validated cell.
   *
   * @param cell the cell
   * @param generations G
   * @param recordEvery record every k-th generation (and the last)
   * @param sampling the sweep's sampling path: explicit, exact or auto
   */
  public static ChainSettings settings(
      CellSpec cell, int generations, int recordEvery, String sampling) {
    Regime regime = Regime.of(cell.getString("regime"));
    List<Source> sources = new ArrayList<>();
    sources.add(
        new ExogenousSource(
            (ExogenousSchedule) cell.get("alpha"),
            cell.has("fixed_anchor") && cell.getBoolean("fixed_anchor")));
    if (cell.has("reservoir.fraction")) {
      sources.add(new ReservoirSource((ExogenousSchedule) cell.get("reservoir.fraction")));
    }
    sources.addAll(Families.of(cell.family()).sources(cell));
    List<Filter> filters = new ArrayList<>();
    if (cell.has("verifier.false_accept")) {
      filters.add(
          new Verifier(
              cell.getDouble("verifier.false_accept"),
              cell.getDouble("verifier.false_reject"),
              cell.getBoolean("verifier.refill"),
              cell.getLong("verifier.max_draws")));
    }
    return new ChainSettings(
        cell.getInt("samples"),
        generations,
        sources,
        filters,
        Mixing.of(cell.getString("mixing")),
        regime,
        regime == Regime.WINDOW ? cell.getInt("window") : 1,
        recordEvery,
        ChainSettings.Sampling.of(sampling),
        cell.has("real_weight") ? cell.getDouble("real_weight") : null);
  }
}
