package org.collapsesim.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** Reading the files a config names (truth counts, texts), reporting failures as problems. */
public final class ConfigFiles {

  private ConfigFiles() {}

  /**
   * A text file a config names, as a family's truth reader gets it.
   *
   * @param text the content, decoded as strict UTF-8
   * @param sha256 lower-case hex SHA-256 of the file's bytes: it goes into the cell parameters
   *     ({@code truth.file_sha256}) so that editing the file changes the cell ids and world keys
   */
  public record Text(String text, String sha256) {}

  /**
   * The file {@code file} as UTF-8 text with its hash, or null after adding a problem (missing, a
   * directory, unreadable, or not UTF-8).
   *
   * @param written the path as written in the config, for messages
   * @param path the key path of the value, for problems
   */
  public static Text readText(
      Path file, String written, String path, List<ConfigProblem> problems) {
    byte[] bytes = readBytes(file, written, path, problems);
    if (bytes == null) {
      return null;
    }
    String text = utf8(bytes, written, path, problems);
    return text == null
        ? null
        : new Text(text, HexFormat.of().formatHex(CanonicalJson.sha256(bytes)));
  }

  /**
   * The bytes of {@code file}, or null after adding a problem.
   *
   * @param written the path as written in the config, for messages
   * @param path the key path of the value, for problems
   */
  private static byte[] readBytes(
      Path file, String written, String path, List<ConfigProblem> problems) {
    if (Files.isDirectory(file)) {
      problems.add(
          new ConfigProblem(
              path, ValueParsers.show(written) + ": is a directory, not a file (" + file + ")"));
      return null;
    }
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

  /**
   * {@code bytes} decoded as strict UTF-8, or null after adding a problem that gives the offset of
   * the first invalid byte (and nothing of the file's content).
   */
  private static String utf8(
      byte[] bytes, String written, String path, List<ConfigProblem> problems) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in)
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          new ConfigProblem(
              path,
              ValueParsers.show(written)
                  + ": is not UTF-8 text (invalid byte at offset "
                  + in.position()
                  + ")"));
      return null;
    }
  }
}
