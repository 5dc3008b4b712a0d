package org.collapsesim.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapsesim.config.GridExpansion.ParameterSource;

/**
 * Reads the parameter sections of a config (grid axes, params, the truth map) into {@link
 * ParameterSource}s for {@link GridExpansion}: every key checked against the family's parameter
 * table, nested mechanism maps written as dotted keys, and an unknown key explained (a top-level
 * key, a setting, another family's parameter, or a near miss).
 */
final class ParameterReader {
  private final FamilyCatalogue catalogue;
  private final Set<String> groups;
  private final List<ConfigProblem> problems;

  ParameterReader(FamilyCatalogue catalogue, List<ConfigProblem> problems) {
    this.catalogue = catalogue;
    this.groups = catalogue.mechanismGroups();
    this.problems = problems;
  }

  /** The parameter values of grid, params and truth, checked against the family's catalogue. */
  List<ParameterSource> read(
      FamilyParameters family,
      Map<String, Object> grid,
      Map<String, Object> params,
      Map<String, Object> truth) {
    Map<String, ParameterSource> sources = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String section : List.of("grid", "params", "truth")) {
      Map<String, Object> entries =
          section.equals("grid")
              ? flatten(grid, section)
              : section.equals("params") ? flatten(params, section) : truth;
      for (Map.Entry<String, Object> entry : entries.entrySet()) {
        String key = section.equals("truth") ? "truth." + entry.getKey() : entry.getKey();
        String path = section + "." + entry.getKey();
        if (section.equals("params") && TopLevelKeys.SETTING_KEYS.contains(key)) {
          continue; // read with the sweep settings
        }
        if (section.equals("grid") && key.equals(GridExpansion.VARIANTS)) {
          sources.put(
              key,
              new VariantsReader(this, problems)
                  .read(family, entry.getValue(), flatten(grid, section).keySet()));
          continue;
        }
        ParameterSpec spec = family.parameter(key);
        if (spec == null) {
          problems.add(
              new ConfigProblem(path, unknownParameter(family, section, key, entry.getKey())));
          continue;
        }
        ParameterSource first = sources.get(key);
        if (first != null || seen.contains(key)) {
          problems.add(
              new ConfigProblem(
                  path,
                  "is also given as "
                      + (first == null ? key : first.path())
                      + " (a parameter is either a grid axis or a single value, not both)"));
          continue;
        }
        seen.add(key);
        ParameterSource source =
            section.equals("grid")
                ? readAxis(spec, path, entry.getValue())
                : readSingle(spec, path, entry.getValue());
        if (source != null) {
          sources.put(key, source);
        }
      }
    }
    return List.copyOf(sources.values());
  }

  /**
   * The section with each nested mechanism map ({@code reservoir: {fraction: 0.05}}) written as its
   * dotted keys ({@code reservoir.fraction}); a key given both ways is reported.
   */
  private final Set<String> flattenReported = new HashSet<>();

  Map<String, Object> flatten(Map<String, Object> section, String sectionName) {
    Map<String, Object> flat = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : section.entrySet()) {
      String key = entry.getKey();
      if (groups.contains(key) && entry.getValue() instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> inner : m.entrySet()) {
          String dotted = key + "." + inner.getKey();
          if ((flat.containsKey(dotted) || section.containsKey(dotted))
              && flattenReported.add(sectionName + "." + dotted)) {
            problems.add(
                new ConfigProblem(
                    sectionName + "." + dotted, "is given twice (as a nested and a dotted key)"));
          }
          flat.put(dotted, inner.getValue());
        }
      } else if (!flat.containsKey(key)) {
        flat.put(key, entry.getValue());
      }
    }
    return flat;
  }

  private ParameterSource readAxis(ParameterSpec spec, String path, Object raw) {
    if (!(raw instanceof List<?> list)) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw)
                  + " is not a list (a grid axis is a non-empty list of values; a single value goes under params)"));
      return new ParameterSource(spec.name(), path, List.of(), List.of(), true, true);
    }
    if (list.isEmpty()) {
      problems.add(
          new ConfigProblem(path, "[] is an empty list (a grid axis needs at least one value)"));
      return new ParameterSource(spec.name(), path, List.of(), List.of(), true, true);
    }
    List<Object> values = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < list.size(); i++) {
      String elementPath = path + "[" + i + "]";
      Object value = spec.parse(list.get(i), elementPath, problems);
      if (value == null) {
        failed = true;
      } else {
        values.add(value);
        paths.add(elementPath);
      }
    }
    return new ParameterSource(spec.name(), path, values, paths, true, failed);
  }

  private ParameterSource readSingle(ParameterSpec spec, String path, Object raw) {
    Object value = spec.parse(raw, path, problems);
    return value == null
        ? new ParameterSource(spec.name(), path, List.of(), List.of(), false, true)
        : new ParameterSource(spec.name(), path, List.of(value), List.of(path), false, false);
  }

  String unknownParameter(FamilyParameters family, String section, String key, String writtenKey) {
    if (TopLevelKeys.STRUCTURE_KEYS.contains(key) && !key.equals("truth")) {
      return "is a top-level key, not a parameter; write it at the top level";
    }
    if (TopLevelKeys.SETTING_KEYS.contains(key)) {
      return "is a sweep setting, not a grid axis; write it at the top level or under params";
    }
    List<String> others = catalogue.otherFamiliesWith(family, key);
    if (!others.isEmpty()) {
      return key
          + " does not apply to family "
          + family.name()
          + " (it is a parameter of "
          + String.join(", ", others)
          + ")";
    }
    if (key.equals("truth")) {
      return "truth parameters are dotted keys here (truth.exponent: ...), or go in the top-level truth map";
    }
    List<String> allowed = new ArrayList<>();
    for (ParameterSpec spec : family.parameters()) {
      if (section.equals("truth")) {
        if (spec.isTruth()) {
          allowed.add(spec.name().substring("truth.".length()));
        }
      } else {
        allowed.add(spec.name());
      }
    }
    if (section.equals("params")) {
      allowed.addAll(TopLevelKeys.SETTING_KEYS);
    }
    return "unknown key "
        + ValueParsers.show(writtenKey)
        + ValueParsers.didYouMean(writtenKey, allowed)
        + " (allowed under "
        + section
        + " for family "
        + family.name()
        + ": "
        + String.join(", ", allowed)
        + ")";
  }
}
