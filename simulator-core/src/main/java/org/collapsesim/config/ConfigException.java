package org.collapsesim.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration was rejected. Carries every {@link ConfigProblem} found, in the order found; the
 * message holds one problem per line, which is what the command line prints before exiting 2.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Kept as an immutable list; {@code transient} because problems are plain records. */
  private final transient List<ConfigProblem> problems;

  /**
   * @param problems at least one problem
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
