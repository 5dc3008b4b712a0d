package org.collapsesim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsesim.config.GridExpansion.ParameterSource;

/**
 * One pass over a config tree, collecting problems: the top-level keys, the output section, the
 * sweep settings (sampling, record_every, metrics, collapse, compare_to), then the family's
 * parameters ({@link ParameterReader}), the cells ({@link GridExpansion}) and the variants'
 * baseline ({@link Comparisons}); it assembles the {@link SweepConfig} with its canonical JSON and
 * hash.
 */
final class SweepReader {
  private final Map<String, Object> root;
  private final Path baseDir;
  private final List<ConfigProblem> problems;
  private final FamilyCatalogue catalogue;
  private final TopLevelKeys topLevel;

  SweepReader(
      Map<String, Object> root,
      Path baseDir,
      List<ConfigProblem> problems,
      FamilyCatalogue catalogue) {
    this.root = root;
    this.baseDir = baseDir;
    this.problems = problems;
    this.catalogue = catalogue;
    this.topLevel = new TopLevelKeys(catalogue);
  }

  SweepConfig read() {
    for (String key : root.keySet()) {
      if (!topLevel.names().contains(key)) {
        problems.add(
            new ConfigProblem(
                key,
                catalogue.isParameterOfAnyFamily(key)
                    ? "is a parameter, not a top-level key; write it under params (one value) or grid (a list of values)"
                    : "unknown key "
                        + ValueParsers.show(key)
                        + ValueParsers.didYouMean(key, topLevel.names())
                        + " (allowed: "
                        + String.join(", ", topLevel.names())
                        + ")"));
      }
    }
    String name = (String) required("name");
    Long seed = (Long) required("seed");
    Long replicates = (Long) optional("replicates");
    Long generations = (Long) required("generations");
    String familyName = (String) required("family");
    FamilyParameters family = null;
    if (familyName != null) {
      family = catalogue.family(familyName);
    }
    Map<String, Object> grid = section("grid");
    Map<String, Object> params = section("params");
    Map<String, Object> truth = section("truth");
    OutputSpec output = readOutput();

    Map<String, String> settingPaths = new LinkedHashMap<>();
    Map<String, Object> settings = readSettings(params, settingPaths);
    String sampling = (String) settings.get("sampling");
    Long recordEvery = (Long) settings.get("record_every");
    List<String> metrics =
        family == null
            ? List.of()
            : readMetrics(settings.get("metrics"), settingPaths.get("metrics"), family);
    CollapseRule collapse =
        family == null
            ? null
            : readCollapse(settings.get("collapse"), settingPaths.get("collapse"), family);

    List<CellSpec> cells = List.of();
    Variants variants = Variants.none(0);
    ParameterReader parameters = new ParameterReader(catalogue, problems);
    List<String> axes =
        parameters.flatten(grid, "grid").keySet().stream()
            .filter(
                key ->
                    !TopLevelKeys.SETTING_KEYS.contains(key)
                        && !TopLevelKeys.STRUCTURE_KEYS.contains(key))
            .toList();
    if (family != null) {
      List<ParameterSource> sources = parameters.read(family, grid, params, truth);
      LoadContext context =
          new LoadContext(
              catalogue,
              baseDir,
              generations == null ? null : generations.intValue(),
              sampling,
              settingPaths.getOrDefault("sampling", "sampling"));
      GridExpansion.Expansion expansion = GridExpansion.expand(family, sources, context, problems);
      cells = expansion.cells();
      variants =
          Comparisons.resolve(
              family,
              expansion,
              settings.get("compare_to"),
              settingPaths.getOrDefault("compare_to", "compare_to"),
              problems);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("name", name);
    canonical.put("seed", seed);
    canonical.put("replicates", replicates);
    canonical.put("generations", generations);
    canonical.put("family", familyName);
    canonical.put("sampling", sampling);
    canonical.put("record_every", recordEvery);
    canonical.put("metrics", metrics);
    canonical.put(
        "collapse",
        collapse == null
            ? null
            : Map.of(
                "metric",
                collapse.metric(),
                collapse.below() ? "below" : "above",
                collapse.threshold()));
    canonical.put("axes", axes);
    if (variants.compareTo() != null) {
      canonical.put("compare_to", variants.compareTo());
    }
    if (variants.any()) {
      canonical.put("variants", variants.names());
    }
    List<Object> cellForms = new ArrayList<>(cells.size());
    for (CellSpec cell : cells) {
      cellForms.add(GridExpansion.cellForm(cell.family(), cell.params()));
    }
    canonical.put("cells", cellForms);
    String json = CanonicalJson.write(canonical);
    return new SweepConfig(
        name,
        seed,
        replicates.intValue(),
        generations.intValue(),
        familyName,
        cells,
        axes,
        output,
        sampling,
        recordEvery.intValue(),
        metrics,
        family.metrics(),
        collapse,
        variants,
        CanonicalJson.sha256Hex(json),
        json);
  }

  private Object required(String key) {
    if (!root.containsKey(key)) {
      ParameterSpec spec = topLevel.spec(key);
      problems.add(new ConfigProblem(key, "is required (" + spec.allowedValues() + ")"));
      return null;
    }
    return topLevel.spec(key).parse(root.get(key), key, problems);
  }

  private Object optional(String key) {
    return root.containsKey(key)
        ? topLevel.spec(key).parse(root.get(key), key, problems)
        : topLevel.spec(key).defaultValue();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String key) {
    Object value = root.get(key);
    if (value == null) {
      return Map.of(); // absent or left empty
    }
    if (!(value instanceof Map)) {
      problems.add(
          new ConfigProblem(
              key,
              ValueParsers.show(value)
                  + " is not a map ("
                  + topLevel.spec(key).allowedValues()
                  + ")"));
      return Map.of();
    }
    return (Map<String, Object>) value;
  }

  private OutputSpec readOutput() {
    Map<String, Object> output = section("output");
    for (String key : output.keySet()) {
      if (!key.equals("dir") && !key.equals("formats")) {
        problems.add(
            new ConfigProblem(
                "output." + key,
                "unknown key "
                    + ValueParsers.show(key)
                    + ValueParsers.didYouMean(key, List.of("dir", "formats"))
                    + " (allowed: dir, formats)"));
      }
    }
    String dir = null;
    if (output.containsKey("dir")) {
      dir = (String) ValueParsers.nonEmptyString().parse(output.get("dir"), "output.dir", problems);
    }
    List<String> formats = OutputSpec.DEFAULT_FORMATS;
    if (output.containsKey("formats")) {
      formats = wordList(output.get("formats"), "output.formats", OutputSpec.ALL_FORMATS, "format");
      if (formats == null) {
        formats = OutputSpec.DEFAULT_FORMATS;
      }
    }
    return new OutputSpec(dir, formats);
  }

  /** A non-empty list of distinct words from {@code allowed}, or null after adding problems. */
  private List<String> wordList(Object raw, String path, List<String> allowed, String what) {
    String allowedText = "one of " + String.join(", ", allowed);
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw)
                  + " is not a non-empty list of "
                  + what
                  + "s ("
                  + allowedText
                  + ")"));
      return null;
    }
    List<String> words = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      String elementPath = path + "[" + i + "]";
      if (!(element instanceof String word) || !allowed.contains(word)) {
        problems.add(
            new ConfigProblem(elementPath, ValueParsers.show(element) + " is not " + allowedText));
        ok = false;
      } else if (words.contains(word)) {
        problems.add(
            new ConfigProblem(elementPath, ValueParsers.show(element) + " is listed twice"));
        ok = false;
      } else {
        words.add(word);
      }
    }
    return ok ? List.copyOf(words) : null;
  }

  /** The sweep settings from the top level or params (not both), parsed; defaults filled. */
  private Map<String, Object> readSettings(Map<String, Object> params, Map<String, String> paths) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String key : TopLevelKeys.SETTING_KEYS) {
      ParameterSpec spec = topLevel.spec(key);
      boolean top = root.containsKey(key);
      boolean underParams = params.containsKey(key);
      if (top && underParams) {
        problems.add(
            new ConfigProblem(
                "params." + key, "is also given at the top level (" + key + "); give it once"));
      }
      String path = top ? key : underParams ? "params." + key : null;
      Object raw = top ? root.get(key) : underParams ? params.get(key) : null;
      if (path == null) {
        settings.put(key, spec.defaultValue());
      } else if (key.equals("metrics") || key.equals("collapse") || key.equals("compare_to")) {
        settings.put(key, raw); // checked against the family's metrics
        paths.put(key, path);
      } else {
        Object value = spec.parse(raw, path, problems);
        settings.put(key, value == null ? spec.defaultValue() : value);
        paths.put(key, path);
      }
    }
    return settings;
  }

  private List<String> readMetrics(Object raw, String path, FamilyParameters family) {
    if (path == null) {
      return List.of();
    }
    List<String> metrics = wordList(raw, path, family.metrics(), family.name() + " metric");
    return metrics == null ? List.of() : metrics;
  }

  private CollapseRule readCollapse(Object raw, String path, FamilyParameters family) {
    if (path == null) {
      return null;
    }
    String allowed = "{metric: NAME, below: X} or {metric: NAME, above: X}";
    if (!(raw instanceof Map<?, ?> map)) {
      problems.add(new ConfigProblem(path, ValueParsers.show(raw) + " is not " + allowed));
      return null;
    }
    int before = problems.size();
    for (Object key : map.keySet()) {
      if (!List.of("metric", "below", "above").contains(String.valueOf(key))) {
        problems.add(
            new ConfigProblem(
                path + "." + key,
                "unknown key "
                    + ValueParsers.show(key)
                    + ValueParsers.didYouMean(
                        String.valueOf(key), List.of("metric", "below", "above"))
                    + " (allowed: metric, below, above)"));
      }
    }
    Object metric = map.get("metric");
    if (!(metric instanceof String name) || !family.metrics().contains(name)) {
      problems.add(
          new ConfigProblem(
              path + ".metric",
              ValueParsers.show(metric)
                  + " is not a "
                  + family.name()
                  + " metric (one of "
                  + String.join(", ", family.metrics())
                  + ")"));
    }
    boolean below = map.containsKey("below");
    if (below == map.containsKey("above")) {
      problems.add(
          new ConfigProblem(path, "needs exactly one of below and above (" + allowed + ")"));
      return null;
    }
    String thresholdPath = path + (below ? ".below" : ".above");
    Double threshold =
        (Double)
            ValueParsers.numberIn(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
                .parse(map.get(below ? "below" : "above"), thresholdPath, problems);
    return problems.size() == before ? new CollapseRule((String) metric, below, threshold) : null;
  }
}
