package org.collapsesim.loop;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Statistics passed from a finished chain to the next chain of the same cell on the same thread
 * ({@link CellModel#recycleStats}): a categorical chain at V = 1e6 holds four dense count arrays of
 * 8 MB, which would otherwise be allocated, zeroed and faulted in again for every chain. A thread
 * keeps at most one chain's statistics, of one cell: a chain of another cell drops them, and a
 * failed chain gives nothing back.
 */
final class StatsSpare<S> {

  /** What the last chain this thread finished gave back. */
  private static final ThreadLocal<StatsSpare<?>> LEFT = new ThreadLocal<>();

  private final CellModel<?, S, ?> family;
  private final ArrayDeque<S> stats;

  private StatsSpare(CellModel<?, S, ?> family, ArrayDeque<S> stats) {
    this.family = family;
    this.stats = stats;
  }

  /** The thread's spare statistics for a chain of {@code family} (empty for another cell's). */
  @SuppressWarnings("unchecked")
  static <S> StatsSpare<S> take(CellModel<?, S, ?> family) {
    StatsSpare<?> left = LEFT.get();
    LEFT.remove();
    return left != null && left.family == family
        ? (StatsSpare<S>) left
        : new StatsSpare<>(family, new ArrayDeque<>());
  }

  /** New statistics: recycled from the spare ones when the family can, else made. */
  S newStats() {
    while (!stats.isEmpty()) {
      S recycled = family.recycleStats(stats.pollLast());
      if (recycled != null) {
        return recycled;
      }
    }
    return family.newStats();
  }

  /** Leaves {@code held} (nulls skipped, each object once) to the thread's next chain. */
  void giveBack(Iterable<S> held) {
    Set<S> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(stats);
    for (S s : held) {
      if (s != null && seen.add(s)) {
        stats.addLast(s);
      }
    }
    LEFT.set(this);
  }
}
