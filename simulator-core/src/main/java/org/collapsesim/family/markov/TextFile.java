package org.collapsesim.family.markov;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.ConfigFiles;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.ValueParsers;

/**
 * A UTF-8 text file for the markov family's truth, read once when the config is loaded and
 * tokenized as characters (Unicode code points) or whitespace-separated words. Tokens are numbered
 * in order of first appearance. Its SHA-256 goes into the cell parameters ({@code
 * truth.file_sha256}) so that editing the file changes the cell ids and world keys.
 *
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param tokens the text as token ids
 * @param vocabulary the number of distinct tokens
 */
public record TextFile(String sha256, int[] tokens, int vocabulary) {

  /** Reads and tokenizes {@code file} ({@code mode} chars or words); null after adding problems. */
  static TextFile read(
      Path file, String mode, String written, String path, List<ConfigProblem> problems) {
    ConfigFiles.Text content = ConfigFiles.readText(file, written, path, problems);
    if (content == null) {
      return null;
    }
    String text = content.text();
    Map<String, Integer> ids = new HashMap<>();
    int[] tokens;
    if ("words".equals(mode)) {
      String stripped = text.strip();
      String[] words = stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
      tokens = new int[words.length];
      for (int i = 0; i < words.length; i++) {
        tokens[i] = ids.computeIfAbsent(words[i], w -> ids.size());
      }
    } else {
      tokens =
          text.codePoints()
              .map(cp -> ids.computeIfAbsent(Character.toString(cp), s -> ids.size()))
              .toArray();
    }
    if (tokens.length == 0) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(written)
                  + ": the file has no "
                  + mode
                  + " (a text of at least one token is needed)"));
      return null;
    }
    return new TextFile(content.sha256(), tokens, ids.size());
  }
}
