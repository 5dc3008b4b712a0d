package org.collapsesim.random;

/**
 * Exact Multinomial(n, w / sum w) counts by conditional binomials (Davis, "The computer generation
 * of multinomial random variates", CSDA 1993): category k gets Binomial(remaining, w_k / S_k) with
 * S_k the weight of k and every category after it. Cost: one binomial per listed category until the
 * draws are used up, independent of n, so it wins over n single draws when n is large against the
 * number of categories.
 */
public final class MultinomialSampler {

  /**
   * {@link #counts} draws a binomial for a category whose expected count is at least this: a
   * binomial costs about as much as this many alias draws and their counting (measured here: an
   * alias draw 9-13 ns, two words of it; a binomial about 110 ns at mean 10, 170 ns at mean 100,
   * where Beta reductions precede the inversion).
   */
  public static final double BINOMIAL_MIN_MEAN = 16.0;

  /**
   * ... or whenever the remaining draws are at least this many times the remaining categories, so
   * that the alias draws never cost more than this many per category (the alias draws of a huge n
   * after a small first category would).
   */
  public static final int ALIAS_MAX_DRAWS_PER_CATEGORY = 64;

  private MultinomialSampler() {}

  /**
   * Adds to {@code counts[index[k]]}, k &lt; {@code m}, the counts of {@code n} draws over the
   * categories {@code index[0..m)} with weights {@code w[index[k]]} (non-negative, positive sum).
   *
   * @param suffix scratch of length at least {@code m}
   */
  public static void conditionalBinomials(
      RandomStream rng, long n, double[] w, int[] index, int m, double[] suffix, long[] counts) {
    suffixSums(w, index, 0, m, suffix);
    long remaining = n;
    for (int k = 0; k < m && remaining > 0; k++) {
      remaining -= binomialStep(rng, remaining, w, index, k, suffix, counts);
    }
  }

  /**
   * Adds to {@code counts[index[k]]}, {@code from <= k < to}, the counts of {@code n} draws over
   * those categories with weights {@code w[index[k]]} (non-negative, positive sum): conditional
   * binomials in list order while the next category's expected count is at least {@link
   * #BINOMIAL_MIN_MEAN} (or the remaining draws outnumber the remaining categories {@link
   * #ALIAS_MAX_DRAWS_PER_CATEGORY} to 1), then the remaining draws one by one from an alias table
   * of the remaining categories. Given the counts of the categories before it, the rest is
   * Multinomial(remaining, their weights renormalized), so the result is exactly multinomial
   * wherever the switch happens; the switch depends only on the numbers drawn. With heavy-headed
   * weights listed head first (a Zipf law), the head gets a few binomials and the long tail cheap
   * alias draws. Writes only {@code suffix[from, to)}, {@code packed[from, to)} and the listed
   * counts, so disjoint ranges may run side by side with their own tables.
   */
  public static void counts(
      RandomStream rng,
      long n,
      double[] w,
      int[] index,
      int from,
      int to,
      double[] suffix,
      double[] packed,
      AliasTable table,
      long[] counts) {
    if (n == 0) {
      return;
    }
    suffixSums(w, index, from, to, suffix);
    long remaining = n;
    int k = from;
    while (remaining > 0 && k < to) {
      double weight = w[index[k]];
      if (weight == 0.0) {
        k++;
        continue;
      }
      if (remaining * (weight / suffix[k]) < BINOMIAL_MIN_MEAN
          && remaining < (long) ALIAS_MAX_DRAWS_PER_CATEGORY * (to - k)) {
        for (int j = k; j < to; j++) {
          packed[j] = w[index[j]];
        }
        table.rebuild(packed, k, to - k);
        while (remaining > 0) { // int batches: C2 optimizes int loops only
          int batch = (int) Math.min(remaining, Integer.MAX_VALUE);
          table.count(rng, batch, index, k, counts);
          remaining -= batch;
        }
        return;
      }
      remaining -= binomialStep(rng, remaining, w, index, k, suffix, counts);
      k++;
    }
  }

  /** suffix[k] = the sum of w[index[j]] for k <= j < to. */
  private static void suffixSums(double[] w, int[] index, int from, int to, double[] suffix) {
    double s = 0;
    for (int k = to - 1; k >= from; k--) {
      s += w[index[k]];
      suffix[k] = s;
    }
  }

  /** Category k's conditional binomial out of {@code remaining}; returns the count drawn. */
  private static long binomialStep(
      RandomStream rng,
      long remaining,
      double[] w,
      int[] index,
      int k,
      double[] suffix,
      long[] counts) {
    double weight = w[index[k]];
    if (weight == 0.0) {
      return 0;
    }
    double p = weight / suffix[k];
    long c = p >= 1.0 ? remaining : BinomialSampler.sample(rng, remaining, p);
    counts[index[k]] += c;
    return c;
  }
}
