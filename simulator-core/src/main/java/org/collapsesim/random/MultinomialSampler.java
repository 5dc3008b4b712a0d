package org.collapsesim.random;

/**
 * Exact Multinomial(n, w / sum w) counts by conditional binomials (Davis, "The computer generation
 * of multinomial random variates", CSDA 1993): category k gets Binomial(remaining, w_k / S_k) with
 * S_k the weight of k and every category after it. Cost: one binomial per listed category until
 * the draws are used up, independent of n, so it wins over n single draws when n is large against
 * the number of categories.
 */
public final class MultinomialSampler {

  private MultinomialSampler() {}

  /**
   * Adds to {@code counts[index[k]]}, k &lt; {@code m}, the counts of {@code n} draws over the
   * categories {@code index[0..m)} with weights {@code w[index[k]]} (non-negative, positive sum).
   *
   * @param suffix scratch of length at least {@code m}
   */
  public static void conditionalBinomials(
      RandomStream rng, long n, double[] w, int[] index, int m, double[] suffix, long[] counts) {
    double s = 0;
    for (int k = m - 1; k >= 0; k--) {
      s += w[index[k]];
      suffix[k] = s;
    }
    long remaining = n;
    for (int k = 0; k < m && remaining > 0; k++) {
      double weight = w[index[k]];
      if (weight == 0.0) {
        continue;
      }
      double p = weight / suffix[k];
      long c = p >= 1.0 ? remaining : BinomialSampler.sample(rng, remaining, p);
      counts[index[k]] += c;
      remaining -= c;
    }
  }
}
