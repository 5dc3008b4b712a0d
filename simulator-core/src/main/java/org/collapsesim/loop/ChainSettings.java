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
 * @param mechanisms the reservoir, verifier and real-data weighting, each optional
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
    Sampling sampling,
    Mechanisms mechanisms) {

  /**
   * The anchoring mechanisms beyond exogenous data (docs/theory.md): each null when absent.
   *
   * @param reservoir lambda_t, the entropy reservoir's fraction, taken after alpha_t
   * @param verifier the filter on the synthetic part
   * @param realWeight w of the weighted real/synthetic fit
   */
  public record Mechanisms(ExogenousSchedule reservoir, Verifier verifier, Double realWeight) {
    /** No mechanism: the plain loop with exogenous data. */
    public static final Mechanisms NONE = new Mechanisms(null, null, null);

    static Mechanisms of(CellSpec cell) {
      ExogenousSchedule reservoir =
          cell.has("reservoir.fraction")
              ? (ExogenousSchedule) cell.get("reservoir.fraction")
              : null;
      Verifier verifier =
          cell.has("verifier.false_accept")
              ? new Verifier(
                  cell.getDouble("verifier.false_accept"),
                  cell.getDouble("verifier.false_reject"),
                  cell.getBoolean("verifier.refill"),
                  cell.getLong("verifier.max_draws"))
              : null;
      Double realWeight = cell.has("real_weight") ? cell.getDouble("real_weight") : null;
      return new Mechanisms(reservoir, verifier, realWeight);
    }
  }

  public ChainSettings(
      int samples,
      int generations,
      ExogenousSchedule schedule,
      Mixing mixing,
      Regime regime,
      int window,
      boolean fixedAnchor,
      int recordEvery,
      Sampling sampling) {
    this(
        samples,
        generations,
        schedule,
        mixing,
        regime,
        window,
        fixedAnchor,
        recordEvery,
        sampling,
        Mechanisms.NONE);
  }

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
    Objects.requireNonNull(mechanisms, "mechanisms");
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
        Sampling.of(sampling),
        Mechanisms.of(cell));
  }

  /**
   * Whether the exact path runs for a family that {@code hasExactPath}: never for explicit; for
   * exact and auto only when the family has one and the mechanism needs no raw samples
   * (accumulate-subsample draws from the pooled samples; a fixed anchor reuses D_0's first samples;
   * a verifier needs a family that thins statistics exactly, {@code exactVerifier}, and no refill).
   * Exact where it cannot run is an error (validation should have caught it); auto falls back to
   * explicit.
   */
  public boolean exactPath(boolean hasExactPath, boolean exactVerifier) {
    if (sampling == Sampling.EXPLICIT) {
      return false;
    }
    boolean valid =
        hasExactPath
            && regime != Regime.ACCUMULATE_SUBSAMPLE
            && !fixedAnchor
            && (mechanisms.verifier() == null
                || (exactVerifier && !mechanisms.verifier().refill()));
    if (!valid && sampling == Sampling.EXACT) {
      throw new IllegalArgumentException(
          "sampling: exact is not available here (family exact path "
              + hasExactPath
              + ", regime "
              + regime
              + ", fixed_anchor "
              + fixedAnchor
              + ", verifier "
              + mechanisms.verifier()
              + "); use explicit or auto");
    }
    return valid;
  }

  /** {@link #exactPath(boolean, boolean)} for a bound family. */
  public boolean exactPath(CellModel<?, ?, ?> model) {
    return exactPath(model.hasExactPath(), model.thinsExactly());
  }

  /** A copy with another sampling path. */
  public ChainSettings withSampling(Sampling s) {
    return new ChainSettings(
        samples,
        generations,
        schedule,
        mixing,
        regime,
        window,
        fixedAnchor,
        recordEvery,
        s,
        mechanisms);
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
    return regime == Regime.REPLACE && !fixedAnchor && mechanisms.verifier() == null;
  }

  /** The sources' fractions at generation t >= 1, in order: exogenous, reservoir. */
  public double[] fractions(int t) {
    return new double[] {
      schedule.alpha(t), mechanisms.reservoir() == null ? 0.0 : mechanisms.reservoir().alpha(t)
    };
  }

  /**
   * The weights of generation t's parts (exogenous, reservoir, synthetic) in the fit, for the
   * closed-form theories.
   */
  public PartWeights partWeights(int t) {
    return PartWeights.of(samples, mixing, fractions(t), mechanisms.realWeight());
  }

  /** A copy with another generation count (for extending chains). */
  public ChainSettings withGenerations(int g) {
    return new ChainSettings(
        samples,
        g,
        schedule,
        mixing,
        regime,
        window,
        fixedAnchor,
        recordEvery,
        sampling,
        mechanisms);
  }
}
