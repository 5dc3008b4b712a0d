package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapsesim.math.DetMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goodness of fit of the exact samplers behind the sufficient-statistics path: Gamma/chi-square and
 * Multinomial (the binomial has its own {@link BinomialSamplerTest}). Pearson chi-square with small
 * bins merged, each failing by chance with probability about 1e-4 ({@link ChiSquare}), and means
 * within 4 standard errors (6e-5 each): 15 comparisons, under 1.5e-3 for the class. Seeds fixed,
 * not chosen.
 */
class ExactSamplerGoodnessOfFitTest {

  /** The regularized lower incomplete gamma P(a, x) (series / Lentz continued fraction). */
  static double gammaP(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    double lnPrefix = a * Math.log(x) - x - DetMath.lgamma(a);
    if (x < a + 1) {
      double term = 1.0 / a;
      double sum = term;
      for (int n = 1; n < 10_000; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-16) {
          break;
        }
      }
      return sum * Math.exp(lnPrefix);
    }
    double b = x + 1 - a;
    double c = 1e300;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 10_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < 1e-300 ? 1e-300 : d;
      c = b + an / c;
      c = Math.abs(c) < 1e-300 ? 1e-300 : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return 1 - Math.exp(lnPrefix) * h;
  }

  @ParameterizedTest(name = "shape {0}")
  @ValueSource(doubles = {0.3, 1.0, 2.5, 40.0, 5000.5})
  void gammaFollowsItsDistribution(double shape) {
    RandomStream rng = new RandomStream(StreamKeys.hash(41, Double.doubleToLongBits(shape)));
    int n = 200_000;
    int bins = 40;
    // equiprobable-ish bins on [mean - 5 sd, mean + 5 sd] (clamped at 0), open ends
    double sd = Math.sqrt(shape);
    double lo = Math.max(0, shape - 5 * sd);
    double hi = shape + 5 * sd;
    long[] counts = new long[bins + 2];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double g = GammaSampler.gamma(rng, shape);
      assertTrue(g >= 0 && Double.isFinite(g));
      sum += g;
      counts[g < lo ? 0 : g >= hi ? bins + 1 : 1 + (int) ((g - lo) / (hi - lo) * bins)]++;
    }
    double[] p = new double[bins + 2];
    double previous = 0;
    for (int b = 0; b <= bins; b++) {
      double edge = gammaP(shape, lo + (hi - lo) * b / bins);
      p[b] = edge - previous;
      previous = edge;
    }
    p[bins + 1] = 1 - previous;
    ChiSquare.assertFits("Gamma(" + shape + ")", counts, p);
    assertEquals(shape, sum / n, 4 * sd / Math.sqrt(n), "mean");
  }

  @ParameterizedTest(name = "k {0}")
  @ValueSource(longs = {1, 2, 3, 99})
  void chiSquareFollowsItsDistribution(long k) {
    RandomStream rng = new RandomStream(StreamKeys.hash(43, k));
    int n = 100_000;
    int bins = 30;
    double hi = k + 8 * Math.sqrt(2.0 * k);
    long[] counts = new long[bins + 1];
    for (int i = 0; i < n; i++) {
      double x = GammaSampler.chiSquare(rng, k);
      counts[x >= hi ? bins : (int) (x / hi * bins)]++;
    }
    double[] p = new double[bins + 1];
    double previous = 0;
    for (int b = 1; b <= bins; b++) {
      double edge = gammaP(0.5 * k, 0.5 * hi * b / bins);
      p[b - 1] = edge - previous;
      previous = edge;
    }
    p[bins] = 1 - previous;
    ChiSquare.assertFits("chi-square(" + k + ")", counts, p);
  }

  @Test
  void multinomialFollowsItsJointDistribution() {
    // all 56 outcomes of 5 draws over 4 categories, weights not normalized, one of them zero
    double[] w = {0.5, 0.0, 1.5, 1.0, 2.0};
    int[] index = {0, 1, 2, 3, 4};
    double total = 5.0;
    int n = 5;
    java.util.Map<String, Integer> outcome = new java.util.LinkedHashMap<>();
    java.util.List<Double> probability = new java.util.ArrayList<>();
    for (int a = 0; a <= n; a++) {
      for (int b = 0; a + b <= n; b++) {
        for (int c = 0; a + b + c <= n; c++) {
          int d = n - a - b - c;
          outcome.put(a + "," + b + "," + c + "," + d, probability.size());
          double logP =
              DetMath.lgamma(n + 1.0)
                  - DetMath.lgamma(a + 1.0)
                  - DetMath.lgamma(b + 1.0)
                  - DetMath.lgamma(c + 1.0)
                  - DetMath.lgamma(d + 1.0)
                  + a * Math.log(0.5 / total)
                  + b * Math.log(1.5 / total)
                  + c * Math.log(1.0 / total)
                  + d * Math.log(2.0 / total);
          probability.add(Math.exp(logP));
        }
      }
    }
    RandomStream rng = new RandomStream(StreamKeys.hash(53));
    long[] counts = new long[probability.size()];
    long[] c = new long[5];
    double[] suffix = new double[5];
    for (int i = 0; i < 200_000; i++) {
      java.util.Arrays.fill(c, 0);
      MultinomialSampler.conditionalBinomials(rng, n, w, index, 5, suffix, c);
      assertEquals(0, c[1], "a zero weight drew");
      counts[outcome.get(c[0] + "," + c[2] + "," + c[3] + "," + c[4])]++;
    }
    ChiSquare.assertFits(
        "Multinomial(5; 0.1, 0.3, 0.2, 0.4)",
        counts,
        probability.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void multinomialConservesTheTotalAtLargeN() {
    double[] w = new double[1000];
    int[] index = new int[1000];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1.0 / (i + 1);
      index[i] = i;
    }
    RandomStream rng = new RandomStream(StreamKeys.hash(59));
    long[] c = new long[1000];
    MultinomialSampler.conditionalBinomials(
        rng, 3_000_000_000L, w, index, 1000, new double[1000], c);
    assertEquals(3_000_000_000L, java.util.Arrays.stream(c).sum());
  }
}
