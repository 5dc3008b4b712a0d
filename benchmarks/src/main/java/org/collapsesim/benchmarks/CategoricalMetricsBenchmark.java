package org.collapsesim.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.SampleBatch;
import org.collapsesim.random.RandomStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The categorical family's whole metric step as a chain runs it (entropy, Gini-Simpson, KL both
 * ways, TV, support, tail mass, extinct) on a maximum-likelihood model fitted to M = V draws of
 * zipf(1.1): the pass over the counted categories plus the truth's totals for the dead ones. Per
 * call; divide by V for the cost per category of the vocabulary.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // forks inherit bin/jvm.flags from run-jmh.sh
public class CategoricalMetricsBenchmark {

  @Param({"10007", "1000003"})
  public int v;

  private Runnable metrics;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SweepConfig config =
        ConfigLoader.parse(
            Families.catalogue(),
            "name: bench\nseed: 1\nreplicates: 1\ngenerations: 1\n"
                + "family: categorical\nparams: {model_size: "
                + v
                + ", samples: "
                + v
                + "}\n",
            null,
            List.of());
    CellSpec spec = config.cells().get(0);
    metrics =
        fitted(
            Families.of(spec.family()).bind(spec, config.seed()),
            new RandomStream(System.nanoTime()));
  }

  private <B extends SampleBatch<B>, S, M> Runnable fitted(
      CellModel<B, S, M> cell, RandomStream rng) {
    S stats = cell.newStats();
    cell.drawTruthStats(rng, v, stats, BlockRunner.SEQUENTIAL);
    M model = cell.fit(stats, null, new RandomStream(0));
    double[] out = new double[cell.metricNames().size()];
    return () -> cell.metrics(model, out, new RandomStream(0));
  }

  @Benchmark
  public Runnable metrics() {
    metrics.run();
    return metrics;
  }
}
