package org.collapsesim.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cell while it is being resolved: its parameters, where each explicit value was written (for
 * messages), and the truth counts read from a file. Mutable, package-private, discarded once the
 * {@link CellSpec} is built.
 */
final class CellDraft {

  final String family;
  final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, String> origins = new HashMap<>();
  long[] truthCounts;
  int[] truthTokens;

  CellDraft(String family) {
    this.family = family;
  }

  void putExplicit(String key, Object value, String origin) {
    params.put(key, value);
    origins.put(key, origin);
  }

  boolean has(String key) {
    return params.containsKey(key);
  }

  Object get(String key) {
    return params.get(key);
  }

  /** Whether {@code key} was written in the config (not a default). */
  boolean explicit(String key) {
    return origins.containsKey(key);
  }

  /** Replaces a default by one that depends on the cell's other parameters. */
  void putDefault(String key, Object value) {
    params.put(key, value);
  }

  /** Where the value of {@code key} was written, or the bare key for a default. */
  String origin(String key) {
    return origins.getOrDefault(key, key);
  }

  /** The value and where it came from, for messages: {@code samples = 1 (params.samples)}. */
  String describe(String key) {
    String origin = origins.get(key);
    return key
        + " = "
        + ValueParsers.show(params.get(key))
        + (origin == null ? " (default)" : " (" + origin + ")");
  }
}
