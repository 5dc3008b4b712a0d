package org.collapsesim.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.collapsesim.stats.OrderStatistics;
import org.collapsesim.stats.ReplicateSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The order statistics of one metric's replicate summary over n replicates (the 5%, 50% and 95%
 * quantiles, min and max of a summary.arrow row): {@code selection} finds them as {@link
 * ReplicateSummary#of} does ({@link OrderStatistics}), {@code sorting} by the full sort it
 * replaced; {@code summary} is the whole {@link ReplicateSummary#of} (mean and sd too). Values are
 * differences of uniforms; per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // forks inherit bin/jvm.flags from run-jmh.sh
public class ReplicateSummaryBenchmark {

  @Param({"100", "10000", "1000000"})
  public int n;

  private double[] values;

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(13);
    values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble() - random.nextDouble();
    }
  }

  @Benchmark
  public Double[] selection() {
    OrderStatistics x = new OrderStatistics(values);
    return new Double[] {
      ReplicateSummary.quantile(x, 0.05),
      ReplicateSummary.quantile(x, 0.5),
      ReplicateSummary.quantile(x, 0.95),
      x.get(0),
      x.get(n - 1)
    };
  }

  @Benchmark
  public ReplicateSummary summary() {
    return ReplicateSummary.of(values);
  }

  @Benchmark
  public Double[] sorting() {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Double[] {
      ReplicateSummary.quantileSorted(sorted, 0.05),
      ReplicateSummary.quantileSorted(sorted, 0.5),
      ReplicateSummary.quantileSorted(sorted, 0.95),
      sorted[0],
      sorted[n - 1]
    };
  }
}
