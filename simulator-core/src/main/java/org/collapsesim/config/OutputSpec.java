package org.collapsesim.config;

import java.util.List;

/**
 * The {@code output} section: where a sweep writes and which formats (README, Output).
 *
 * @param dir the output directory as written, or null (then {@code --out} must give one)
 * @param formats a non-empty subset of arrow, parquet, csv, in the order written; default [arrow,
 *     parquet]
 */
public record OutputSpec(String dir, List<String> formats) {

  /** Every format a sweep can write. */
  public static final List<String> ALL_FORMATS = List.of("arrow", "parquet", "csv");

  /** The formats written when {@code output.formats} is absent. */
  public static final List<String> DEFAULT_FORMATS = List.of("arrow", "parquet");

  public OutputSpec {
    formats = List.copyOf(formats);
    if (formats.isEmpty() || !ALL_FORMATS.containsAll(formats)) {
      throw new IllegalArgumentException(
          "formats " + formats + " is not a non-empty subset of " + ALL_FORMATS);
    }
  }

  /** Whether {@code format} is written. */
  public boolean writes(String format) {
    return formats.contains(format);
  }

  /** A copy writing to {@code newDir} ({@code --out} wins over {@code output.dir}). */
  public OutputSpec withDir(String newDir) {
    return new OutputSpec(newDir, formats);
  }
}
