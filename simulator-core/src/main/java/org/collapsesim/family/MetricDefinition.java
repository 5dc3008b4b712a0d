package org.collapsesim.family;

/**
 * A metric's (or a mechanism diagnostic's) output name, its definition and its unit, as written to
 * the manifest, the Arrow schema metadata and by describe.
 *
 * @param name the column name
 * @param definition what it is, as a formula
 * @param unit its unit (nats, bits, fraction, indicator...), or null where the definition says it
 */
public record MetricDefinition(String name, String definition, String unit) {

  /** A definition whose unit is in its text (the families' metrics). */
  public MetricDefinition(String name, String definition) {
    this(name, definition, null);
  }
}
