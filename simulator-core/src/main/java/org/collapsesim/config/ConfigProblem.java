package org.collapsesim.config;

import java.util.Objects;

/**
 * One thing wrong with a sweep configuration: where it is ({@code path}, e.g. {@code
 * grid.alpha[2]}) and what is wrong, naming the offending value and what is allowed ({@code 1.5 is
 * not in [0, 1]}). Problems are collected, never thrown one at a time, so a user sees every mistake
 * of a config in one run (README, Configuration).
 *
 * @param path the key path of the offending value ({@code --set} for a malformed override, {@code
 *     yaml} for text that is not valid YAML)
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String path, String message) {

  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** The line printed for the user: {@code path: message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
