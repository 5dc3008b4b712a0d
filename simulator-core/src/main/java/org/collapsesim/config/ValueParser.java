package org.collapsesim.config;

import java.util.List;

/**
 * Checks one configuration value as read from YAML and turns it into its resolved form (integers as
 * {@code Long}, numbers as {@code Double}, schedules as {@code ExogenousSchedule}, ...).
 */
@FunctionalInterface
public interface ValueParser {

  /**
   * @param raw the value as loaded from YAML (String, Boolean, Integer/Long/BigInteger, Double,
   *     List, Map); never null
   * @param path the key path of the value, used in problems
   * @param problems where problems are added
   * @return the resolved value, or null when at least one problem was added
   */
  Object parse(Object raw, String path, List<ConfigProblem> problems);
}
