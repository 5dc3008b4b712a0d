package org.collapsesim.random;

import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.Mechanisms;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.loop.GenerationLoop;

/**
 * The one fixture that proves, for any family with an exact path, that the explicit path (raw
 * samples) and the exact path (sufficient statistics drawn directly) give the same distribution of
 * a generation's metrics (the generation loop (docs/architecture.md)): R chains per path, on
 * disjoint replicate seeds so the two samples are independent, then a two-sample Kolmogorov-Smirnov
 * test per metric at alpha = 1e-4 ({@link TwoSampleKs}).
 */
public final class SamplingPathFixture {

  private SamplingPathFixture() {}

  /** values[path][replicate][metric] at generation {@code generation} of cell 0 of {@code yaml}. */
  public static double[][][] run(String yaml, int replicates, int generation) {
    SweepConfig config = ChainRunner.parse(yaml);
    CellSpec cell = config.cells().get(0);
    CellModel<?, ?, ?> model = Families.of(cell.family()).bind(cell, config.seed());
    double[][][] out = new double[2][replicates][];
    String[] paths = {"explicit", "exact"};
    for (int path = 0; path < 2; path++) {
      ChainSettings settings = Mechanisms.settings(cell, generation, 1, paths[path]);
      if (settings.exactPath(model.hasExactPath()) != (path == 1)) {
        throw new AssertionError("path " + paths[path] + " did not resolve as requested");
      }
      CollapseCriterion never =
          new CollapseCriterion(model.metricNames().get(0), 0, true, Double.NEGATIVE_INFINITY);
      for (int r = 0; r < replicates; r++) {
        long seed = StreamKeys.chainSeed(config.seed(), cell.worldKey(), path * replicates + r);
        double[][] last = new double[1][];
        GenerationLoop.run(
            model,
            settings,
            seed,
            never,
            (t, alpha, nTrain, metrics) -> {
              if (t == generation) {
                last[0] = metrics.clone();
              }
            },
            BlockRunner.SEQUENTIAL);
        out[path][r] = last[0];
      }
    }
    return out;
  }

  /** Asserts the same distribution of each named metric on both paths. */
  public static void assertPathsAgree(
      String yaml, int replicates, int generation, String... metrics) {
    SweepConfig config = ChainRunner.parse(yaml);
    CellSpec cell = config.cells().get(0);
    java.util.List<String> names =
        Families.of(cell.family()).bind(cell, config.seed()).metricNames();
    double[][][] values = run(yaml, replicates, generation);
    for (String metric : metrics) {
      int m = names.indexOf(metric);
      double[] explicit = new double[replicates];
      double[] exact = new double[replicates];
      for (int r = 0; r < replicates; r++) {
        explicit[r] = values[0][r][m];
        exact[r] = values[1][r][m];
      }
      TwoSampleKs.assertSameDistribution(metric + " at generation " + generation, explicit, exact);
    }
  }
}
