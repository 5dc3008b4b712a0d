package org.collapsesim.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsesim.config.GridExpansion.ParameterSource;

/**
 * Reads the {@code grid.variants} axis: named bundles of parameter values, crossed with the other
 * axes like one more axis ({@link Variants}).
 */
final class VariantsReader {
  private final ParameterReader parameters;
  private final List<ConfigProblem> problems;

  VariantsReader(ParameterReader parameters, List<ConfigProblem> problems) {
    this.parameters = parameters;
    this.problems = problems;
  }

  /**
   * The variants axis: a non-empty list of maps, each with a unique {@code name} and parameters of
   * the family that are not grid axes, resolved like params.
   */
  ParameterSource read(FamilyParameters family, Object raw, java.util.Collection<String> gridKeys) {
    String path = "grid." + GridExpansion.VARIANTS;
    List<Object> values = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    boolean failed = false;
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw)
                  + " is not a non-empty list of variants ({name: NAME, parameter: value, ...})"));
      return new ParameterSource(GridExpansion.VARIANTS, path, values, paths, true, true);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        problems.add(
            new ConfigProblem(
                at,
                ValueParsers.show(list.get(i))
                    + " is not a map ({name: NAME, parameter: value, ...})"));
        failed = true;
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> flat = parameters.flatten((Map<String, Object>) map, at);
      Object name = flat.get("name");
      if (!(name instanceof String n) || n.isBlank()) {
        problems.add(
            new ConfigProblem(at + ".name", ValueParsers.show(name) + " is not a non-empty name"));
        failed = true;
        continue;
      }
      if (names.containsKey(n)) {
        problems.add(
            new ConfigProblem(
                at + ".name",
                "\"" + n + "\" is also the name of " + names.get(n) + "; names must be unique"));
        failed = true;
        continue;
      }
      names.put(n, at);
      Map<String, Object> resolved = new TreeMap<>();
      Map<String, String> where = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : flat.entrySet()) {
        String key = e.getKey();
        if (key.equals("name")) {
          continue;
        }
        String keyPath = at + "." + key;
        ParameterSpec spec = family.parameter(key);
        if (spec == null) {
          problems.add(
              new ConfigProblem(keyPath, parameters.unknownParameter(family, "params", key, key)));
          failed = true;
        } else if (gridKeys.contains(key)) {
          problems.add(
              new ConfigProblem(
                  keyPath,
                  "is also the grid axis grid."
                      + key
                      + " (a variant's keys must not be axes; cross them with the variants"
                      + " instead)"));
          failed = true;
        } else {
          Object value = spec.parse(e.getValue(), keyPath, problems);
          if (value == null) {
            failed = true;
          } else {
            resolved.put(key, value);
            where.put(key, keyPath);
          }
        }
      }
      values.add(new GridExpansion.Variant(n, at, resolved, where));
      paths.add(at);
    }
    return new ParameterSource(GridExpansion.VARIANTS, path, values, paths, true, failed);
  }
}
