package org.collapsesim.loop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The mechanism of one cell as the loop sees it: how many samples, how many generations, the
 * sources and filters of D_new, mixing, regime and sampling path. Family parameters stay with the
 * family.
 *
 * @param samples M, the samples drawn per generation
 * @param generations G; generations 0..G are run
 * @param sources the sources of D_new besides the synthetic part, in draw order; the first is the
 *     {@link ExogenousSource} (alpha_t), anchors follow
 * @param filters the filters on the synthetic part, in order
 * @param mixing count or per-sample
 * @param regime what each generation trains on
 * @param window w for {@link Regime#WINDOW} (1 otherwise)
 * @param recordEvery record every k-th generation (and the last)
 * @param sampling the requested sampling path (explicit raw samples, exact sufficient statistics,
 *     or auto); {@link #exactPath} resolves it against the family, the regime and the mechanisms
 * @param realWeight w of the weighted real/synthetic fit (the exogenous part weighs w, the rest 1 -
 *     w, each normalised by its size; regime replace), or null for the pooled fit
 */
public record ChainSettings(
    int samples,
    int generations,
    List<Source> sources,
    List<Filter> filters,
    Mixing mixing,
    Regime regime,
    int window,
    int recordEvery,
    Sampling sampling,
    Double realWeight) {

  /** The mechanism name of real-data weighting. */
  public static final String REAL_WEIGHT = "real_weight";

  /** Settings with the pooled fit. */
  public ChainSettings(
      int samples,
      int generations,
      List<Source> sources,
      List<Filter> filters,
      Mixing mixing,
      Regime regime,
      int window,
      int recordEvery,
      Sampling sampling) {
    this(
        samples,
        generations,
        sources,
        filters,
        mixing,
        regime,
        window,
        recordEvery,
        sampling,
        null);
  }

  /**
   * How a generation's data is produced: {@code explicit} draws raw samples and reduces them;
   * {@code exact} draws the sufficient statistics directly from their exact law (the family's
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

  public ChainSettings {
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(mixing, "mixing");
    Objects.requireNonNull(regime, "regime");
    sources = List.copyOf(sources);
    filters = List.copyOf(filters);
    if (sources.isEmpty() || !(sources.get(0) instanceof ExogenousSource)) {
      throw new IllegalArgumentException(
          "sources: the first source must be the exogenous one, got " + sources);
    }
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

  /** The exogenous source, alpha_t. */
  public ExogenousSource exogenous() {
    return (ExogenousSource) sources.get(0);
  }

  /** alpha_t, the exogenous fraction of generation t (1 at t = 0). */
  public double alpha(int t) {
    return exogenous().fraction(t);
  }

  /** The mechanisms of the sources and filters, in order (e.g. {@code [exogenous]}). */
  public Set<String> mechanisms() {
    Set<String> out = new LinkedHashSet<>();
    sources.forEach(s -> out.add(s.mechanism()));
    filters.forEach(f -> out.add(f.mechanism()));
    if (realWeight != null) {
      out.add(REAL_WEIGHT);
    }
    return out;
  }

  /** The sources' fractions at generation t >= 1, in source order. */
  public double[] fractions(int t) {
    return fractions(t, new double[sources.size()]);
  }

  /** The sources' fractions at generation t written into {@code out} (one per source). */
  public double[] fractions(int t, double[] out) {
    for (int k = 0; k < sources.size(); k++) {
      out[k] = sources.get(k).fraction(t);
    }
    return out;
  }

  /**
   * The weights of generation t's parts (exogenous, reservoir, synthetic) in the fit, for the
   * closed-form theories of a chain whose sources are the exogenous one and at most a reservoir.
   */
  public PartWeights partWeights(int t) {
    double reservoir = 0;
    for (Source s : sources) {
      if (s.mechanism().equals(ReservoirSource.NAME)) {
        reservoir = s.fraction(t);
      }
    }
    return PartWeights.of(samples, mixing, new double[] {alpha(t), reservoir}, realWeight);
  }

  /**
   * Whether every mechanism of this chain is in {@code supported}: how a closed form declares what
   * it covers.
   */
  public boolean onlyMechanisms(Set<String> supported) {
    return supported.containsAll(mechanisms());
  }

  /**
   * The names of the per-generation diagnostics of the sources and filters, in their order; they
   * are recorded after the family's metrics.
   */
  public List<String> diagnostics() {
    List<String> out = new ArrayList<>();
    sources.forEach(s -> out.addAll(s.diagnostics()));
    filters.forEach(f -> out.addAll(f.diagnostics()));
    return out;
  }

  /**
   * Whether the exact path runs for a family that {@code hasExactPath}: never for explicit; for
   * exact and auto only when the family has one and the mechanism needs no raw samples
   * (accumulate-subsample draws from the pooled samples; a source without an exact path, like the
   * fixed anchor that reuses D_0's first samples; any filter, here). Exact where it cannot run is
   * an error (validation should have caught it); auto falls back to explicit.
   */
  public boolean exactPath(boolean hasExactPath) {
    return exactPath(hasExactPath, false);
  }

  /**
   * {@link #exactPath(boolean)} for a family that may also thin statistics ({@link
   * CellModel#thinsStats}): then a filter with an exact path (the verifier without refill) keeps
   * the exact path.
   */
  public boolean exactPath(boolean hasExactPath, boolean thinsStats) {
    if (sampling == Sampling.EXPLICIT) {
      return false;
    }
    List<String> rawOnly = new ArrayList<>();
    sources.stream().filter(s -> !s.hasExactPath()).forEach(s -> rawOnly.add(s.mechanism()));
    filters.stream()
        .filter(f -> !(thinsStats && f.hasExactPath()))
        .forEach(f -> rawOnly.add(f.mechanism()));
    boolean valid = hasExactPath && regime != Regime.ACCUMULATE_SUBSAMPLE && rawOnly.isEmpty();
    if (!valid && sampling == Sampling.EXACT) {
      throw new IllegalArgumentException(
          "sampling: exact is not available here (family exact path "
              + hasExactPath
              + ", regime "
              + regime
              + ", mechanisms without one "
              + rawOnly
              + "); use explicit or auto");
    }
    return valid;
  }

  /** Whether generation {@code t} is written to the output. */
  public boolean recorded(int t) {
    return t % recordEvery == 0 || t == generations;
  }

  /**
   * The number of exogenous samples under count mixing at fraction {@code alpha}, floor(alpha M +
   * 0.5): the first source's share of the cumulative rounding.
   */
  public int exogenousCount(double alpha) {
    return (int) Math.floor(alpha * samples + 0.5);
  }
}
