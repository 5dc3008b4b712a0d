package org.collapsesim.loop;

import java.util.Objects;
import org.collapsesim.config.CellSpec;

/**
 * The mechanism of one cell as the loop sees it: how many samples, how many generations, the
 * exogenous schedule, mixing, regime and anchors. Family parameters stay with the family.
 *
 * @param samples M, the samples drawn per generation
 * @param generations G; generations 0..G are run
 * @param schedule alpha_t
 * @param mixing count or per-sample
 * @param regime what each generation trains on
 * @param window w for {@link Regime#WINDOW} (1 otherwise)
 * @param fixedAnchor reuse the first exogenous samples of D_0 instead of fresh draws
 * @param recordEvery record every k-th generation (and the last)
 */
public record ChainSettings(
    int samples,
    int generations,
    ExogenousSchedule schedule,
    Mixing mixing,
    Regime regime,
    int window,
    boolean fixedAnchor,
    int recordEvery) {

  public ChainSettings {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(mixing, "mixing");
    Objects.requireNonNull(regime, "regime");
    if (samples < 1 || generations < 0 || window < 1 || recordEvery < 1) {
      throw new IllegalArgumentException(
          "samples " + samples + ", generations " + generations + ", window " + window
              + ", record_every " + recordEvery + ": each must be >= 1 (generations >= 0)");
    }
  }

  /** The settings of a validated cell. */
  public static ChainSettings of(CellSpec cell, int generations, int recordEvery) {
    Regime regime = Regime.of(cell.getString("regime"));
    return new ChainSettings(
        cell.getInt("samples"),
        generations,
        (ExogenousSchedule) cell.get("alpha"),
        Mixing.of(cell.getString("mixing")),
        regime,
        regime == Regime.WINDOW ? cell.getInt("window") : 1,
        cell.has("fixed_anchor") && cell.getBoolean("fixed_anchor"),
        recordEvery);
  }

  /** Whether generation {@code t} is written to the output. */
  public boolean recorded(int t) {
    return t % recordEvery == 0 || t == generations;
  }

  /** The number of exogenous samples under count mixing at fraction {@code alpha}. */
  public int exogenousCount(double alpha) {
    return (int) Math.floor(alpha * samples + 0.5);
  }

  /** A copy with another generation count (for extending chains). */
  public ChainSettings withGenerations(int g) {
    return new ChainSettings(samples, g, schedule, mixing, regime, window, fixedAnchor, recordEvery);
  }
}
