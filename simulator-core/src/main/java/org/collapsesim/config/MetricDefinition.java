package org.collapsesim.config;

/**
 * A metric of a family, or a mechanism's diagnostic: its output column name, its definition, its
 * unit and which way is better, as the manifest, the Arrow schema metadata and {@code collapse
 * describe} show them. Part of the family SPI ({@link FamilyDefinition#metrics()}).
 *
 * @param name the output column, lower snake case
 * @param definition what it measures, as a formula
 * @param unit its unit (nats, bits, fraction, indicator...), or null where the definition says it
 * @param better which way is better ({@link Better}); the report's league table ranks by it
 */
public record MetricDefinition(String name, String definition, String unit, Better better) {

  /** Which way a metric is better. */
  public enum Better {
    /** Less collapsed: a measure of spread or diversity that collapse drives down. */
    HIGHER,
    /** Closer to the truth: a distance to it, or a count of what was lost. */
    LOWER,
    /**
     * Closer to the truth's own value: a level (an entropy, a Gini-Simpson index, a variance ratio)
     * that collapse drives away from the value the truth itself has, and that a source with more
     * spread than the truth (a uniform reservoir) can push past it. The family gives that value per
     * cell ({@link org.collapsesim.loop.CellModel#truthValues}); the report ranks by the distance
     * to it.
     */
    TRUTH,
    /** Neither way (a diagnostic, or a level whose good value depends on the truth). */
    NEITHER;

    /** As the manifest writes it. */
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public MetricDefinition {
    java.util.Objects.requireNonNull(better, "better");
  }

  /** A family metric whose unit is in its definition. */
  public MetricDefinition(String name, String definition, Better better) {
    this(name, definition, null, better);
  }

  /** A diagnostic: neither way is better. */
  public MetricDefinition(String name, String definition, String unit) {
    this(name, definition, unit, Better.NEITHER);
  }
}
