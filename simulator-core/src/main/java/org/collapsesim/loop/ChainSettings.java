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
 * @param sampling the requested sampling path (explicit raw samples, exact sufficient statistics,
 *     or auto); {@link #exactPath} resolves it against the family and the regime
 */
public record ChainSettings(
    int samples,
    int generations,
    ExogenousSchedule schedule,
    Mixing mixing,
    Regime regime,
    int window,
    boolean fixedAnchor,
    int recordEvery,
    Sampling sampling) {

  /**
   * How a generation's data is produced (SPEC §3): {@code explicit} draws raw samples and reduces
   * them; {@code exact} draws the sufficient statistics directly from their exact law (the family's
   * shortcut); {@code auto} takes exact where it exists and is valid.
   */
  public enum Sampling {
    EXPLICIT,
    EXACT,
    AUTO;

    /** The config spelling: explicit, exact or auto. */
    public static Sampling of(String name) {
      return switch (name) {
        case "explicit" -> EXPLICIT;
        case "exact" -> EXACT;
        case "auto" -> AUTO;
        default ->
            throw new IllegalArgumentException(
                "sampling: " + name + " is not explicit, exact or auto");
      };
    }
  }

  /** The settings with sampling {@code auto} (the config default). */
  public ChainSettings(
      int samples,
      int generations,
      ExogenousSchedule schedule,
      Mixing mixing,
      Regime regime,
      int window,
      boolean fixedAnchor,
      int recordEvery) {
    this(
        samples,
        generations,
        schedule,
        mixing,
        regime,
        window,
        fixedAnchor,
        recordEvery,
        Sampling.AUTO);
  }

  public ChainSettings {
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(mixing, "mixing");
    Objects.requireNonNull(regime, "regime");
    if (samples < 1 || generations < 0 || window < 1 || recordEvery < 1) {
      throw new IllegalArgumentException(
          "samples "
              + samples
              + ", generations "
              + generations
              + ", window "
              + window
              + ", record_every "
              + recordEvery
              + ": each must be >= 1 (generations >= 0)");
    }
  }

  /** The settings of a validated cell, sampling {@code auto}. */
  public static ChainSettings of(CellSpec cell, int generations, int recordEvery) {
    return of(cell, generations, recordEvery, "auto");
  }

  /** The settings of a validated cell with the sweep's {@code sampling} (explicit, exact, auto). */
  public static ChainSettings of(CellSpec cell, int generations, int recordEvery, String sampling) {
    Regime regime = Regime.of(cell.getString("regime"));
    return new ChainSettings(
        cell.getInt("samples"),
        generations,
        (ExogenousSchedule) cell.get("alpha"),
        Mixing.of(cell.getString("mixing")),
        regime,
        regime == Regime.WINDOW ? cell.getInt("window") : 1,
        cell.has("fixed_anchor") && cell.getBoolean("fixed_anchor"),
        recordEvery,
        Sampling.of(sampling));
  }

  /**
   * Whether the exact path runs for a family that {@code hasExactPath}: never for explicit; for
   * exact and auto only when the family has one and the mechanism needs no raw samples
   * (accumulate-subsample draws from the pooled samples; a fixed anchor reuses D_0's first
   * samples). Exact where it cannot run is an error (validation should have caught it); auto falls
   * back to explicit.
   */
  public boolean exactPath(boolean hasExactPath) {
    if (sampling == Sampling.EXPLICIT) {
      return false;
    }
    boolean valid = hasExactPath && regime != Regime.ACCUMULATE_SUBSAMPLE && !fixedAnchor;
    if (!valid && sampling == Sampling.EXACT) {
      throw new IllegalArgumentException(
          "sampling: exact is not available here (family exact path "
              + hasExactPath
              + ", regime "
              + regime
              + ", fixed_anchor "
              + fixedAnchor
              + "); use explicit or auto");
    }
    return valid;
  }

  /** A copy with another sampling path. */
  public ChainSettings withSampling(Sampling s) {
    return new ChainSettings(
        samples, generations, schedule, mixing, regime, window, fixedAnchor, recordEvery, s);
  }

  /** Whether generation {@code t} is written to the output. */
  public boolean recorded(int t) {
    return t % recordEvery == 0 || t == generations;
  }

  /** The number of exogenous samples under count mixing at fraction {@code alpha}. */
  public int exogenousCount(double alpha) {
    return (int) Math.floor(alpha * samples + 0.5);
  }

  /**
   * Whether the moment recursions of the theories hold for this mechanism: regime replace with
   * fresh exogenous draws.
   */
  public boolean theoryApplies() {
    return regime == Regime.REPLACE && !fixedAnchor;
  }

  /**
   * The weights of generation t's parts (exogenous, reservoir, synthetic) in the fit, for the
   * closed-form theories.
   */
  public PartWeights partWeights(int t) {
    return PartWeights.of(samples, mixing, new double[] {schedule.alpha(t), 0.0}, null);
  }

  /** A copy with another generation count (for extending chains). */
  public ChainSettings withGenerations(int g) {
    return new ChainSettings(
        samples, g, schedule, mixing, regime, window, fixedAnchor, recordEvery, sampling);
  }
}
