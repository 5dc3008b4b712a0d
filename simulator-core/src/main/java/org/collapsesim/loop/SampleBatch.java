package org.collapsesim.loop;

/**
 * A growable batch of raw samples, as the generation loop handles it without looking inside: its
 * size, emptying it, and appending one sample of another batch of the same kind (how the loop keeps
 * D_0 for the fixed anchor, pools the union for accumulate-subsample and picks the subsample).
 *
 * @param <B> the family's own batch type
 */
public interface SampleBatch<B extends SampleBatch<B>> {

  /** The number of samples in this batch. */
  int size();

  /** Empties the batch, keeping its storage. */
  void clear();

  /** Appends sample {@code index} of {@code from}. */
  void append(B from, int index);

  /**
   * Appends samples {@code rows[0 .. count)} of {@code from}, in that order: what the verifier
   * keeps of a round. A batch whose rows are a few numbers overrides it with one capacity check and
   * one copy loop.
   */
  default void appendRows(B from, int[] rows, int count) {
    for (int k = 0; k < count; k++) {
      append(from, rows[k]);
    }
  }
}
