package org.collapsesim.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell while it is being resolved, as {@link CellRule}s see it: its parameters, where each
 * explicit value was written (for messages), and the truth data a family read from a file. Mutable,
 * discarded once the {@link CellSpec} is built.
 */
public final class CellDraft {

  final String family;
  final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, String> origins = new HashMap<>();
  Object truthData;

  CellDraft(String family) {
    this.family = family;
  }

  void putExplicit(String key, Object value, String origin) {
    params.put(key, value);
    origins.put(key, origin);
  }

  /** The family's name. */
  public String family() {
    return family;
  }

  /** Whether the cell has parameter {@code key} (set, defaulted, or completed by a rule). */
  public boolean has(String key) {
    return params.containsKey(key);
  }

  /** The parsed value of {@code key} ({@link CellSpec} lists the types), or null. */
  public Object get(String key) {
    return params.get(key);
  }

  /** Whether {@code key} was written in the config (not a default). */
  public boolean explicit(String key) {
    return origins.containsKey(key);
  }

  /** Replaces a default by one that depends on the cell's other parameters. */
  public void putDefault(String key, Object value) {
    params.put(key, value);
  }

  /** Where the value of {@code key} was written, or the bare key for a default. */
  public String origin(String key) {
    return origins.getOrDefault(key, key);
  }

  /** The value and where it came from, for messages: {@code samples = 1 (params.samples)}. */
  public String describe(String key) {
    String origin = origins.get(key);
    return key
        + " = "
        + ValueParsers.show(params.get(key))
        + (origin == null ? " (default)" : " (" + origin + ")");
  }

  /**
   * Takes a truth read from the file {@code truth.file} (as written: {@code written}): sets {@code
   * model_size} to the file's {@code size}, or checks a given {@code model_size} against it (a
   * problem naming {@code size} and {@code what} it counts, e.g. {@code lines}); records the file's
   * content hash as {@code truth.file_sha256}, which enters the cell id and the world key; and
   * keeps {@code data} for the family ({@link CellSpec#truthData()}).
   */
  public void setTruthFromFile(
      String written,
      long size,
      String what,
      String sha256,
      Object data,
      List<ConfigProblem> problems) {
    if (!has("model_size")) {
      params.put("model_size", size);
    } else if (get("model_size") instanceof Long v && v != size) {
      problems.add(
          new ConfigProblem(
              origin("model_size"),
              v
                  + " does not equal the "
                  + size
                  + " "
                  + what
                  + " of truth.file "
                  + ValueParsers.show(written)
                  + " (omit model_size to take it from the file)"));
    }
    params.put("truth.file_sha256", sha256);
    truthData = data;
  }
}
