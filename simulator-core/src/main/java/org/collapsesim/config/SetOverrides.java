package org.collapsesim.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies command-line overrides {@code --set path=value} to the loaded YAML tree, before
 * validation, so an override is checked exactly like the same value written in the file.
 *
 * <p>The path is dotted: {@code replicates}, {@code grid.alpha}, {@code params.temperature}, {@code
 * output.dir}, {@code truth.exponent} (inside the top-level {@code truth} map). Under {@code grid}
 * and {@code params}, truth parameters are dotted keys themselves, so {@code grid.truth.exponent}
 * sets the key {@code truth.exponent} of {@code grid}. Missing maps on the way are created; an
 * existing key keeps its position (and so its place in the axis order). The value is read as YAML:
 * {@code 1000}, {@code [0,0.5]}, {@code {schedule: power, alpha0: 0.5, exponent: 1}}.
 */
final class SetOverrides {

  static final String PATH = "--set";

  private SetOverrides() {}

  /**
   * Applies each override in order; a malformed one is reported under {@code --set} and skipped.
   */
  static void apply(Map<String, Object> root, List<String> sets, List<ConfigProblem> problems) {
    for (String set : sets) {
      applyOne(root, set, problems);
    }
  }

  @SuppressWarnings("unchecked")
  private static void applyOne(Map<String, Object> root, String set, List<ConfigProblem> problems) {
    int equals = set == null ? -1 : set.indexOf('=');
    if (equals <= 0) {
      problems.add(
          new ConfigProblem(
              PATH,
              ValueParsers.show(set)
                  + " is not path=value (e.g. --set grid.alpha=[0,0.5] or --set replicates=100)"));
      return;
    }
    String path = set.substring(0, equals).strip();
    String valueText = set.substring(equals + 1);
    String[] segments = path.split("\\.", -1);
    if (Arrays.stream(segments).anyMatch(String::isBlank)) {
      problems.add(
          new ConfigProblem(
              PATH,
              ValueParsers.show(set)
                  + ": the path "
                  + ValueParsers.show(path)
                  + " has an empty segment"));
      return;
    }
    if (valueText.isBlank()) {
      problems.add(new ConfigProblem(PATH, ValueParsers.show(set) + " has no value after '='"));
      return;
    }
    int before = problems.size();
    Object value = SafeYamlReader.read(valueText, PATH, problems);
    if (problems.size() > before) {
      return;
    }
    if (value == null) {
      problems.add(new ConfigProblem(PATH, ValueParsers.show(set) + ": the value is null"));
      return;
    }
    // grid.truth.X and params.truth.X name the dotted key truth.X of grid/params.
    int keyStart =
        segments.length >= 3
                && (segments[0].equals("grid") || segments[0].equals("params"))
                && segments[1].equals("truth")
            ? 1
            : segments.length - 1;
    Map<String, Object> map = root;
    for (int i = 0; i < keyStart; i++) {
      Object child = map.get(segments[i]);
      if (child == null) {
        child = new LinkedHashMap<String, Object>();
        map.put(segments[i], child);
      } else if (!(child instanceof Map)) {
        problems.add(
            new ConfigProblem(
                PATH,
                ValueParsers.show(set)
                    + ": "
                    + String.join(".", Arrays.copyOf(segments, i + 1))
                    + " is "
                    + ValueParsers.show(child)
                    + ", not a map"));
        return;
      }
      map = (Map<String, Object>) child;
    }
    String key = String.join(".", Arrays.copyOfRange(segments, keyStart, segments.length));
    map.put(key, value);
  }
}
