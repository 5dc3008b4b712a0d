package org.collapsesim.kernel;

/**
 * The hot kernels of the simulator, in two twins that give identical bits (README, Random streams
 * and determinism): {@link ScalarKernels} and {@code VectorKernels} (jdk.incubator.vector). {@link
 * Kernels} picks one at start-up. Floating-point reductions use {@value #LANES} logical lanes:
 * element i goes to accumulator i mod 8, and the accumulators combine as ((a0 + a1) + (a2 + a3)) +
 * ((a4 + a5) + (a6 + a7)), whatever the hardware vector width. Logarithms are {@link
 * org.collapsesim.math.DetMath#log} (fdlibm), evaluated lane by lane with the same operations by
 * the vector twin. Kernels trust their arguments (validated at the door).
 */
public interface KernelSupport {

  /** Logical lanes of every floating-point reduction. */
  int LANES = 8;

  /** Slots of {@link #categoricalPass}'s output. */
  int ENTROPY = 0;

  int SQUARES = 1;
  int KL_TRUE_MODEL = 2;
  int KL_MODEL_TRUE = 3;
  int L1 = 4;
  int SUPPORT = 5;
  int EXTINCT = 6;
  int CATEGORICAL_SLOTS = 7;

  /** "scalar" or "vector". */
  String name();

  /**
   * {@code out[i] = SplitMix64.word(key, start + i)}, i &lt; n: a stream's words from a position.
   */
  void randomWords(long key, long start, long[] out, int n);

  /**
   * {@code out[i]} = the open uniform of word {@code start + i}: ((w &gt;&gt;&gt; 11) + 0.5) 2^-53.
   */
  void openUniforms(long key, long start, double[] out, int n);

  /**
   * {@code out[offset + i]} = standard normal deviate {@code start + i} of stream {@code key} by
   * the ziggurat ({@link org.collapsesim.random.ZigguratNormal#deviate}), i &lt; n: a function of
   * (key, start + i) alone, exactly the deviates {@link
   * org.collapsesim.random.RandomStream#nextGaussian} gives from that position (one word each).
   */
  void gaussians(long key, long start, double[] out, int offset, int n);

  /** Sum of x[0..n) in the fixed 8-lane order. */
  double sum(double[] x, int n);

  /** Sum of (x[i] - c)^2, i &lt; n, in the fixed 8-lane order. */
  double sumSquaredDeviations(double[] x, int n, double c);

  /**
   * One pass over a vocabulary for the categorical metrics (README, Families and metrics), into
   * {@code out} at the slot constants: entropy -sum p ln p; sum p^2; KL(P* || smoothed model) with
   * the smoothed model (c + eps) / (N + V eps) given by {@code eps} and {@code
   * logSmoothedDenominator}, over p* &gt; 0; KL(P || P*) (+Infinity where p &gt; 0 = p*); L1
   * distance; support (c &gt; 0); extinct (p* &gt; 0, c = 0).
   *
   * @param logStar ln p* (-Infinity where p* = 0)
   */
  void categoricalPass(
      double[] p,
      double[] pStar,
      double[] logStar,
      long[] counts,
      int n,
      double eps,
      double logSmoothedDenominator,
      double[] out);
}
