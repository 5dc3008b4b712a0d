package org.collapsesim.random;

/**
 * Exact Multinomial(n, w / sum w) counts by conditional binomials (Davis, "The computer generation
 * of multinomial random variates", CSDA 1993): category k gets Binomial(remaining, w_k / S_k) with
 * S_k the weight of k and every category after it, until nothing remains. Cost: one binomial per
 * listed category until the draws are used up, independent of n, so it wins over n single draws
 * when n is large against the number of categories; {@link #counts} hands a light tail to alias
 * draws where those are cheaper, by a rule that depends on the model only.
 */
public final class MultinomialSampler {

  /**
   * Costs in nanoseconds that {@link #aliasFrom} weighs, measured on the Zen 5 machine of
   * benchmarks/README.md ({@code BinomialBenchmark}): a conditional binomial of a small mean in the
   * chain of categories (each start (1 - p)^n waits for the previous count: latency, not
   * throughput), one alias draw with its counting, and one category of an alias-table rebuild. Only
   * their ratios matter, and they only move the cost, never the law: every split is exact.
   */
  static final double BINOMIAL_NS = 40.0;

  static final double ALIAS_DRAW_NS = 10.0;
  static final double ALIAS_REBUILD_NS = 8.0;

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
   * binomials in list order for the categories before the split {@link #aliasFrom}, stopping as
   * soon as nothing remains, then whatever remains one draw at a time from an alias table of the
   * categories from the split on. Given the counts of the categories before it, the rest is
   * Multinomial(remaining, their weights renormalized), so the result is exactly multinomial
   * wherever the split lies. The split is a function of n and the weights alone (the model), never
   * of the numbers drawn or of timing. Writes only {@code suffix[from, to)}, {@code packed[from,
   * to)} and the listed counts, so disjoint ranges may run side by side with their own tables.
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
    int split = aliasFrom(n, w, index, from, to, suffix);
    long remaining = n;
    for (int k = from; k < split && remaining > 0; k++) {
      remaining -= binomialStep(rng, remaining, w, index, k, suffix, counts);
    }
    if (remaining == 0) {
      return;
    }
    for (int j = split; j < to; j++) {
      packed[j] = w[index[j]];
    }
    table.rebuild(packed, split, to - split);
    while (remaining > 0) { // int batches: C2 optimizes int loops only
      int batch = (int) Math.min(remaining, Integer.MAX_VALUE);
      table.count(rng, batch, index, split, counts);
      remaining -= batch;
    }
  }

  /**
   * The split k in [from, to] of {@link #counts} with the least expected cost: {@link #BINOMIAL_NS}
   * for each positive-weight category before k, and for the categories from k on (when k &lt; to)
   * {@link #ALIAS_REBUILD_NS} each plus {@link #ALIAS_DRAW_NS} for each of the n S_k / S_from draws
   * expected to fall there (S the suffix sums). Returns {@code to} (binomials throughout) when no
   * alias tail is cheaper; ties go to the later split. Head-heavy weights listed head first (a Zipf
   * law) thus get binomials for the head and alias draws for a tail whose expected counts are below
   * about (BINOMIAL_NS - ALIAS_REBUILD_NS) / ALIAS_DRAW_NS per category.
   */
  static int aliasFrom(long n, double[] w, int[] index, int from, int to, double[] suffix) {
    // cost(k) less the rebuild of every positive category, a constant: one pass suffices
    double drawsPerWeight = ALIAS_DRAW_NS * n / suffix[from];
    double best = Double.POSITIVE_INFINITY;
    int split = to;
    int before = 0; // positive-weight categories in [from, k)
    for (int k = from; k < to; k++) {
      double cost = (BINOMIAL_NS - ALIAS_REBUILD_NS) * before + drawsPerWeight * suffix[k];
      if (cost < best) {
        best = cost;
        split = k;
      }
      if (w[index[k]] > 0.0) {
        before++;
      }
    }
    return (BINOMIAL_NS - ALIAS_REBUILD_NS) * before <= best ? to : split;
  }

  /** suffix[k] = the sum of w[index[j]] for k <= j < to. */
  static void suffixSums(double[] w, int[] index, int from, int to, double[] suffix) {
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
