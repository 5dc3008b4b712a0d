package org.collapsesim.family;

/** A metric's output name and its definition, as written to the manifest and by describe. */
public record MetricDefinition(String name, String definition) {}
