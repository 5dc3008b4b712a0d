package org.collapsesim.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The {@code variants} axis of a sweep and its paired comparisons: each cell's variant name, and,
 * with {@code compare_to}, each cell's baseline, the cell with the baseline's mechanism, the same
 * world key and the same value on every other axis. Cells that are their own baseline have none;
 * cells that should have one but do not (another truth, say) are listed for the manifest.
 *
 * @param names per cell index, the variant's name, or null (no variants axis)
 * @param compareTo the {@code compare_to} setting as written, or null when no contrasts are asked
 * @param baselines per cell index, the baseline cell's index, or -1
 * @param isBaseline per cell index, whether the cell is a baseline (the baseline mechanism itself)
 */
public record Variants(
    List<String> names, String compareTo, List<Integer> baselines, List<Boolean> isBaseline) {

  public Variants {
    names = Collections.unmodifiableList(new ArrayList<>(names));
    baselines = List.copyOf(baselines);
    isBaseline = List.copyOf(isBaseline);
  }

  /** No variants axis and no comparison, for {@code cells} cells. */
  static Variants none(int cells) {
    List<String> names = new ArrayList<>(Collections.nCopies(cells, (String) null));
    return new Variants(
        names, null, Collections.nCopies(cells, -1), Collections.nCopies(cells, false));
  }

  /** Whether the sweep has a variants axis. */
  public boolean any() {
    return names.stream().anyMatch(Objects::nonNull);
  }

  /** The variant of cell {@code index}, or null. */
  public String name(int index) {
    return names.get(index);
  }

  /** The baseline of cell {@code index}, or -1. */
  public int baseline(int index) {
    return baselines.get(index);
  }

  /** The cells that are neither a baseline nor have one (empty without {@code compare_to}). */
  public List<Integer> withoutBaseline() {
    List<Integer> out = new ArrayList<>();
    if (compareTo == null) {
      return out;
    }
    for (int i = 0; i < baselines.size(); i++) {
      if (baselines.get(i) < 0 && !isBaseline.get(i)) {
        out.add(i);
      }
    }
    return out;
  }
}
