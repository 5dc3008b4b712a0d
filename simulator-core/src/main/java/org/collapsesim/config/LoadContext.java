package org.collapsesim.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What cell rules need beyond the cell: the catalogue of families, the config file's directory
 * (files are relative to it), the generation count, the sampling setting, and the files already
 * read (each file is read once per load, however many cells name it).
 */
public final class LoadContext {

  /** Reads a file named in a config into a family's truth data, or returns null after problems. */
  @FunctionalInterface
  public interface FileReader<T> {
    /**
     * @param file the resolved path
     * @param written the name as the config wrote it (for messages)
     * @param path the key path of the file parameter
     */
    T read(Path file, String written, String path, List<ConfigProblem> problems);
  }

  private final FamilyCatalogue catalogue;
  private final Path baseDir;
  private final Integer generations;
  private final String sampling;
  private final String samplingPath;
  private final Map<List<Object>, Optional<Object>> files = new HashMap<>();

  LoadContext(
      FamilyCatalogue catalogue,
      Path baseDir,
      Integer generations,
      String sampling,
      String samplingPath) {
    this.catalogue = catalogue;
    this.baseDir = baseDir == null ? Path.of("") : baseDir;
    this.generations = generations;
    this.sampling = sampling;
    this.samplingPath = samplingPath;
  }

  FamilyCatalogue catalogue() {
    return catalogue;
  }

  /** G, or null when {@code generations} was invalid (checks that need it are skipped). */
  public Integer generations() {
    return generations;
  }

  /** The sweep's sampling setting: explicit, exact or auto. */
  public String sampling() {
    return sampling;
  }

  /** Where the sampling setting was written, for messages. */
  public String samplingPath() {
    return samplingPath;
  }

  /**
   * The file named {@code written} (relative to the config's directory) read by {@code reader},
   * once per load and {@code variant} (e.g. a tokenization mode), or null if it is bad.
   */
  @SuppressWarnings("unchecked")
  public <T> T readFile(
      String written,
      Object variant,
      String path,
      List<ConfigProblem> problems,
      FileReader<T> reader) {
    Path file = baseDir.resolve(written).toAbsolutePath().normalize();
    return (T)
        files
            .computeIfAbsent(
                java.util.Arrays.asList(file, variant),
                key -> Optional.ofNullable(reader.read(file, written, path, problems)))
            .orElse(null);
  }
}
