package org.collapsesim.config;

import java.util.List;

/**
 * What {@code describe} says about one anchoring mechanism: its config key, its formula, the
 * sampling paths it keeps and the families that implement it.
 *
 * @param key the config key ({@code reservoir: {...}}, {@code verifier: {...}}, ...)
 * @param formula what it does to a generation, as a formula
 * @param samplingPaths which of the explicit and exact paths run with it, and why
 * @param families the families that implement it
 */
public record MechanismInfo(
    String key, String formula, String samplingPaths, List<String> families) {}
