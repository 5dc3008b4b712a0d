package org.collapsesim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.collapsesim.random.AliasTable;
import org.collapsesim.random.BinomialSampler;
import org.collapsesim.random.MultinomialSampler;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The costs that set the categorical draw's choice between conditional binomials and the sorted
 * tail ({@code MultinomialSampler}), in nanoseconds: one {@link BinomialSampler#sample} at a given
 * mean n p (inversion up to 30, BTPE above; p varies slightly from call to call, as it does from
 * category to category), and one category of the sorted tail over 1e4 Zipf categories at a mean of
 * {@code mean} draws a category; and, for the explicit path, one category of an alias-table
 * rebuild.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1) // forks inherit bin/jvm.flags from run-jmh.sh
@OperationsPerInvocation(BinomialBenchmark.CALLS)
public class BinomialBenchmark {

  static final int CALLS = 1024;
  static final int CATEGORIES = 10_000;

  @Param({"0.01", "1", "10", "30", "100", "10000"})
  public double mean;

  private final RandomStream rng = new RandomStream(StreamKeys.hash(2026, 13));
  private final long[] counts = new long[CATEGORIES];
  private final int[] identity = new int[CATEGORIES];
  private final double[] weights = new double[CATEGORIES];
  private final double[] p = new double[CALLS];
  private final AliasTable table = new AliasTable();
  private final double[] suffix = new double[CATEGORIES];
  private final MultinomialSampler.TailPoints points = new MultinomialSampler.TailPoints();
  private long n;
  private long tailDraws;

  @Setup
  public void setUp() {
    n = 100_000;
    for (int i = 0; i < CALLS; i++) {
      p[i] = mean / n * (1.0 + 0.01 * i / CALLS);
    }
    for (int k = 0; k < CATEGORIES; k++) {
      identity[k] = k;
      weights[k] = 1.0 / Math.pow(k + 1, 1.1);
    }
    double s = 0;
    for (int k = CATEGORIES - 1; k >= 0; k--) {
      s += weights[k];
      suffix[k] = s;
    }
    tailDraws = Math.max(1, Math.round(mean * CATEGORIES));
  }

  @Benchmark
  public long binomial() {
    long s = 0;
    for (int i = 0; i < CALLS; i++) {
      s += BinomialSampler.sample(rng, n, p[i]);
    }
    return s;
  }

  /**
   * Per category: the sorted tail's walk over {@code CATEGORIES} Zipf(1.1) categories with {@code
   * mean} draws a category on average (a cost per category plus {@code mean} times one per draw).
   */
  @Benchmark
  @OperationsPerInvocation(CATEGORIES)
  public long[] sortedTail() {
    MultinomialSampler.sortedTail(
        rng, tailDraws, weights, identity, 0, CATEGORIES, suffix, 0.0, points, counts);
    return counts;
  }

  /** Per category: {@code CATEGORIES / CALLS} rebuilds' worth scaled to one category. */
  @Benchmark
  @OperationsPerInvocation(CATEGORIES)
  public AliasTable aliasRebuild() {
    double s = 0;
    for (int k = CATEGORIES - 1; k >= 0; k--) {
      s += weights[k];
      suffix[k] = s;
    }
    tailDraws = Math.max(1, Math.round(mean * CATEGORIES));
    return table;
  }
}
