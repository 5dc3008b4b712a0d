package org.collapsesim.config;

import java.util.List;
import java.util.Objects;

/**
 * A validated sweep: the top-level settings and every cell of the grid, resolved. Built only by
 * {@link ConfigLoader}; everything downstream trusts it.
 *
 * @param name the sweep name
 * @param seed the master seed (64 bits; an unsigned value above 2^63 - 1 is stored as its bits)
 * @param replicates chains per cell, >= 1
 * @param generations G, >= 0; generations 0..G are run
 * @param family the family of every cell
 * @param cells the distinct cells, in grid order (last axis varying fastest), index = position
 * @param axes the grid keys in the order written
 * @param output where and what to write
 * @param sampling explicit, exact or auto
 * @param recordEvery record every k-th generation (and the last)
 * @param metrics the selected metrics in the order written; empty means all of the family's
 * @param familyMetrics every metric of the family, in output order
 * @param collapse the configured collapse rule, or null for the family's default
 * @param variants each cell's variant and, with {@code compare_to}, its baseline
 * @param configHash lower-case hex SHA-256 of {@link #canonicalJson} (compared on {@code --resume})
 * @param canonicalJson canonical JSON of the resolved config: seed, replicates, generations and
 *     every cell included, output excluded (writing elsewhere is the same sweep)
 */
public record SweepConfig(
    String name,
    long seed,
    int replicates,
    int generations,
    String family,
    List<CellSpec> cells,
    List<String> axes,
    OutputSpec output,
    String sampling,
    int recordEvery,
    List<String> metrics,
    List<String> familyMetrics,
    CollapseRule collapse,
    Variants variants,
    String configHash,
    String canonicalJson) {

  public SweepConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(variants, "variants");
    cells = List.copyOf(cells);
    axes = List.copyOf(axes);
    metrics = List.copyOf(metrics);
    familyMetrics = List.copyOf(familyMetrics);
  }

  /**
   * The value of grid axis {@code axis} in {@code cell}: the variant's name for {@code variants},
   * else the parameter (null where it does not apply to the cell).
   */
  public Object axisValue(CellSpec cell, String axis) {
    return axis.equals(GridExpansion.VARIANTS)
        ? variants.name(cell.index())
        : cell.params().get(axis);
  }

  /** The number of chains: cells x replicates. */
  public long chainCount() {
    return (long) cells.size() * replicates;
  }

  /** The metrics to record: the selection, or every metric of the family when none was made. */
  public List<String> recordedMetrics() {
    return metrics.isEmpty() ? familyMetrics : metrics;
  }
}
