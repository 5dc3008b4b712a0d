package org.collapsesim.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What cell rules need beyond the cell: the config file's directory (files are relative to it), the
 * generation count, the sampling setting, and the files already read (each file is read once per
 * load, however many cells name it).
 */
final class LoadContext {

  private final Path baseDir;

  /** G, or null when {@code generations} was invalid (checks that need it are skipped). */
  final Integer generations;

  final String sampling;
  final String samplingPath;
  private final Map<Path, Optional<CountsFile>> countsFiles = new HashMap<>();
  private final Map<List<Object>, Optional<TextFile>> textFiles = new HashMap<>();

  LoadContext(Path baseDir, Integer generations, String sampling, String samplingPath) {
    this.baseDir = baseDir == null ? Path.of("") : baseDir;
    this.generations = generations;
    this.sampling = sampling;
    this.samplingPath = samplingPath;
  }

  /**
   * The counts file named {@code written} (relative to the config's directory), or null if it is
   * bad.
   */
  CountsFile countsFile(String written, String path, List<ConfigProblem> problems) {
    Path file = baseDir.resolve(written).toAbsolutePath().normalize();
    return countsFiles
        .computeIfAbsent(
            file, f -> Optional.ofNullable(CountsFile.read(f, written, path, problems)))
        .orElse(null);
  }

  /** The text file named {@code written} tokenized by {@code mode}, or null if it is bad. */
  TextFile textFile(String written, String mode, String path, List<ConfigProblem> problems) {
    Path file = baseDir.resolve(written).toAbsolutePath().normalize();
    return textFiles
        .computeIfAbsent(
            List.of(file, mode),
            f -> Optional.ofNullable(TextFile.read(file, mode, written, path, problems)))
        .orElse(null);
  }
}
