package org.collapsesim.family.categorical;

import java.nio.file.Path;
import java.util.List;
import org.collapsesim.config.ConfigFiles;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.ValueParsers;

/**
 * A truth counts file, read once when the config is loaded: one non-negative integer count per
 * line, at least one positive. Its SHA-256 goes into the cell parameters ({@code
 * truth.file_sha256}) so that editing the file changes the cell ids and world keys.
 *
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param counts the counts, one per line
 */
public record CountsFile(String sha256, long[] counts) {

  /**
   * Reads and checks {@code file}.
   *
   * @param written the path as written in the config, for messages
   * @param path the key path of the value, for problems
   * @return the counts, or null after adding problems
   */
  static CountsFile read(Path file, String written, String path, List<ConfigProblem> problems) {
    ConfigFiles.Text content = ConfigFiles.readText(file, written, path, problems);
    if (content == null) {
      return null;
    }
    String text = content.text();
    String[] lines = text.split("\r?\n", -1);
    int lineCount = lines.length;
    if (lineCount > 0 && lines[lineCount - 1].isEmpty()) {
      lineCount--; // the newline that ends the last line does not start another
    }
    if (lineCount == 0) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(written) + ": the file is empty (one count per line expected)"));
      return null;
    }
    long[] counts = new long[lineCount];
    boolean anyPositive = false;
    for (int i = 0; i < lineCount; i++) {
      String line = lines[i].strip();
      long count;
      try {
        count = Long.parseLong(line);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 0) {
        problems.add(
            new ConfigProblem(
                path,
                ValueParsers.show(written)
                    + ": line "
                    + (i + 1)
                    + " is not a non-negative integer count"
                    + " (the line's content is not repeated here)"));
        return null;
      }
      counts[i] = count;
      anyPositive |= count > 0;
    }
    if (!anyPositive) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(written) + ": every count is 0 (at least one must be positive)"));
      return null;
    }
    return new CountsFile(content.sha256(), counts);
  }
}
