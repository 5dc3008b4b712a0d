package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chi-square goodness of fit of the samplers (small bins merged; each test fails by chance with
 * probability about 1e-4, see {@link ChiSquare}). Seeds fixed, not chosen.
 */
class SamplerGoodnessOfFitTest {

  /** Standard normal quantiles at 0.05, 0.10, ..., 0.95 (from tables, independent of DetMath). */
  private static final double[] NORMAL_VIGINTILES = {
    -1.6448536269514729,
    -1.2815515655446004,
    -1.0364333894937898,
    -0.8416212335729142,
    -0.6744897501960817,
    -0.5244005127080407,
    -0.3853204664075676,
    -0.2533471031357997,
    -0.1256613468550740,
    0.0,
    0.1256613468550740,
    0.2533471031357997,
    0.3853204664075676,
    0.5244005127080407,
    0.6744897501960817,
    0.8416212335729142,
    1.0364333894937898,
    1.2815515655446004,
    1.6448536269514729
  };

  @Test
  void gaussianDeviatesFollowTheStandardNormal() {
    RandomStream rng = new RandomStream(StreamKeys.hash(1, 2, 3));
    long[] counts = new long[20];
    int n = 400_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z = rng.nextGaussian();
      sum += z;
      int bin = 0;
      while (bin < 19 && z >= NORMAL_VIGINTILES[bin]) {
        bin++;
      }
      counts[bin]++;
    }
    double[] p = new double[20];
    java.util.Arrays.fill(p, 0.05);
    ChiSquare.assertFits("nextGaussian in 20 equiprobable bins", counts, p);
    assertEquals(0.0, sum / n, 4 / Math.sqrt(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 1000, 1 << 30})
  void boundedIntegersAreUniform(int bound) {
    RandomStream rng = new RandomStream(StreamKeys.hash(5, bound));
    int bins = Math.min(bound, 50);
    long[] counts = new long[bins];
    for (int i = 0; i < 200_000; i++) {
      int x = rng.nextInt(bound);
      assertTrue(x >= 0 && x < bound);
      counts[(int) ((long) x * bins / bound)]++;
    }
    double[] p = new double[bins];
    for (int b = 0; b < bins; b++) {
      long lo = ((long) b * bound + bins - 1) / bins;
      long hi = ((long) (b + 1) * bound + bins - 1) / bins;
      p[b] = (double) (hi - lo) / bound;
    }
    if (bins > 1) {
      ChiSquare.assertFits("nextInt(" + bound + ")", counts, p);
    }
  }

  @Test
  void aliasTableDrawsZipfWithATailOfSmallBins() {
    int v = 300;
    double[] w = new double[v];
    double total = 0;
    for (int i = 0; i < v; i++) {
      w[i] = 1.0 / Math.pow(i + 1, 1.3);
      total += w[i];
    }
    double[] p = new double[v];
    for (int i = 0; i < v; i++) {
      p[i] = w[i] / total;
    }
    AliasTable table = AliasTable.of(w);
    RandomStream rng = new RandomStream(StreamKeys.hash(8));
    long[] counts = new long[v];
    for (int i = 0; i < 300_000; i++) {
      counts[table.sample(rng)]++;
    }
    ChiSquare.assertFits("alias table, zipf(1.3) over 300", counts, p);
  }

  @Test
  void aliasTableNeverDrawsAZeroWeight() {
    AliasTable table = AliasTable.of(new double[] {0, 3, 0, 1, 0});
    RandomStream rng = new RandomStream(StreamKeys.hash(9));
    long[] counts = new long[5];
    for (int i = 0; i < 100_000; i++) {
      counts[table.sample(rng)]++;
    }
    assertEquals(0, counts[0] + counts[2] + counts[4]);
    ChiSquare.assertFits("alias table with zeros", counts, new double[] {0, 0.75, 0, 0.25, 0});
  }

  @Test
  void streamsOfDifferentPurposesDiffer() {
    long chain = StreamKeys.chainSeed(1, 2, 3);
    assertTrue(
        StreamKeys.stream(chain, 1, StreamPurpose.EXOGENOUS)
            != StreamKeys.stream(chain, 1, StreamPurpose.SYNTHETIC));
    assertTrue(
        StreamKeys.stream(chain, 1, StreamPurpose.EXOGENOUS)
            != StreamKeys.stream(chain, 2, StreamPurpose.EXOGENOUS));
    assertTrue(StreamKeys.chainSeed(1, 2, 3) != StreamKeys.chainSeed(1, 2, 4));
  }
}
