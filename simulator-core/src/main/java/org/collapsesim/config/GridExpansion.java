package org.collapsesim.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expands validated parameter values into the cells of a sweep (README, Configuration): the cross
 * product of the grid axes (in the order written, last axis varying fastest), each cell completed
 * with defaults, stripped of the parameters that do not apply to it, checked by the family's cell
 * rules, and merged with an earlier identical cell. Reports parameters that apply to no cell and
 * required parameters missing from a cell.
 */
final class GridExpansion {

  /** A grid beyond this many combinations is refused before it is expanded. */
  static final long MAX_CELLS = 1_000_000;

  /**
   * Suffix of the derived key holding a file parameter's content hash ({@code truth.file_sha256}).
   */
  static final String SHA256_SUFFIX = "_sha256";

  /** The grid key of the variants axis. */
  static final String VARIANTS = "variants";

  /**
   * The values given for one parameter.
   *
   * @param key the parameter name
   * @param path where it was written ({@code grid.alpha}, {@code params.window}, {@code
   *     truth.exponent})
   * @param values the valid resolved values (one for a single value; the valid elements of an axis)
   * @param paths where each value was written ({@code grid.alpha[2]})
   * @param axis whether it is a grid axis
   * @param failed whether some value had a problem (checks that would repeat it are skipped)
   */
  record ParameterSource(
      String key,
      String path,
      List<Object> values,
      List<String> paths,
      boolean axis,
      boolean failed) {}

  /**
   * One named parameter set of the {@code variants} axis.
   *
   * @param name the variant's name (the {@code variant} column)
   * @param path where it was written ({@code grid.variants[2]})
   * @param values its resolved parameters, overriding {@code params}
   * @param paths where each was written
   */
  record Variant(String name, String path, Map<String, Object> values, Map<String, String> paths) {}

  /**
   * The cells of a sweep, and per cell its variant (or null) and its coordinates: the value of
   * every grid axis but {@code variants}, as first expanded.
   */
  record Expansion(
      List<CellSpec> cells, List<String> variants, List<Map<String, Object>> coordinates) {
    static final Expansion EMPTY = new Expansion(List.of(), List.of(), List.of());
  }

  private GridExpansion() {}

  static Expansion expand(
      FamilyParameters family,
      List<ParameterSource> sources,
      LoadContext context,
      List<ConfigProblem> problems) {
    List<ParameterSource> usable = sources.stream().filter(s -> !s.values().isEmpty()).toList();
    long combinations = 1;
    for (ParameterSource source : usable) {
      combinations *= source.values().size();
      if (combinations > MAX_CELLS) {
        problems.add(
            new ConfigProblem(
                "grid", "the axes make more than " + MAX_CELLS + " combinations; split the sweep"));
        return Expansion.EMPTY;
      }
    }
    Set<String> failedKeys = new HashSet<>();
    for (ParameterSource source : sources) {
      if (source.failed()) {
        failedKeys.add(source.key());
      }
    }
    Set<String> appliedSomewhere = new HashSet<>();
    Map<String, CellDraft> distinct = new LinkedHashMap<>();
    int[] position = new int[usable.size()];
    Map<String, String> variantOf = new LinkedHashMap<>();
    Map<String, Map<String, Object>> coordinatesOf = new LinkedHashMap<>();
    Set<String> reported = new HashSet<>();
    for (long n = 0; n < combinations; n++) {
      CellDraft cell = new CellDraft(family.name());
      Variant variant = null;
      Map<String, Object> coordinates = new TreeMap<>();
      for (int i = 0; i < usable.size(); i++) {
        ParameterSource source = usable.get(i);
        Object value = source.values().get(position[i]);
        if (value instanceof Variant v) {
          variant = v;
          continue;
        }
        cell.putExplicit(source.key(), value, source.paths().get(position[i]));
        if (source.axis()) {
          coordinates.put(source.key(), value);
        }
      }
      if (variant != null) { // a variant's keys override params
        for (Map.Entry<String, Object> e : variant.values().entrySet()) {
          cell.putExplicit(e.getKey(), e.getValue(), variant.paths().get(e.getKey()));
        }
      }
      resolve(family, cell, failedKeys, appliedSomewhere, context, problems);
      String form = CanonicalJson.write(cellForm(cell.family, cell.params));
      CellDraft earlier = distinct.putIfAbsent(form, cell);
      if (earlier == null) {
        variantOf.put(form, variant == null ? null : variant.name());
        coordinatesOf.put(form, coordinates);
      } else if (variant != null
          && variantOf.get(form) != null
          && !variant.name().equals(variantOf.get(form))
          && reported.add(variantOf.get(form) + "\n" + variant.name())) {
        problems.add(
            new ConfigProblem(
                variant.path(),
                "variant \""
                    + variant.name()
                    + "\" resolves to the same parameters as variant \""
                    + variantOf.get(form)
                    + "\"; two variants must differ"));
      }
      // Odometer: the last axis varies fastest.
      for (int i = usable.size() - 1; i >= 0; i--) {
        if (++position[i] < usable.get(i).values().size()) {
          break;
        }
        position[i] = 0;
      }
    }
    for (ParameterSource source : usable) {
      if (source.key().equals(VARIANTS)) {
        for (Object value : source.values()) {
          Variant v = (Variant) value;
          for (Map.Entry<String, Object> e : v.values().entrySet()) {
            if (!appliedSomewhere.contains(e.getKey())) {
              problems.add(
                  new ConfigProblem(
                      v.paths().get(e.getKey()),
                      ValueParsers.show(e.getValue())
                          + " does not apply to any cell of variant \""
                          + v.name()
                          + "\" (needs "
                          + family.parameter(e.getKey()).applicability().condition()
                          + ")"));
            }
          }
        }
      } else if (!appliedSomewhere.contains(source.key())) {
        ParameterSpec spec = family.parameter(source.key());
        Object shown = source.axis() ? source.values() : source.values().get(0);
        problems.add(
            new ConfigProblem(
                source.path(),
                ValueParsers.show(shown)
                    + " does not apply to any cell (needs "
                    + spec.applicability().condition()
                    + ")"));
      }
    }
    List<CellSpec> cells = new ArrayList<>(distinct.size());
    List<String> variants = new ArrayList<>(distinct.size());
    List<Map<String, Object>> coordinates = new ArrayList<>(distinct.size());
    for (Map.Entry<String, CellDraft> entry : distinct.entrySet()) {
      variants.add(variantOf.get(entry.getKey()));
      coordinates.add(coordinatesOf.get(entry.getKey()));
      CellDraft cell = entry.getValue();
      String cellId = CanonicalJson.sha256Hex(entry.getKey()).substring(0, 16);
      long worldKey = CanonicalJson.sha256Long(CanonicalJson.write(worldForm(family, cell)));
      cells.add(
          new CellSpec(
              cells.size(),
              cellId,
              cell.family,
              new TreeMap<>(cell.params),
              worldKey,
              cell.truthData));
    }
    return new Expansion(cells, variants, coordinates);
  }

  private static void resolve(
      FamilyParameters family,
      CellDraft cell,
      Set<String> failedKeys,
      Set<String> appliedSomewhere,
      LoadContext context,
      List<ConfigProblem> problems) {
    Set<String> explicit = new HashSet<>(cell.params.keySet());
    for (ParameterSpec spec : family.parameters()) {
      String group = SharedMechanism.group(spec.name());
      boolean groupOn = group == null || SharedMechanism.on(group, cell.params);
      if (!cell.has(spec.name()) && spec.defaultValue() != null && groupOn) {
        cell.params.put(spec.name(), spec.defaultValue());
      }
    }
    // Applicability is judged on the cell as resolved, before anything is dropped.
    Map<String, Object> resolved = Map.copyOf(cell.params);
    Set<String> applicable = new HashSet<>();
    for (ParameterSpec spec : family.parameters()) {
      if (spec.applicability().appliesTo(family.name(), resolved)) {
        applicable.add(spec.name());
      }
    }
    cell.params.keySet().removeIf(key -> !applicable.contains(key));
    for (String key : explicit) {
      if (applicable.contains(key)) {
        appliedSomewhere.add(key);
      }
    }
    for (CellRule rule : family.rules()) {
      rule.apply(cell, context, problems);
    }
    for (ParameterSpec spec : family.parameters()) {
      if (spec.required()
          && applicable.contains(spec.name())
          && !cell.has(spec.name())
          && !failedKeys.contains(spec.name())) {
        String condition = spec.applicability().condition();
        problems.add(
            new ConfigProblem(
                spec.name(),
                "is required"
                    + (condition.isEmpty() ? "" : " when " + condition)
                    + " ("
                    + spec.allowedValues()
                    + "); give it under params or grid"));
      }
    }
  }

  /** The map hashed into the cell id: the family and every resolved parameter. */
  static Map<String, Object> cellForm(String family, Map<String, Object> params) {
    Map<String, Object> form = new TreeMap<>(params);
    form.put("family", family);
    return form;
  }

  /**
   * The map hashed into the world key: the family and the world parameters (model_size, samples,
   * the truth, with the content hash of a truth file).
   */
  private static Map<String, Object> worldForm(FamilyParameters family, CellDraft cell) {
    Map<String, Object> form = new TreeMap<>();
    form.put("family", cell.family);
    for (Map.Entry<String, Object> entry : cell.params.entrySet()) {
      String key = entry.getKey();
      String base =
          key.endsWith(SHA256_SUFFIX)
              ? key.substring(0, key.length() - SHA256_SUFFIX.length())
              : key;
      ParameterSpec spec = family.parameter(base);
      if (spec != null && spec.world()) {
        form.put(key, entry.getValue());
      }
    }
    return form;
  }
}
