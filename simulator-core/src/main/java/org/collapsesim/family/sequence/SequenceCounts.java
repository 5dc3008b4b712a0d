package org.collapsesim.family.sequence;

import java.util.Arrays;

/**
 * Sufficient statistics of the sequence family's positional learner: how many strings show symbol a
 * at position j ({@code counts[j * |A| + a]}) and how many strings were counted.
 */
final class SequenceCounts {

  final long[] counts;
  long total;

  SequenceCounts(int cells) {
    counts = new long[cells];
  }

  void countBatch(SequenceBatch batch, int alphabet) {
    Arrays.fill(counts, 0);
    batch.countInto(counts, alphabet);
    total = batch.size;
  }

  void add(SequenceCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  void copyFrom(SequenceCounts other) {
    System.arraycopy(other.counts, 0, counts, 0, counts.length);
    total = other.total;
  }
}
