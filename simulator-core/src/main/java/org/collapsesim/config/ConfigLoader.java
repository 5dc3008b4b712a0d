// Over 400 lines: one reader walks every key of a config (top level, grid, params, truth,
// variants, settings) so that every problem is reported at once with its key path. A split of
// the variants axis into its own reader is listed as work.
package org.collapsesim.config;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.collapsesim.config.GridExpansion.ParameterSource;

/**
 * Reads a sweep definition (README, Configuration): safe YAML, {@code --set} overrides, validation
 * of every key against the catalogue of the configured family ({@link FamilyParameters}), grid
 * expansion into cells with ids and world keys, and the config hash. Every problem found is
 * reported at once in a {@link ConfigException}; nothing downstream re-validates.
 *
 * <p>Top-level keys: {@code name} (required), {@code seed} (required, 64 bits), {@code replicates}
 * (default 1), {@code generations} (required), {@code family} (required), {@code grid} (parameter
 * axes: lists), {@code params} (single parameter values), {@code truth} (single truth values,
 * {@code X} here is {@code truth.X} under params), {@code output}, and the sweep settings {@code
 * sampling}, {@code record_every}, {@code metrics}, {@code collapse}, which may also sit under
 * {@code params}.
 */
public final class ConfigLoader {

  /** Keys that only exist at the top level. */
  private static final List<String> STRUCTURE_KEYS =
      List.of(
          "name",
          "seed",
          "replicates",
          "generations",
          "family",
          "grid",
          "params",
          "truth",
          "output");

  /** Sweep settings: top level or under params, never axes, not part of cell ids. */
  private static final List<String> SETTING_KEYS =
      List.of("sampling", "record_every", "metrics", "collapse", "compare_to");

  private static final List<ParameterSpec> TOP_LEVEL =
      List.of(
          ParameterSpec.of(
                  "name", "the sweep's name", "a non-empty string", ValueParsers.nonEmptyString())
              .asRequired(),
          ParameterSpec.of(
                  "seed",
                  "the master seed every random stream derives from (README, Random streams and determinism)",
                  "a 64-bit integer (unsigned values up to 2^64 - 1 are kept as their bits)",
                  ConfigLoader::parseSeed)
              .asRequired(),
          ParameterSpec.of(
                  "replicates",
                  "chains per cell",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(1L),
          ParameterSpec.of(
                  "generations",
                  "G: generations 0..G are run",
                  "an integer >= 0",
                  ValueParsers.integerAtLeast(0))
              .asRequired(),
          ParameterSpec.of(
                  "family",
                  "the model family of every cell",
                  "one of " + String.join(", ", FamilyParameters.familyNames()),
                  ValueParsers.oneOf(FamilyParameters.familyNames().toArray(String[]::new)))
              .asRequired(),
          ParameterSpec.of(
              "grid",
              "sweep axes: each parameter given as a non-empty list; cells are their cross product",
              "a map of parameter: [values]",
              (raw, path, problems) -> raw),
          ParameterSpec.of(
              "params",
              "parameters given once for all cells (and the sweep settings)",
              "a map of parameter: value",
              (raw, path, problems) -> raw),
          ParameterSpec.of(
              "truth",
              "truth parameters given once for all cells: X here is truth.X under params",
              "a map of truth parameter: value",
              (raw, path, problems) -> raw),
          ParameterSpec.of(
              "output",
              "where and what to write: {dir: DIR, formats: [arrow, parquet, csv]}",
              "a map with dir and formats",
              (raw, path, problems) -> raw),
          ParameterSpec.of(
                  "sampling",
                  "exact: sufficient-statistics shortcuts; explicit: raw samples; auto: exact where it exists",
                  "one of explicit, exact, auto",
                  ValueParsers.oneOf("explicit", "exact", "auto"))
              .withDefault("auto"),
          ParameterSpec.of(
                  "record_every",
                  "record every k-th generation (and the last)",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(1L),
          ParameterSpec.of(
              "metrics",
              "the metrics recorded (default: all of the family's)",
              "a non-empty list of the family's metric names",
              (raw, path, problems) -> raw),
          ParameterSpec.of(
              "collapse",
              "the collapse rule (default: the family's)",
              "{metric: NAME, below: X} or {metric: NAME, above: X}",
              (raw, path, problems) -> raw),
          ParameterSpec.of(
              "compare_to",
              "paired contrasts of every cell against its baseline: the cell of this variant (or"
                  + " with these parameter values) on the same world and every other axis",
              "a variant name, or a map {parameter: value, ...}",
              (raw, path, problems) -> raw));

  /** The anchoring mechanisms with their formulas and sampling paths, for {@code describe}. */
  public static List<MechanismInfo> mechanisms() {
    return MechanismParameters.descriptions();
  }

  private ConfigLoader() {}

  /**
   * Loads the config file {@code file} with overrides {@code sets}; files named in it are relative
   * to its directory.
   *
   * @throws ConfigException listing every problem of the config
   * @throws IOException if the file itself cannot be read
   */
  public static SweepConfig load(Path file, List<String> sets) throws ConfigException, IOException {
    String text = Files.readString(file);
    return parse(text, file.toAbsolutePath().getParent(), sets);
  }

  /**
   * Parses config text.
   *
   * @param yamlText the YAML text
   * @param baseDir the directory files named in the config are relative to (null: the working
   *     directory)
   * @param sets {@code path=value} overrides, applied in order
   * @throws ConfigException listing every problem of the config
   */
  public static SweepConfig parse(String yamlText, Path baseDir, List<String> sets)
      throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    Object tree = SafeYamlReader.read(yamlText, null, problems);
    if (problems.isEmpty() && !(tree instanceof Map)) {
      problems.add(
          new ConfigProblem(
              "config",
              (tree == null
                      ? "the document is empty"
                      : ValueParsers.show(tree) + " is not a mapping")
                  + " (a mapping of the keys "
                  + String.join(", ", topLevelKeyNames())
                  + " is expected)"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) tree;
    SetOverrides.apply(root, sets == null ? List.of() : sets, problems);
    SweepConfig config = new ConfigLoader.Reading(root, baseDir, problems).read();
    if (!problems.isEmpty()) {
      throw new ConfigException(new ArrayList<>(new LinkedHashSet<>(problems)));
    }
    return config;
  }

  /**
   * The parameters of family {@code family} (shared loop parameters first), for {@code describe}.
   */
  public static List<ParameterSpec> parametersOf(String family) {
    return FamilyParameters.of(family).parameters();
  }

  /**
   * The top-level keys of a config, with descriptions, allowed values and defaults, for {@code
   * describe}.
   */
  public static List<ParameterSpec> topLevelKeys() {
    return TOP_LEVEL;
  }

  private static List<String> topLevelKeyNames() {
    return TOP_LEVEL.stream().map(ParameterSpec::name).toList();
  }

  private static ParameterSpec topLevel(String key) {
    return TOP_LEVEL.stream().filter(s -> s.name().equals(key)).findFirst().orElseThrow();
  }

  private static Object parseSeed(Object raw, String path, List<ConfigProblem> problems) {
    BigInteger value = null;
    if (raw instanceof Integer || raw instanceof Long) {
      value = BigInteger.valueOf(((Number) raw).longValue());
    } else if (raw instanceof BigInteger big) {
      value = big;
    }
    BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(raw) + " is not a 64-bit integer (in [" + min + ", " + max + "])"));
      return null;
    }
    return value.longValue(); // the low 64 bits: 2^64 - 1 is -1L
  }

  /** One pass over a config tree, collecting problems. */
  private static final class Reading {
    private final Map<String, Object> root;
    private final Path baseDir;
    private final List<ConfigProblem> problems;

    Reading(Map<String, Object> root, Path baseDir, List<ConfigProblem> problems) {
      this.root = root;
      this.baseDir = baseDir;
      this.problems = problems;
    }

    SweepConfig read() {
      for (String key : root.keySet()) {
        if (!topLevelKeyNames().contains(key)) {
          problems.add(
              new ConfigProblem(
                  key,
                  FamilyParameters.isParameterOfAnyFamily(key)
                      ? "is a parameter, not a top-level key; write it under params (one value) or grid (a list of values)"
                      : "unknown key "
                          + ValueParsers.show(key)
                          + ValueParsers.didYouMean(key, topLevelKeyNames())
                          + " (allowed: "
                          + String.join(", ", topLevelKeyNames())
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
        family = FamilyParameters.of(familyName);
        if (!family.implemented()) {
          problems.add(
              new ConfigProblem(
                  "family",
                  ValueParsers.show(familyName)
                      + " is not yet implemented (implemented: "
                      + String.join(", ", FamilyParameters.implementedFamilyNames())
                      + ")"));
          family = null;
        }
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
      List<String> axes =
          flatten(grid, "grid").keySet().stream()
              .map(key -> key)
              .filter(key -> !SETTING_KEYS.contains(key) && !STRUCTURE_KEYS.contains(key))
              .toList();
      if (family != null) {
        List<ParameterSource> sources = readParameters(family, grid, params, truth);
        LoadContext context =
            new LoadContext(
                baseDir,
                generations == null ? null : generations.intValue(),
                sampling,
                settingPaths.getOrDefault("sampling", "sampling"));
        GridExpansion.Expansion expansion =
            GridExpansion.expand(family, sources, context, problems);
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
          collapse,
          variants,
          CanonicalJson.sha256Hex(json),
          json);
    }

    private Object required(String key) {
      if (!root.containsKey(key)) {
        ParameterSpec spec = topLevel(key);
        problems.add(new ConfigProblem(key, "is required (" + spec.allowedValues() + ")"));
        return null;
      }
      return topLevel(key).parse(root.get(key), key, problems);
    }

    private Object optional(String key) {
      return root.containsKey(key)
          ? topLevel(key).parse(root.get(key), key, problems)
          : topLevel(key).defaultValue();
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
                    + topLevel(key).allowedValues()
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
        dir =
            (String) ValueParsers.nonEmptyString().parse(output.get("dir"), "output.dir", problems);
      }
      List<String> formats = OutputSpec.DEFAULT_FORMATS;
      if (output.containsKey("formats")) {
        formats =
            wordList(output.get("formats"), "output.formats", OutputSpec.ALL_FORMATS, "format");
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
              new ConfigProblem(
                  elementPath, ValueParsers.show(element) + " is not " + allowedText));
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
    private Map<String, Object> readSettings(
        Map<String, Object> params, Map<String, String> paths) {
      Map<String, Object> settings = new LinkedHashMap<>();
      for (String key : SETTING_KEYS) {
        ParameterSpec spec = topLevel(key);
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
              ValueParsers.numberIn(
                      Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
                  .parse(map.get(below ? "below" : "above"), thresholdPath, problems);
      return problems.size() == before ? new CollapseRule((String) metric, below, threshold) : null;
    }

    /** The parameter values of grid, params and truth, checked against the family's catalogue. */
    private List<ParameterSource> readParameters(
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
          if (section.equals("params") && SETTING_KEYS.contains(key)) {
            continue; // read with the sweep settings
          }
          if (section.equals("grid") && key.equals(GridExpansion.VARIANTS)) {
            sources.put(
                key, readVariants(family, entry.getValue(), flatten(grid, section).keySet()));
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
     * The section with each nested mechanism map ({@code reservoir: {fraction: 0.05}}) written as
     * its dotted keys ({@code reservoir.fraction}); a key given both ways is reported.
     */
    private final Set<String> flattenReported = new HashSet<>();

    private Map<String, Object> flatten(Map<String, Object> section, String sectionName) {
      Map<String, Object> flat = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : section.entrySet()) {
        String key = entry.getKey();
        if (MechanismParameters.GROUPS.contains(key) && entry.getValue() instanceof Map<?, ?> m) {
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

    /**
     * The variants axis: a non-empty list of maps, each with a unique {@code name} and parameters
     * of the family that are not grid axes, resolved like params.
     */
    private ParameterSource readVariants(
        FamilyParameters family, Object raw, java.util.Collection<String> gridKeys) {
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
        Map<String, Object> flat = flatten((Map<String, Object>) map, at);
        Object name = flat.get("name");
        if (!(name instanceof String n) || n.isBlank()) {
          problems.add(
              new ConfigProblem(
                  at + ".name", ValueParsers.show(name) + " is not a non-empty name"));
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
            problems.add(new ConfigProblem(keyPath, unknownParameter(family, "params", key, key)));
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

    private String unknownParameter(
        FamilyParameters family, String section, String key, String writtenKey) {
      if (STRUCTURE_KEYS.contains(key) && !key.equals("truth")) {
        return "is a top-level key, not a parameter; write it at the top level";
      }
      if (SETTING_KEYS.contains(key)) {
        return "is a sweep setting, not a grid axis; write it at the top level or under params";
      }
      List<String> others = family.otherFamiliesWith(key);
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
        allowed.addAll(SETTING_KEYS);
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
}
