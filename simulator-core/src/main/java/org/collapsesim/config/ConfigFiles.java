package org.collapsesim.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading the files a config names (truth counts, texts), reporting failures as problems. */
final class ConfigFiles {

  private ConfigFiles() {}

  /**
   * The bytes of {@code file}, or null after adding a problem.
   *
   * @param written the path as written in the config, for messages
   * @param path the key path of the value, for problems
   */
  static byte[] readBytes(Path file, String written, String path, List<ConfigProblem> problems) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problems.add(
          new ConfigProblem(
              path, ValueParsers.show(written) + ": file not found (looked for " + file + ")"));
      return null;
    } catch (IOException e) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(written)
                  + ": cannot read "
                  + file
                  + " ("
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + ")"));
      return null;
    }
  }
}
