package org.collapsesim.config;

/**
 * A metric of a family: its output column name and its definition (with its formula and unit), as
 * the manifest and {@code collapse describe} show them. Part of the family SPI ({@link
 * FamilyDefinition#metrics()}).
 *
 * @param name the output column, lower snake case
 * @param definition what it measures, with its formula and unit
 */
public record MetricDefinition(String name, String definition) {}
