/**
 * The sweep configuration (README, Configuration): safe YAML loading, {@code --set} overrides,
 * validation of every key against a per-family parameter catalogue, grid expansion into cells, and
 * the hashes that identify cells (cell id), their random worlds (world key) and whole sweeps
 * (config hash).
 *
 * <p>Entry point: {@link org.collapsesim.config.ConfigLoader}. A config either yields a {@link
 * org.collapsesim.config.SweepConfig} that the rest of the simulator trusts, or a {@link
 * org.collapsesim.config.ConfigException} listing every problem with its key path.
 */
package org.collapsesim.config;
