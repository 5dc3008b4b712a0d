package org.collapsesim.family.categorical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.random.RandomStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The maximum-likelihood fit into a recycled model (the loop keeps one a chain, and passes a
 * finished chain's to the thread's next chain of the cell through {@link
 * CategoricalCell#recycleModel}) equals a fit into a fresh one exactly, whichever way it writes:
 * clearing the previous counted categories and writing the new ones when few are counted, or a pass
 * over all V; also after a weighted fit, which writes every category. A sparse refit that left a
 * category of the previous fit standing, or a stale counted list, fails here.
 */
class CategoricalRefitTest {

  private static final int V = 1000;

  @ParameterizedTest(name = "across chains: {0}")
  @ValueSource(booleans = {false, true})
  void refitInPlaceEqualsAFreshFit(boolean acrossChains) throws Exception {
    SweepConfig config =
        ConfigLoader.parse(
            Families.catalogue(),
            "name: m\nseed: 5\nreplicates: 1\ngenerations: 1\nfamily: categorical\n"
                + "params: {model_size: "
                + V
                + ", samples: 10, truth.exponent: 1.1}\n",
            null,
            List.of());
    CategoricalCell cell =
        (CategoricalCell) Families.of("categorical").bind(config.cells().get(0), config.seed());
    CountStats few = draw(cell, 40, 1); // ~30 categories: sparse refits
    CountStats others = draw(cell, 25, 2); // mostly other categories than those of few
    CountStats many = draw(cell, 100_000, 3); // every category: a dense refit

    CategoricalModel model = cell.fit(few, null, new RandomStream(0));
    assertSameAsFresh(cell, few, model);
    model =
        cell.fit(
            others,
            reuse(cell, model, acrossChains),
            new RandomStream(0)); // sparse: clears few's categories
    assertSameAsFresh(cell, others, model);
    model = cell.fit(many, reuse(cell, model, acrossChains), new RandomStream(0)); // dense
    assertSameAsFresh(cell, many, model);
    model =
        cell.fit(
            few,
            reuse(cell, model, acrossChains),
            new RandomStream(0)); // dense: V categories counted before
    assertSameAsFresh(cell, few, model);
    model =
        cell.fitWeighted(many, others, 0.3, reuse(cell, model, acrossChains), new RandomStream(0));
    model =
        cell.fit(
            others,
            reuse(cell, model, acrossChains),
            new RandomStream(0)); // dense after the weighted fit
    assertSameAsFresh(cell, others, model);
    model = cell.fit(few, reuse(cell, model, acrossChains), new RandomStream(0)); // sparse again
    assertSameAsFresh(cell, few, model);
  }

  /** The model to refit into: the chain's own, or as the next chain of the cell gets it. */
  private static CategoricalModel reuse(
      CategoricalCell cell, CategoricalModel model, boolean acrossChains) {
    return acrossChains ? cell.recycleModel(model) : model;
  }

  private static CountStats draw(CategoricalCell cell, int n, long key) {
    CountStats stats = cell.newStats();
    cell.drawTruthStats(new RandomStream(key), n, stats, BlockRunner.SEQUENTIAL);
    return stats;
  }

  private static void assertSameAsFresh(
      CategoricalCell cell, CountStats stats, CategoricalModel refitted) {
    CategoricalModel fresh = cell.fit(stats, null, new RandomStream(0));
    assertEquals(fresh.total, refitted.total, "total");
    assertArrayEquals(fresh.counts, refitted.counts, "counts");
    assertArrayEquals(fresh.p, refitted.p, "p"); // exact: the same quotients, zeros elsewhere
    assertEquals(fresh.countedSize, refitted.countedSize, "number of counted categories");
    assertArrayEquals(
        Arrays.copyOf(fresh.counted, fresh.countedSize),
        Arrays.copyOf(refitted.counted, refitted.countedSize),
        "counted categories");
    double[] a = new double[cell.metricNames().size()];
    double[] b = new double[a.length];
    cell.metrics(fresh, a, new RandomStream(0));
    cell.metrics(refitted, b, new RandomStream(0));
    assertArrayEquals(a, b, "metrics");
  }
}
