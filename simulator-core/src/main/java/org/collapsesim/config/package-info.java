/**
 * The sweep configuration (README, Configuration): safe YAML loading, {@code --set} overrides,
 * validation of every key against the configured family's parameter table, grid expansion into
 * cells, and the hashes that identify cells (cell id), their random worlds (world key) and whole
 * sweeps (config hash).
 *
 * <p>Entry point: {@link org.collapsesim.config.ConfigLoader}. A config either yields a {@link
 * org.collapsesim.config.SweepConfig} that the rest of the simulator trusts, or a {@link
 * org.collapsesim.config.ConfigException} listing every problem with its key path.
 *
 * <p>The family SPI: config names no family. A family implements {@link
 * org.collapsesim.config.FamilyDefinition} (its {@link org.collapsesim.config.ParameterSpec}s,
 * {@link org.collapsesim.config.CellRule}s over a {@link org.collapsesim.config.CellDraft} and a
 * {@link org.collapsesim.config.LoadContext}, its {@link org.collapsesim.config.MetricDefinition}s
 * and whether it has an exact path), and the caller passes the {@link
 * org.collapsesim.config.FamilyCatalogue} of them to the loader.
 */
package org.collapsesim.config;
