package org.collapsesim.family.categorical;

import java.util.Arrays;

/**
 * Sufficient statistics of the categorical family: the count of each category and their total.
 *
 * <p>They also keep, when they are few, the categories their counts can be non-zero on (the
 * support): the exact sampler draws over a collapsing model's live categories, a small part of V,
 * and with the support known clearing, copying and merging counts, thinning them and listing the
 * counted categories for the fit visit those categories instead of all V. The support is a hint
 * only: every operation leaves the same counts with it or without it.
 */
final class CountStats {

  /** {@link #supportSize} when the support is not known to be few: operations visit all V. */
  private static final int DENSE = -1;

  final long[] counts;
  long total;

  /**
   * Categories, ascending, outside which every count is 0: the first {@code supportSize} of {@code
   * support}; {@link #DENSE} when not kept (unknown, or too many to pay). A count written outside
   * it other than through this class's methods must be followed by {@link #supportUnknown}.
   */
  private int[] support = new int[0];

  private int supportSize = DENSE;
  private int[] spareSupport = new int[0]; // a merge writes the union here, then the two swap

  CountStats(int categories) {
    counts = new long[categories];
  }

  /**
   * Whether m categories are few enough to visit one by one rather than all V in a pass (a
   * scattered visit costs a few times a streamed one).
   */
  private boolean few(long m) {
    return 2 * m < counts.length;
  }

  /** Every count 0, total 0. */
  void clear() {
    if (supportSize == DENSE) {
      Arrays.fill(counts, 0L);
    } else {
      for (int j = 0; j < supportSize; j++) {
        counts[support[j]] = 0;
      }
    }
    supportSize = 0;
    total = 0;
  }

  /** Back to a new one's state: every count 0, total 0, the support not kept. */
  void reset() {
    clear();
    supportSize = DENSE;
  }

  /** Forgets the support: after counts were written other than through this class. */
  void supportUnknown() {
    supportSize = DENSE;
  }

  /**
   * Records that every count outside {@code categories[0, m)} (ascending) is 0, when they are few.
   */
  void supportOn(int[] categories, int m) {
    if (few(m)) {
      if (support.length < m) {
        support = new int[m];
      }
      System.arraycopy(categories, 0, support, 0, m);
      supportSize = m;
    } else {
      supportSize = DENSE;
    }
  }

  /** This becomes a copy of {@code from}. */
  void copyFrom(CountStats from) {
    clear(); // visits only this one's support when it is known
    if (from.total == 0) {
      return; // every count 0 (a total is the sum of its counts)
    }
    if (from.supportSize == DENSE) {
      System.arraycopy(from.counts, 0, counts, 0, counts.length);
      supportSize = DENSE;
    } else {
      for (int j = 0; j < from.supportSize; j++) {
        int i = from.support[j];
        counts[i] = from.counts[i];
      }
      supportOn(from.support, from.supportSize);
    }
    total = from.total;
  }

  /** Adds {@code other}'s counts to this one's. */
  void add(CountStats other) {
    if (other.total == 0) {
      return;
    }
    if (total == 0) {
      copyFrom(other);
      return;
    }
    if (other.supportSize == DENSE) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      supportSize = DENSE;
    } else {
      for (int j = 0; j < other.supportSize; j++) {
        int i = other.support[j];
        counts[i] += other.counts[i];
      }
      if (supportSize != DENSE) {
        unionSupport(other);
      }
    }
    total += other.total;
  }

  /** This support becomes its union with {@code other}'s (both known, ascending). */
  private void unionSupport(CountStats other) {
    int m = supportSize + other.supportSize;
    if (!few(m)) { // the union may be smaller, but it is not worth counting
      supportSize = DENSE;
      return;
    }
    if (spareSupport.length < m) {
      spareSupport = new int[m];
    }
    int[] a = support;
    int[] b = other.support;
    int[] out = spareSupport;
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < supportSize && j < other.supportSize) {
      int x = a[i];
      int y = b[j];
      out[k++] = Math.min(x, y);
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    while (i < supportSize) {
      out[k++] = a[i++];
    }
    while (j < other.supportSize) {
      out[k++] = b[j++];
    }
    spareSupport = support;
    support = out;
    supportSize = k;
  }

  /** How many categories {@link #candidate} lists: the support, or all V when it is not known. */
  int candidates() {
    return supportSize == DENSE ? counts.length : supportSize;
  }

  /**
   * Candidate j of the categories with a possibly non-zero count, ascending in j: the j-th of the
   * support, or j itself.
   */
  int candidate(int j) {
    return supportSize == DENSE ? j : support[j];
  }

  /** Writes the categories with a positive count into {@code out}, ascending; returns how many. */
  int countedInto(int[] out) {
    int k = 0;
    if (supportSize == DENSE) {
      for (int i = 0; i < counts.length; i++) { // branch-free: most of a collapsed chain's are 0
        out[k] = i;
        k += counts[i] > 0 ? 1 : 0;
      }
    } else {
      for (int j = 0; j < supportSize; j++) {
        int i = support[j];
        out[k] = i;
        k += counts[i] > 0 ? 1 : 0;
      }
    }
    return k;
  }
}
