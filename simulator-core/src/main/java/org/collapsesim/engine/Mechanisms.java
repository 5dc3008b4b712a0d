package org.collapsesim.engine;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.ExogenousSource;
import org.collapsesim.loop.Filter;
import org.collapsesim.loop.Mixing;
import org.collapsesim.loop.Regime;
import org.collapsesim.loop.Source;

/**
 * Reads the mechanism of a validated cell into the {@link ChainSettings} the loop runs: the sources
 * of D_new in their draw order (exogenous first, then the anchors), the filters on the synthetic
 * part, mixing, regime and the sampling path. A new mechanism adds its {@link Source} or {@link
 * Filter} here, built from its parameters.
 */
public final class Mechanisms {

  private Mechanisms() {}

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
    List<Filter> filters = List.of();
    return new ChainSettings(
        cell.getInt("samples"),
        generations,
        sources,
        filters,
        Mixing.of(cell.getString("mixing")),
        regime,
        regime == Regime.WINDOW ? cell.getInt("window") : 1,
        recordEvery,
        ChainSettings.Sampling.of(sampling));
  }
}
