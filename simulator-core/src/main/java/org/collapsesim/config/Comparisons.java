package org.collapsesim.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Resolves {@code compare_to} into each cell's baseline: the cell with the baseline's mechanism (a
 * variant name, or parameter values), the same world key and the same value on every other grid
 * axis. Cells differing only in mechanism share their world key, so a cell and its baseline see the
 * same random streams replicate by replicate: the pairing that makes paired contrasts precise.
 */
final class Comparisons {

  private Comparisons() {}

  static Variants resolve(
      FamilyParameters family,
      GridExpansion.Expansion expansion,
      Object raw,
      String path,
      List<ConfigProblem> problems) {
    List<CellSpec> cells = expansion.cells();
    int n = cells.size();
    List<String> names = expansion.variants();
    if (raw == null) {
      return new Variants(names, null, Collections.nCopies(n, -1), Collections.nCopies(n, false));
    }
    List<Boolean> isBaseline = new ArrayList<>(n);
    List<String> selectorKeys = new ArrayList<>();
    String written;
    if (raw instanceof String name) {
      List<String> declared = names.stream().filter(Objects::nonNull).distinct().toList();
      if (!declared.contains(name)) {
        problems.add(
            new ConfigProblem(
                path,
                ValueParsers.show(raw)
                    + " names no variant ("
                    + (declared.isEmpty()
                        ? "the grid has no variants axis"
                        : "variants: " + String.join(", ", declared))
                    + ")"));
        return Variants.none(n);
      }
      for (int i = 0; i < n; i++) {
        isBaseline.add(name.equals(names.get(i)));
      }
      written = name;
    } else if (raw instanceof Map<?, ?> map && !map.isEmpty()) {
      Map<String, Object> selector = new TreeMap<>();
      int before = problems.size();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        ParameterSpec spec = family.parameter(key);
        if (spec == null) {
          problems.add(
              new ConfigProblem(
                  path + "." + key,
                  "is not a parameter of family " + family.name() + " (compare_to selects cells)"));
          continue;
        }
        Object value = spec.parse(e.getValue(), path + "." + key, problems);
        if (value != null) {
          selector.put(key, value);
          selectorKeys.add(key);
        }
      }
      if (problems.size() > before) {
        return Variants.none(n);
      }
      for (CellSpec cell : cells) {
        boolean match = true;
        for (Map.Entry<String, Object> e : selector.entrySet()) {
          match &= Objects.equals(cell.params().get(e.getKey()), e.getValue());
        }
        isBaseline.add(match);
      }
      if (!isBaseline.contains(true)) {
        problems.add(
            new ConfigProblem(path, ValueParsers.show(raw) + " selects no cell of the sweep"));
        return Variants.none(n);
      }
      written = CanonicalJson.write(selector);
    } else {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw)
                  + " is not a variant name or a non-empty map {parameter: value, ...}"));
      return Variants.none(n);
    }
    Map<List<Object>, Integer> baselineAt = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      if (isBaseline.get(j)) {
        baselineAt.putIfAbsent(key(cells.get(j), expansion.coordinates().get(j), selectorKeys), j);
      }
    }
    List<Integer> baselines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Integer b =
          isBaseline.get(i)
              ? null
              : baselineAt.get(key(cells.get(i), expansion.coordinates().get(i), selectorKeys));
      baselines.add(b == null ? -1 : b);
    }
    return new Variants(names, written, baselines, isBaseline);
  }

  /** What a cell and its baseline share: the world and every axis but the selector's. */
  private static List<Object> key(
      CellSpec cell, Map<String, Object> coordinates, List<String> selectorKeys) {
    Map<String, Object> others = new TreeMap<>(coordinates);
    others.keySet().removeAll(selectorKeys);
    return List.of(cell.worldKey(), CanonicalJson.write(others));
  }
}
