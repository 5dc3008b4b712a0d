package org.collapsesim.cli;

import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Preparing every cell of a config (its truth and theory, as a chain's executor does) before
 * anything runs or is written: valid parameters can still describe a truth that cannot be built (a
 * random markov table beyond its context limit, or one too slow to mix for its stationary law:
 * docs/families.md), which the families report as an {@link IllegalArgumentException} naming the
 * parameters to change. {@code validate}, {@code run} and a sweep whose chains run in this JVM make
 * that a usage error (exit 2) instead of a failed run.
 */
final class CellPreparation {

  private CellPreparation() {}

  /**
   * Prepares cells 0..cells-1 with {@code prepare}, side by side, and returns the first (lowest
   * index) that cannot be built, as {@code "cell N: why"}, or null when all can.
   */
  static String firstUnbuildable(int cells, IntConsumer prepare) {
    return IntStream.range(0, cells)
        .parallel()
        .mapToObj(
            i -> {
              try {
                prepare.accept(i);
                return null;
              } catch (IllegalArgumentException e) {
                return unbuildable(i, e);
              }
            })
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** The usage error of cell {@code index}, which cannot be built. */
  static String unbuildable(int index, IllegalArgumentException e) {
    return "cell " + index + ": " + e.getMessage();
  }
}
