package org.collapsesim.config;

import java.util.List;
import java.util.Map;

/**
 * What {@code describe} says about one anchoring mechanism: its config key, its formula, the
 * sampling paths it keeps and the families that implement it, each with what the mechanism is in
 * that family.
 *
 * @param key the config syntax ({@code reservoir: {...}}, {@code verifier: {...}}, ...)
 * @param formula what it does to a generation, as a formula
 * @param samplingPaths which of the explicit and exact paths run with it, and why
 * @param notes the implementing families in catalogue order, each with its note ("" for none)
 */
public record MechanismInfo(
    String key, String formula, String samplingPaths, Map<String, String> notes) {

  public MechanismInfo {
    notes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notes));
  }

  /** A mechanism of one family alone, described by that family. */
  public static MechanismInfo of(String family, String key, String formula, String samplingPaths) {
    return new MechanismInfo(key, formula, samplingPaths, Map.of(family, ""));
  }

  /** The families that implement it, in catalogue order. */
  public List<String> families() {
    return List.copyOf(notes.keySet());
  }
}
