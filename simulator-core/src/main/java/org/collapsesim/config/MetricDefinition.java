package org.collapsesim.config;

/**
 * A metric of a family, or a mechanism's diagnostic: its output column name, its definition and its
 * unit, as the manifest, the Arrow schema metadata and {@code collapse describe} show them. Part of
 * the family SPI ({@link FamilyDefinition#metrics()}).
 *
 * @param name the output column, lower snake case
 * @param definition what it measures, as a formula
 * @param unit its unit (nats, bits, fraction, indicator...), or null where the definition says it
 */
public record MetricDefinition(String name, String definition, String unit) {

  /** A definition whose unit is in its text (the families' metrics). */
  public MetricDefinition(String name, String definition) {
    this(name, definition, null);
  }
}
