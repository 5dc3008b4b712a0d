package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.math.DetMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link MultinomialSampler#counts} against the exact joint law of the counts: every outcome of n
 * draws over the categories is a bin of a Pearson chi-square test ({@link ChiSquare}: small bins
 * merged, false failure about 1e-4 per case, 7 cases: about 7e-4 for the class). The cases make it
 * take every route of {@link MultinomialSampler#tailFrom}, asserted first: the sorted tail from the
 * start (small expected counts), binomials for a heavy head and the sorted tail for the rest,
 * binomials to the end by BTPE (expected counts above 30) and by inversion (expected counts that
 * still make binomials cheaper), and the sorted tail with room for fewer points than draws, so that
 * it splits its range by binomials first, down to single categories; each on a range that does not
 * start at 0, in scrambled category order, with a zero weight listed. Seeds fixed, not chosen.
 */
class MultinomialCountsTest {

  @ParameterizedTest(name = "n = {0}, weights {1}, room for {3} points")
  @CsvSource({
    "5, 0.5 0 1.5 1 2, 0, 32768", // expected counts about 1: the sorted tail only
    "40, 30 1 0 1, 1, 32768", // expected 37.5 for the head: a binomial, then 2.5 left to the tail
    "40, 30 0 1 1 0.5, 1, 32768", // the same with a heavier tail of three
    "260, 1 0 1 1, 4, 32768", // expected 86.7 each: binomials (BTPE) to the end
    "30, 1 1 1, 3, 32768", // expected 10 each: binomials (inversion) to the end
    "12, 1 2 1 0 1 1, 0, 4", // the tail with room for 4: halves, and halves again, by binomials
  })
  void countsFollowTheMultinomialLaw(int n, String weights, int split, int room) {
    String[] parts = weights.split(" ");
    int m = parts.length;
    int from = 3; // the range [from, from + m) of a longer list, in scrambled category order
    double[] w = new double[m + 5];
    int[] index = new int[m + 5];
    double total = 0;
    for (int k = 0; k < m; k++) {
      int category = m + 4 - k; // listed in descending category order
      index[from + k] = category;
      w[category] = Double.parseDouble(parts[k]);
      total += w[category];
    }
    double[] suffix = new double[w.length];
    MultinomialSampler.suffixSums(w, index, from, from + m, suffix);
    assertEquals(
        from + split,
        MultinomialSampler.tailFrom(n, from, from + m, suffix),
        "the route: the sorted tail from this category on");
    Map<String, Integer> bin = new HashMap<>();
    List<Double> probability = new ArrayList<>();
    enumerate(new int[m], 0, n, w, index, from, total, bin, probability);

    RandomStream rng = new RandomStream(StreamKeys.hash(97, n));
    long[] observed = new long[probability.size()];
    long[] counts = new long[w.length];
    MultinomialSampler.TailPoints points = new MultinomialSampler.TailPoints(room);
    for (int i = 0; i < 200_000; i++) {
      java.util.Arrays.fill(counts, 0);
      MultinomialSampler.counts(rng, n, w, index, from, from + m, suffix, points, counts);
      StringBuilder key = new StringBuilder();
      long sum = 0;
      for (int k = 0; k < m; k++) {
        key.append(counts[index[from + k]]).append(',');
        sum += counts[index[from + k]];
      }
      assertEquals(n, sum, "the counts must add up to n");
      observed[bin.get(key.toString())]++;
    }
    ChiSquare.assertFits(
        "Multinomial(" + n + "; " + weights + ")",
        observed,
        probability.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * A draw at scale with the default room: 200,000 draws over 50,000 categories of weights 1..7
   * (expected 4.6 a category: the sorted tail throughout, split by binomials down to 32,768 points
   * a walk). Twenty draws' counts summed are Multinomial(4,000,000, w / sum w): a chi-square on the
   * 50,000 categories (false failure about 1e-4).
   */
  @org.junit.jupiter.api.Test
  void aLargeDrawFollowsTheMultinomialLaw() {
    int m = 50_000;
    long n = 200_000;
    double[] w = new double[m];
    int[] index = new int[m];
    double total = 0;
    for (int k = 0; k < m; k++) {
      index[k] = k;
      w[k] = 1 + (k * 7919) % 7;
      total += w[k];
    }
    double[] suffix = new double[m];
    MultinomialSampler.suffixSums(w, index, 0, m, suffix);
    assertEquals(0, MultinomialSampler.tailFrom(n, 0, m, suffix), "the route");
    RandomStream rng = new RandomStream(StreamKeys.hash(97, 13));
    MultinomialSampler.TailPoints points = new MultinomialSampler.TailPoints();
    long[] counts = new long[m];
    for (int i = 0; i < 20; i++) {
      MultinomialSampler.counts(rng, n, w, index, 0, m, suffix, points, counts);
    }
    assertEquals(20 * n, java.util.Arrays.stream(counts).sum(), "the counts must add up");
    double[] p = new double[m];
    for (int k = 0; k < m; k++) {
      p[k] = w[k] / total;
    }
    ChiSquare.assertFits("20 draws of Multinomial(200000; 50000 categories)", counts, p);
  }

  /** Every vector of m counts adding to n, with its multinomial probability. */
  private static void enumerate(
      int[] c,
      int k,
      int left,
      double[] w,
      int[] index,
      int from,
      double total,
      Map<String, Integer> bin,
      List<Double> probability) {
    int m = c.length;
    if (k == m - 1) {
      c[k] = left;
      double logP = DetMath.lgamma(sum(c) + 1.0);
      StringBuilder key = new StringBuilder();
      for (int j = 0; j < m; j++) {
        double p = w[index[from + j]] / total;
        if (p == 0 && c[j] > 0) {
          return; // impossible: a zero weight never draws
        }
        logP += (c[j] == 0 ? 0 : c[j] * Math.log(p)) - DetMath.lgamma(c[j] + 1.0);
        key.append(c[j]).append(',');
      }
      bin.put(key.toString(), probability.size());
      probability.add(Math.exp(logP));
      return;
    }
    for (int x = 0; x <= left; x++) {
      c[k] = x;
      enumerate(c, k + 1, left - x, w, index, from, total, bin, probability);
    }
  }

  private static int sum(int[] c) {
    int s = 0;
    for (int x : c) {
      s += x;
    }
    return s;
  }
}
