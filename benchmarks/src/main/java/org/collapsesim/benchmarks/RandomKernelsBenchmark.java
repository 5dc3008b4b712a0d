package org.collapsesim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.collapsesim.kernel.KernelSupport;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.SplitMix64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The random-stream kernels per element: 64-bit words, open uniforms and ziggurat Gaussians, scalar
 * and vector twins of the same call, plus two baselines: RandomStream.nextLong, and the former
 * Gaussian generator (AS241 inversion of an open uniform, scalar) for comparison. Results in
 * elements per microsecond (x 1e6 = per second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // forks inherit bin/jvm.flags from run-jmh.sh
@OperationsPerInvocation(RandomKernelsBenchmark.N)
public class RandomKernelsBenchmark {

  static final int N = 4099; // odd: exercises the tails

  @Param({"scalar", "vector"})
  public String twin;

  private KernelSupport kernels;
  private long[] words;
  private double[] doubles;
  private long key;
  private long start;

  @Setup(Level.Trial)
  public void setUp() {
    kernels = "vector".equals(twin) ? Kernels.vectorOrNull() : Kernels.scalar();
    if (kernels == null) {
      throw new IllegalStateException("vector twin unavailable: " + Kernels.vectorUnusableReason());
    }
    words = new long[N];
    doubles = new double[N];
    key = System.nanoTime();
  }

  @Benchmark
  public long[] words() {
    kernels.randomWords(key, start, words, N);
    start += N;
    return words;
  }

  @Benchmark
  public double[] openUniforms() {
    kernels.openUniforms(key, start, doubles, N);
    start += N;
    return doubles;
  }

  @Benchmark
  public double[] gaussians() {
    kernels.gaussians(key, start, doubles, 0, N);
    start += N;
    return doubles;
  }

  /**
   * Baseline: the former generator, AS241 of each open uniform (scalar; independent of the twin).
   */
  @Benchmark
  public double[] baselineAs241Gaussians() {
    for (int i = 0; i < N; i++) {
      doubles[i] =
          DetMath.normalQuantile(((SplitMix64.word(key, start + i) >>> 11) + 0.5) * 0x1.0p-53);
    }
    start += N;
    return doubles;
  }

  /** Baseline: the scalar stream one word at a time (independent of the twin parameter). */
  @Benchmark
  public long baselineStreamNextLong() {
    RandomStream rng = new RandomStream(key + start++);
    long x = 0;
    for (int i = 0; i < N; i++) {
      x ^= rng.nextLong();
    }
    return x;
  }
}
