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
 * merged, false failure about 1e-4 per case, 5 cases: about 5e-4 for the class). The cases make it
 * take every route of {@link MultinomialSampler#aliasFrom}, asserted first: alias draws from the
 * start (small expected counts), binomials for a heavy head and alias draws for the tail, binomials
 * to the end by BTPE (expected counts above 30) and by inversion (small expected counts that still
 * make binomials cheaper, often stopping before the last category because nothing remains); each on
 * a range that does not start at 0, in scrambled category order, with a zero weight listed. Seeds
 * fixed, not chosen.
 */
class MultinomialCountsTest {

  @ParameterizedTest(name = "n = {0}, weights {1}")
  @CsvSource({
    "5, 0.5 0 1.5 1 2, 0", // expected counts about 1: alias draws only
    "40, 30 1 0 1, 1", // expected 37.5 for the head: a binomial, then 2.5 left by alias draws
    "40, 30 0 1 1 0.5, 1", // the same with a heavier tail of three
    "260, 1 0 1 1, 4", // expected 86.7 each: binomials (BTPE) to the end
    "12, 1 1 1, 3", // expected 4 each: binomials (inversion) to the end
  })
  void countsFollowTheMultinomialLaw(int n, String weights, int split) {
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
        MultinomialSampler.aliasFrom(n, w, index, from, from + m, suffix),
        "the route: alias draws from this category on");
    Map<String, Integer> bin = new HashMap<>();
    List<Double> probability = new ArrayList<>();
    enumerate(new int[m], 0, n, w, index, from, total, bin, probability);

    RandomStream rng = new RandomStream(StreamKeys.hash(97, n));
    long[] observed = new long[probability.size()];
    long[] counts = new long[w.length];
    double[] packed = new double[w.length];
    AliasTable table = new AliasTable();
    for (int i = 0; i < 200_000; i++) {
      java.util.Arrays.fill(counts, 0);
      MultinomialSampler.counts(rng, n, w, index, from, from + m, suffix, packed, table, counts);
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
