package org.collapsesim.loop;

import org.collapsesim.random.RandomStream;

/**
 * A family bound to one cell of the grid: its truth built, its parameters resolved. This is the
 * whole contract between {@link GenerationLoop} and a family; the loop never looks inside the three
 * types it carries:
 *
 * <ul>
 *   <li>{@code B}, a batch of raw samples (primitive arrays, growable), a {@link SampleBatch};
 *   <li>{@code S}, mutable sufficient statistics of a batch, mergeable, from which the estimator
 *       fits (so {@code accumulate} keeps statistics, not raw samples);
 *   <li>{@code M}, a fitted model; it may hold per-chain scratch (an alias table, a Cholesky
 *       factor), since a model belongs to one chain.
 * </ul>
 *
 * <p>A CellModel is immutable and shared by every replicate of the cell, possibly across threads.
 */
public interface CellModel<B extends SampleBatch<B>, S, M> {

  /** The metrics this family computes, in the order {@link #metrics} writes them. */
  java.util.List<String> metricNames();

  /** A new empty batch with room for {@code capacity} samples (it grows when needed). */
  B newBatch(int capacity);

  /**
   * Whether sample i of a generation is tied to position i (linreg: design row i), so that which
   * positions each source takes matters (README, Anchoring mechanisms). The loop then draws that
   * partition from the MIXING stream and hands it over with {@link #assignPositions} before drawing
   * D_new.
   */
  default boolean positional() {
    return false;
  }

  /**
   * For a {@link #positional} family: the j-th sample appended to the empty {@code batch} takes
   * position {@code positions[j]} (the exogenous part first, then the synthetic part). Called
   * before every explicit draw of D_new from generation 1 on; generation 0 takes positions 0..M-1
   * in order.
   */
  default void assignPositions(B batch, int[] positions) {}

  /** For a {@link #positional} family: the position sample {@code index} of {@code batch} took. */
  default int positionOf(B batch, int index) {
    return index;
  }

  /**
   * Appends {@code n} samples of the truth P*. A family that splits a large draw into blocks of a
   * fixed size, each with its own substream ({@link org.collapsesim.random.StreamKeys#block}), runs
   * them on {@code blocks}; the result must not depend on {@code blocks}.
   */
  void drawTruth(RandomStream rng, int n, B out, BlockRunner blocks);

  /**
   * Appends {@code n} samples of the decoded model (decoding applied here, never to metrics), in
   * blocks as {@link #drawTruth}.
   */
  void drawModel(M model, RandomStream rng, int n, B out, BlockRunner blocks);

  /**
   * Whether this family draws sufficient statistics directly ({@link #drawTruthStats}, {@link
   * #drawModelStats}), distributed exactly as {@link #statsOf} of the explicit draws.
   */
  default boolean hasExactPath() {
    return false;
  }

  /**
   * Overwrites {@code out} with the statistics of {@code n} samples of P*, drawn exactly, in blocks
   * as {@link #drawTruth}.
   */
  default void drawTruthStats(RandomStream rng, int n, S out, BlockRunner blocks) {
    throw new UnsupportedOperationException("no exact sampling path");
  }

  /**
   * Overwrites {@code out} with the statistics of {@code n} samples of the decoded model, drawn
   * exactly, in blocks as {@link #drawTruth}.
   */
  default void drawModelStats(M model, RandomStream rng, int n, S out, BlockRunner blocks) {
    throw new UnsupportedOperationException("no exact sampling path");
  }

  /** New, empty statistics (count 0). */
  S newStats();

  /**
   * Statistics equal to new ones ({@link #newStats}) made from {@code used}, statistics of this
   * cell that a finished chain no longer holds, reusing their storage; or null (the default) to
   * have new ones made instead. For families whose statistics are large: a categorical chain at V =
   * 1e6 holds four dense count arrays of 8 MB, which a thread's next chain of the cell would
   * otherwise allocate, zero and fault in again ({@link GenerationLoop}).
   */
  default S recycleStats(S used) {
    return null;
  }

  /**
   * A model whose storage a new chain's first fit may reuse ({@code recycle} of {@link #fit}), made
   * from {@code used}, the last model of a finished chain of this cell; or null (the default) to
   * have the fit make a new one. Only for families whose fit gives the same model whatever the
   * recycled one held (an estimator that starts from the previous model, as EM could, must not):
   * the categorical family's model is 24 MB at V = 1e6 ({@link GenerationLoop}).
   */
  default M recycleModel(M used) {
    return null;
  }

  /** Overwrites {@code out} with the statistics of {@code batch}. */
  void statsOf(B batch, S out);

  /** {@code into <- into (+) other}: the statistics of the union. */
  void merge(S into, S other);

  /** {@code to <- from}. */
  void copy(S from, S to);

  /** Samples summarized by {@code stats}: the training size. */
  long count(S stats);

  /**
   * Fits the family's estimator to {@code stats}. {@code recycle} is a model of the same chain that
   * is no longer needed (or null); its storage may be reused. {@code fitStream} is the chain's FIT
   * stream of this generation, for estimators with their own randomness (EM's seeded
   * initialization); a deterministic estimator ignores it.
   */
  M fit(S stats, M recycle, RandomStream fitStream);

  /**
   * Writes every metric of {@code model} against the truth into {@code out} (length {@link
   * #metricNames()}.size()). Values may be +/-Infinity where mathematics says so, never NaN. {@code
   * metricStream} is the chain's METRIC stream of this generation, for Monte Carlo metrics; a
   * closed-form metric ignores it.
   */
  void metrics(M model, double[] out, RandomStream metricStream);

  /**
   * Closed-form expectations of the metrics for this cell under {@code settings}, from
   * docs/theory.md: {@code [metric][generation]}, with a null row where no closed form applies.
   */
  double[][] theory(ChainSettings settings);

  /**
   * The value each metric takes on the truth itself, indexed like {@link #metricNames()}: for the
   * metrics that are levels ({@link org.collapsesim.config.MetricDefinition.Better#TRUTH}), the
   * level a model equal to P* would show (H(P*) for an entropy, 1 for a variance ratio); NaN for
   * the others. The report ranks a level metric by its distance to this value. The default: no
   * level metrics.
   */
  default double[] truthValues() {
    double[] out = new double[metricNames().size()];
    java.util.Arrays.fill(out, Double.NaN);
    return out;
  }

  /** The family's default collapse rule, with its threshold resolved against this cell's truth. */
  CollapseCriterion defaultCollapse();

  // The anchoring mechanisms (docs/theory.md). A family implements those its parameters allow;
  // validation never binds a mechanism to a family that lacks it.

  /**
   * Appends {@code n} samples of the family's entropy reservoir, a high-entropy source that is not
   * the truth, split into blocks as {@link #drawTruth(RandomStream, int, Object, BlockRunner)}.
   */
  default void drawReservoir(RandomStream rng, int n, B out, BlockRunner blocks) {
    throw new UnsupportedOperationException("no reservoir for this family");
  }

  /** Overwrites {@code out} with the statistics of {@code n} reservoir samples, drawn exactly. */
  default void drawReservoirStats(RandomStream rng, int n, S out, BlockRunner blocks) {
    throw new UnsupportedOperationException("no exact reservoir for this family");
  }

  /**
   * The verifier's correctness predicate: whether sample {@code index} of {@code batch} is right.
   */
  default boolean correct(B batch, int index) {
    throw new UnsupportedOperationException("no verifier for this family");
  }

  /**
   * Whether the verifier has an exact path here: {@link #thinStats} keeps each sample of a
   * statistics object independently, with its acceptance probability, without the samples.
   */
  default boolean thinsStats() {
    return false;
  }

  /**
   * The verifier's exact path without refill (binomial thinning): replaces {@code stats} by the
   * statistics of the samples kept when each is kept independently with probability {@code
   * acceptCorrect} if {@link #correct}, else {@code acceptIncorrect}, drawn from {@code coins}.
   */
  default void thinStats(
      S stats, double acceptCorrect, double acceptIncorrect, RandomStream coins) {
    throw new UnsupportedOperationException("no exact verifier for this family");
  }

  /**
   * The weighted real/synthetic fit: the exogenous part carries total weight {@code weight}, the
   * rest {@code 1 - weight}, each spread evenly over its samples (both parts non-empty); {@code
   * fitStream} as in {@link #fit}.
   */
  default M fitWeighted(S exogenous, S rest, double weight, M recycle, RandomStream fitStream) {
    throw new UnsupportedOperationException("no real-data weighting for this family");
  }
}
