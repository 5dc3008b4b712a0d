package org.collapsesim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.collapsesim.kernel.KernelSupport;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.math.DetMath;
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
 * The entropy / Gini-Simpson / KL both ways / TV / support / extinct pass over a vocabulary, per
 * call (divide by V for ns per category), scalar and vector twins; a plain sum over p is the
 * baseline (memory bandwidth).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // forks inherit bin/jvm.flags from run-jmh.sh
public class CategoricalPassBenchmark {

  @Param({"10007", "1000003"})
  public int v;

  @Param({"scalar", "vector"})
  public String twin;

  private KernelSupport kernels;
  private double[] p;
  private double[] pStar;
  private double[] logStar;
  private long[] counts;
  private final double[] out = new double[KernelSupport.CATEGORICAL_SLOTS];

  @Setup(Level.Trial)
  public void setUp() {
    kernels = "vector".equals(twin) ? Kernels.vectorOrNull() : Kernels.scalar();
    RandomStream rng = new RandomStream(System.nanoTime());
    p = new double[v];
    pStar = new double[v];
    logStar = new double[v];
    counts = new long[v];
    double zs = 0;
    long total = 0;
    for (int i = 0; i < v; i++) {
      pStar[i] = DetMath.exp(-1.1 * DetMath.log(i + 1.0));
      zs += pStar[i];
      counts[i] = rng.nextDouble() < 0.4 ? 0 : 1 + rng.nextInt(50);
      total += counts[i];
    }
    for (int i = 0; i < v; i++) {
      pStar[i] /= zs;
      logStar[i] = DetMath.log(pStar[i]);
      p[i] = (double) counts[i] / total;
    }
  }

  @Benchmark
  public double[] pass() {
    kernels.categoricalPass(p, pStar, logStar, counts, v, 0.5, DetMath.log(v * 30.0), out);
    return out;
  }

  @Benchmark
  public double baselineSum() {
    return kernels.sum(p, v);
  }
}
