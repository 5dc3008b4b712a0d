package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.math.DetMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link BinomialSampler} against the exact Binomial(n, p) pmf, after commons-rng's
 * DiscreteSamplerParametricTest: 200000 draws per case, one bin per value from 6 standard
 * deviations below the mean to 6 above, both open ends in one more bin, adjacent bins with expected
 * counts below 5 merged, Pearson chi-square at the 1e-4 level ({@link ChiSquare}); and the sample
 * mean within 4 standard errors (6e-5). The cases sit on both sides of the split at n min(p, 1 - p)
 * = 30 (inversion at exactly 30, BTPE from 30.5), on both sides of p = 1/2, from tiny p at a large
 * n to n = 2e9, and wide enough (n p (1 - p) in the thousands) that BTPE's squeezes and Stirling
 * test decide many draws. 13 cases x 2 comparisons: a false failure about 3e-3 for the class. Seeds
 * are fixed (a hash of the case), not chosen.
 */
class BinomialSamplerTest {

  /** ln C(n, x) p^x (1 - p)^(n - x). */
  private static double logPmf(long n, double p, long x) {
    return DetMath.lgamma(n + 1.0)
        - DetMath.lgamma(x + 1.0)
        - DetMath.lgamma(n - x + 1.0)
        + x * Math.log(p)
        + (n - x) * Math.log1p(-p);
  }

  @ParameterizedTest(name = "n {0}, p {1}")
  @CsvSource({
    "10, 0.3", // inversion, mean 3
    "1000, 0.001", // inversion, tiny p
    "40, 0.97", // inversion of the complement
    "60, 0.5", // inversion at the split, mean 30
    "61, 0.5", // BTPE just above it, mean 30.5
    "1000, 0.03", // inversion at the split with a small p
    "1000, 0.0305", // BTPE just above it
    "300, 0.8", // BTPE of the complement, mean 60
    "5000, 0.5",
    "100000, 0.37", // n p q = 23310: |y - m| between 20 and n p q / 2 often (squeezes, Stirling)
    "2000000000, 0.9",
    "1000000, 0.00002", // a small mean at a large n
    "1000000, 0.49999999" // p just below 1/2
  })
  void followsTheExactPmf(long n, double p) {
    RandomStream rng = new RandomStream(StreamKeys.hash(47, n, Double.doubleToLongBits(p)));
    int draws = 200_000;
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    long lo = Math.max(0, (long) Math.floor(mean - 6 * sd));
    long hi = Math.min(n, (long) Math.ceil(mean + 6 * sd));
    int values = (int) (hi - lo + 1);
    long[] observed = new long[values + 1]; // the last bin: both open ends
    double sum = 0;
    for (int i = 0; i < draws; i++) {
      long x = BinomialSampler.sample(rng, n, p);
      assertTrue(x >= 0 && x <= n, "out of range: " + x);
      sum += x;
      observed[x < lo || x > hi ? values : (int) (x - lo)]++;
    }
    double[] probabilities = new double[values + 1];
    double inside = 0;
    for (long x = lo; x <= hi; x++) {
      probabilities[(int) (x - lo)] = Math.exp(logPmf(n, p, x));
      inside += probabilities[(int) (x - lo)];
    }
    probabilities[values] = Math.max(0, 1 - inside);
    ChiSquare.assertFits("Binomial(" + n + ", " + p + ")", observed, probabilities);
    assertEquals(mean, sum / draws, 4 * sd / Math.sqrt(draws) + 1e-12, "mean");
  }

  /**
   * The inversion's start (1 - r)^n: its log1p and exp against StrictMath (fdlibm, correctly
   * rounded to within 1 ulp) over their whole ranges of use, r in (0, 1/2] across both branches and
   * every exponent of n log(1 - r) in [-41.6, 0]: within 2 ulp each (deterministic, no false
   * failures).
   */
  @Test
  void startProbabilityIsAccurate() {
    RandomStream rng = new RandomStream(StreamKeys.hash(71));
    for (int i = 0; i < 200_000; i++) {
      double r = 0.5 * StrictMath.pow(2.0, -40 * rng.nextDouble()); // log-uniform over 2^-41..1/2
      double log = BinomialSampler.log1pNegative(r);
      double exact = StrictMath.log1p(-r);
      assertTrue(Math.abs(log - exact) <= 2 * Math.ulp(exact), "log1p(-" + r + ") = " + log);
      double y = -41.6 * rng.nextDouble();
      double exp = BinomialSampler.expNegative(y);
      double expected = StrictMath.exp(y);
      assertTrue(Math.abs(exp - expected) <= 2 * Math.ulp(expected), "exp(" + y + ") = " + exp);
    }
    assertEquals(1.0, BinomialSampler.expNegative(0.0));
  }

  @Test
  void edgeCasesAreExact() {
    RandomStream rng = new RandomStream(StreamKeys.hash(61));
    assertEquals(0, BinomialSampler.sample(rng, 0, 0.3));
    assertEquals(0, BinomialSampler.sample(rng, 100, 0.0));
    assertEquals(0, BinomialSampler.sample(rng, 100, Double.NaN));
    assertEquals(100, BinomialSampler.sample(rng, 100, 1.0));
    assertEquals(100, BinomialSampler.sample(rng, 100, 1.5));
    assertEquals(0, rng.position(), "the degenerate cases draw nothing");
  }

  @Test
  void isAFunctionOfTheStreamPosition() {
    for (double p : new double[] {0.001, 0.3, 0.7}) { // inversion, BTPE, BTPE of the complement
      RandomStream a = new RandomStream(StreamKeys.hash(67));
      RandomStream b = new RandomStream(StreamKeys.hash(67));
      for (int i = 0; i < 1000; i++) {
        assertEquals(BinomialSampler.sample(a, 10_000, p), BinomialSampler.sample(b, 10_000, p));
        assertEquals(a.position(), b.position());
      }
    }
  }
}
