package org.collapsesim.random;

/**
 * Exact Multinomial(n, w / sum w) counts by conditional binomials (Davis, "The computer generation
 * of multinomial random variates", CSDA 1993): category k gets Binomial(remaining, w_k / S_k) with
 * S_k the weight of k and every category after it, until nothing remains. Cost: one binomial per
 * listed category until the draws are used up, independent of n, so it wins over n single draws
 * when n is large against the number of categories; {@link #counts} hands a light tail to sorted
 * uniform points where those are cheaper, by a rule that depends on the model only.
 */
public final class MultinomialSampler {

  /**
   * Costs in nanoseconds that {@link #tailFrom} weighs, measured on the Zen 5 machine of
   * benchmarks/README.md ({@code BinomialBenchmark}): a conditional binomial of a small mean in the
   * chain of categories (each start (1 - p)^n waits for the previous count: latency, not
   * throughput), one draw of the sorted tail (an exponential and its place in the walk), and one
   * category of the walk. Only their ratios matter, and they only move the cost, never the law:
   * every split is exact.
   */
  static final double BINOMIAL_NS = 40.0;

  static final double TAIL_DRAW_NS = 5.0;
  static final double TAIL_CATEGORY_NS = 2.0;

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
   * binomials in list order for the categories before the split {@link #tailFrom}, stopping as soon
   * as nothing remains, then whatever remains spread over the categories from the split on by
   * {@link #sortedTail}. Given the counts of the categories before it, the rest is
   * Multinomial(remaining, their weights renormalized), so the result is exactly multinomial
   * wherever the split lies. The split is a function of n and the weights alone (the model), never
   * of the numbers drawn or of timing. Writes only {@code suffix[from, to)}, {@code points} and the
   * listed counts, so disjoint ranges may run side by side with their own points.
   */
  public static void counts(
      RandomStream rng,
      long n,
      double[] w,
      int[] index,
      int from,
      int to,
      double[] suffix,
      TailPoints points,
      long[] counts) {
    if (n == 0) {
      return;
    }
    suffixSums(w, index, from, to, suffix);
    int split = tailFrom(n, from, to, suffix);
    long remaining = n;
    for (int k = from; k < split && remaining > 0; k++) {
      remaining -= binomialStep(rng, remaining, w, index, k, suffix, counts);
    }
    if (remaining > 0) {
      sortedTail(rng, remaining, w, index, split, to, suffix, 0.0, points, counts);
    }
  }

  /**
   * The split k in [from, to] of {@link #counts} with the least expected cost: {@link #BINOMIAL_NS}
   * for each category before k, and for the categories from k on (when k &lt; to) {@link
   * #TAIL_CATEGORY_NS} each plus {@link #TAIL_DRAW_NS} for each of the n S_k / S_from draws
   * expected to fall there (S the suffix sums). Returns {@code to} (binomials throughout) when no
   * tail is cheaper; ties go to the later split. Head-heavy weights listed head first (a Zipf law)
   * thus get binomials for the head and the sorted tail for categories whose expected counts are
   * below about (BINOMIAL_NS - TAIL_CATEGORY_NS) / TAIL_DRAW_NS each. A zero weight is costed as
   * any other category (the samplers list positive weights only; the cost moves, never the law), so
   * the scan reads the suffix sums alone, in order.
   */
  static int tailFrom(long n, int from, int to, double[] suffix) {
    // cost(k) less the walk over every category, a constant: one pass suffices
    double drawsPerWeight = TAIL_DRAW_NS * n / suffix[from];
    double perCategory = BINOMIAL_NS - TAIL_CATEGORY_NS;
    double best = Double.POSITIVE_INFINITY;
    int split = to;
    for (int k = from; k < to; k++) {
      double cost = perCategory * (k - from) + drawsPerWeight * suffix[k];
      if (cost < best) {
        best = cost;
        split = k;
      }
    }
    return perCategory * (to - from) <= best ? to : split;
  }

  /**
   * Adds to {@code counts[index[k]]}, {@code from <= k < to}, the counts of {@code r > 0} draws
   * over those categories, by where r sorted uniform points fall on their stacked weights: category
   * k holds the interval [S_{k+1}, S_k) of the suffix sums ({@code base} = S_to), and the points
   * are the order statistics of r uniforms on [S_to, S_from), made as the first r partial sums of r
   * + 1 standard exponentials scaled by the last (the uniform spacings of Devroye, "Non-Uniform
   * Random Variate Generation", 1986, V.2). One walk from the last category back to the first
   * counts them: no table to build and no random access, about one ziggurat exponential a draw and
   * one comparison a category. The counts of r iid points are exactly Multinomial(r, w / sum w) (up
   * to the rounding of the sums); a zero weight holds an empty interval and never counts. More than
   * {@link TailPoints#capacity} draws first split the range in halves, the first half's share a
   * binomial on its weight (exact by the same conditioning as {@link #counts}).
   */
  public static void sortedTail(
      RandomStream rng,
      long r,
      double[] w,
      int[] index,
      int from,
      int to,
      double[] suffix,
      double base,
      TailPoints points,
      long[] counts) {
    while (r > points.capacity && to - from > 1) {
      int mid = (from + to) >>> 1;
      double after = suffix[mid];
      long left = BinomialSampler.sample(rng, r, (suffix[from] - after) / (suffix[from] - base));
      if (left > 0) {
        sortedTail(rng, left, w, index, from, mid, suffix, after, points, counts);
      }
      r -= left;
      from = mid;
      if (r == 0) {
        return;
      }
    }
    int first = from; // the first positive weight: points rounded past the top count there
    while (w[index[first]] == 0.0 && first < to - 1) {
      first++;
    }
    if (to - first == 1) {
      counts[index[first]] += r;
      return;
    }
    int size = (int) r;
    double[] g = points.atLeast(size + 1);
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += ZigguratExponential.next(rng);
      g[i] = sum;
    }
    sum += ZigguratExponential.next(rng);
    g[size] = Double.POSITIVE_INFINITY; // a sentinel: the walk's inner loop needs no bound check
    double scale = sum / (suffix[from] - base);
    int i = 0;
    for (int k = to - 1; k > first && i < size; k--) {
      double upper = (suffix[k] - base) * scale;
      int start = i;
      while (g[i] < upper) {
        i++;
      }
      counts[index[k]] += i - start;
    }
    counts[index[first]] += size - i;
  }

  /**
   * Working storage of {@link #sortedTail}: room for up to {@link #CAPACITY} + 1 points, grown on
   * demand and reused (one per range drawn side by side).
   */
  public static final class TailPoints {
    /** The most draws one sorted walk takes by default (256 KB of points: they stay in cache). */
    static final int CAPACITY = 1 << 15;

    final int capacity;
    private double[] points = new double[0];

    public TailPoints() {
      this(CAPACITY);
    }

    /** With room for {@code capacity} draws a walk (a small one makes tests take the halving). */
    TailPoints(int capacity) {
      this.capacity = capacity;
    }

    double[] atLeast(int n) {
      if (points.length < n) {
        points = new double[Math.max(n, Math.min(2 * points.length, capacity + 1))];
      }
      return points;
    }
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
