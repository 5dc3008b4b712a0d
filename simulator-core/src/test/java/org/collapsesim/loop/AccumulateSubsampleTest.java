package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.random.ChiSquare;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * accumulate-subsample: once the union of all data ever generated outgrows M, the training set is M
 * samples drawn uniformly without replacement from it. The family here labels every sample it draws
 * with a unique number and records what each fit sees, so the subsample is observed directly: it
 * holds M distinct samples of the union, and over many chains every M-subset of the 2M samples of
 * generation 1 is equally likely (a chi-square over all C(2M, M) subsets, false failure about
 * 1e-4).
 */
class AccumulateSubsampleTest {

  private static final int M = 4;

  /** Samples are numbers; statistics are the samples themselves; the model is what was fit. */
  private static final class Labelled implements SampleBatch<Labelled> {
    int[] ids = new int[8];
    int size;

    @Override
    public int size() {
      return size;
    }

    @Override
    public void clear() {
      size = 0;
    }

    @Override
    public void append(Labelled from, int index) {
      add(from.ids[index]);
    }

    void add(int id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }

    int[] values() {
      return Arrays.copyOf(ids, size);
    }
  }

  /** Draws fresh labels (generation order) and records every training set it fits. */
  private static final class LabellingFamily implements CellModel<Labelled, Labelled, int[]> {
    private int next;
    final List<int[]> fits = new ArrayList<>();

    @Override
    public List<String> metricNames() {
      return List.of("n");
    }

    @Override
    public Labelled newBatch(int capacity) {
      return new Labelled();
    }

    @Override
    public void drawTruth(RandomStream rng, int n, Labelled out, BlockRunner blocks) {
      for (int i = 0; i < n; i++) {
        out.add(next++);
      }
    }

    @Override
    public void drawModel(int[] model, RandomStream rng, int n, Labelled out, BlockRunner blocks) {
      drawTruth(rng, n, out, blocks);
    }

    @Override
    public Labelled newStats() {
      return new Labelled();
    }

    @Override
    public void statsOf(Labelled batch, Labelled out) {
      out.clear();
      for (int i = 0; i < batch.size; i++) {
        out.append(batch, i);
      }
    }

    @Override
    public void merge(Labelled into, Labelled other) {
      for (int i = 0; i < other.size; i++) {
        into.append(other, i);
      }
    }

    @Override
    public void copy(Labelled from, Labelled to) {
      statsOf(from, to);
    }

    @Override
    public long count(Labelled stats) {
      return stats.size;
    }

    @Override
    public int[] fit(Labelled stats, int[] recycle, RandomStream fitStream) {
      int[] seen = stats.values();
      fits.add(seen);
      return seen;
    }

    @Override
    public void metrics(int[] model, double[] out, RandomStream metricStream) {
      out[0] = model.length;
    }

    @Override
    public double[][] theory(ChainSettings settings) {
      return new double[1][];
    }

    @Override
    public CollapseCriterion defaultCollapse() {
      return new CollapseCriterion("n", 0, true, Double.NEGATIVE_INFINITY);
    }
  }

  private static List<int[]> fits(long chainSeed, int generations) {
    ChainSettings settings =
        new ChainSettings(
            M,
            generations,
            List.of(new ExogenousSource(new ExogenousSchedule.Constant(0.0), false)),
            List.of(),
            Mixing.COUNT,
            Regime.ACCUMULATE_SUBSAMPLE,
            1,
            1,
            ChainSettings.Sampling.EXPLICIT);
    LabellingFamily family = new LabellingFamily();
    GenerationLoop.run(
        family,
        settings,
        chainSeed,
        family.defaultCollapse(),
        (t, alpha, nTrain, values) -> {},
        BlockRunner.SEQUENTIAL);
    return family.fits;
  }

  @Test
  void eachGenerationTrainsOnMDistinctSamplesOfTheUnion() {
    for (long seed = 0; seed < 50; seed++) {
      List<int[]> fits = fits(seed, 6);
      assertEquals(7, fits.size(), "one fit per generation");
      assertArrayEquals(new int[] {0, 1, 2, 3}, fits.get(0), "generation 0 fits D_0");
      for (int t = 1; t <= 6; t++) {
        int[] seen = fits.get(t).clone();
        assertEquals(M, seen.length, "n_train = M once the union is larger");
        Arrays.sort(seen);
        for (int i = 0; i < M; i++) {
          assertTrue(seen[i] >= 0 && seen[i] < M * (t + 1), "from the union of D_0..D_t");
          assertTrue(i == 0 || seen[i] > seen[i - 1], "without replacement: " + seen[i]);
        }
      }
    }
  }

  @Test
  void everySubsetOfTheUnionIsEquallyLikely() {
    // generation 1: the union is labels 0..2M-1; C(8, 4) = 70 subsets, 200 expected of each
    Map<Integer, Integer> subsetIndex = new HashMap<>();
    for (int mask = 0; mask < 1 << (2 * M); mask++) {
      if (Integer.bitCount(mask) == M) {
        subsetIndex.put(mask, subsetIndex.size());
      }
    }
    int chains = 200 * subsetIndex.size();
    long[] observed = new long[subsetIndex.size()];
    for (int c = 0; c < chains; c++) {
      int mask = 0;
      for (int id : fits(1000L + c, 1).get(1)) {
        mask |= 1 << id;
      }
      observed[subsetIndex.get(mask)]++;
    }
    double[] uniform = new double[observed.length];
    Arrays.fill(uniform, 1.0 / observed.length);
    ChiSquare.assertFits("accumulate-subsample subsets of generation 1", observed, uniform);
  }
}
