package org.collapsesim.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a sweep definition (README, Configuration): safe YAML, {@code --set} overrides, validation
 * of every key against the configured family's parameter table (from the {@link FamilyCatalogue}
 * the caller passes), grid expansion into cells with ids and world keys, and the config hash. Every
 * problem found is reported at once in a {@link ConfigException}; nothing downstream re-validates.
 *
 * <p>Top-level keys: {@code name} (required), {@code seed} (required, 64 bits), {@code replicates}
 * (default 1), {@code generations} (required), {@code family} (required), {@code grid} (parameter
 * axes: lists), {@code params} (single parameter values), {@code truth} (single truth values,
 * {@code X} here is {@code truth.X} under params), {@code output}, and the sweep settings {@code
 * sampling}, {@code record_every}, {@code metrics}, {@code collapse}, which may also sit under
 * {@code params}.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Loads the config file {@code file} with overrides {@code sets}; files named in it are relative
   * to its directory.
   *
   * @param catalogue the families a config may name
   * @throws ConfigException listing every problem of the config
   * @throws IOException if the file itself cannot be read
   */
  public static SweepConfig load(FamilyCatalogue catalogue, Path file, List<String> sets)
      throws ConfigException, IOException {
    String text = Files.readString(file);
    return parse(catalogue, text, file.toAbsolutePath().getParent(), sets);
  }

  /**
   * Parses config text.
   *
   * @param catalogue the families a config may name
   * @param yamlText the YAML text
   * @param baseDir the directory files named in the config are relative to (null: the working
   *     directory)
   * @param sets {@code path=value} overrides, applied in order
   * @throws ConfigException listing every problem of the config
   */
  public static SweepConfig parse(
      FamilyCatalogue catalogue, String yamlText, Path baseDir, List<String> sets)
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
                  + String.join(", ", new TopLevelKeys(catalogue).names())
                  + " is expected)"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) tree;
    SetOverrides.apply(root, sets == null ? List.of() : sets, problems);
    SweepConfig config = new SweepReader(root, baseDir, problems, catalogue).read();
    if (!problems.isEmpty()) {
      throw new ConfigException(new ArrayList<>(new LinkedHashSet<>(problems)));
    }
    return config;
  }

  /**
   * The top-level keys of a config naming a family of {@code catalogue}, with descriptions, allowed
   * values and defaults, for {@code describe}.
   */
  public static List<ParameterSpec> topLevelKeys(FamilyCatalogue catalogue) {
    return new TopLevelKeys(catalogue).specs();
  }
}
