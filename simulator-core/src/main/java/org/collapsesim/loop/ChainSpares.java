package org.collapsesim.loop;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a finished chain leaves to the next chain of the same cell on the same thread: its
 * statistics ({@link CellModel#recycleStats}) and its last model ({@link CellModel#recycleModel}).
 * A categorical chain at V = 1e6 holds four dense count arrays of 8 MB and a model of 24 MB, which
 * would otherwise be allocated, zeroed and faulted in again for every chain. A thread keeps at most
 * one chain's, of one cell: a chain of another cell drops them, and a failed chain gives nothing
 * back.
 */
final class ChainSpares<S, M> {

  /** What the last chain this thread finished gave back. */
  private static final ThreadLocal<ChainSpares<?, ?>> LEFT = new ThreadLocal<>();

  private final CellModel<?, S, M> family;
  private final ArrayDeque<S> stats;
  private M model;

  private ChainSpares(CellModel<?, S, M> family, ArrayDeque<S> stats, M model) {
    this.family = family;
    this.stats = stats;
    this.model = model;
  }

  /** The thread's spares for a chain of {@code family} (none for another cell's). */
  @SuppressWarnings("unchecked")
  static <S, M> ChainSpares<S, M> take(CellModel<?, S, M> family) {
    ChainSpares<?, ?> left = LEFT.get();
    LEFT.remove();
    return left != null && left.family == family
        ? (ChainSpares<S, M>) left
        : new ChainSpares<>(family, new ArrayDeque<>(), null);
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

  /**
   * The model for the chain's first fit to reuse ({@code recycle} of {@link CellModel#fit}): the
   * spare one when the family can recycle it, else null (a new one). Once per chain.
   */
  M firstFitModel() {
    M spare = model;
    model = null;
    return spare == null ? null : family.recycleModel(spare);
  }

  /**
   * Leaves {@code held} (nulls skipped, each object once) and {@code lastModel} (the chain's model
   * after its last fit, or null) to the thread's next chain.
   */
  void giveBack(Iterable<S> held, M lastModel) {
    Set<S> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(stats);
    for (S s : held) {
      if (s != null && seen.add(s)) {
        stats.addLast(s);
      }
    }
    model = lastModel;
    LEFT.set(this);
  }
}
