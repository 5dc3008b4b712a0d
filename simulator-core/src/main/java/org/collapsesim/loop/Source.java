package org.collapsesim.loop;

import java.util.List;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;

/**
 * A source of D_new other than the synthetic part: the exogenous data (fresh or the fixed anchor),
 * and later the reservoir and program anchors. Sources are values of {@link ChainSettings}, in the
 * order their parts are drawn (exogenous, reservoir, program; the synthetic part is the rest).
 *
 * <p>For generations t >= 1 source k takes the fraction {@link #fraction}(t) of the M samples:
 * under count mixing with F_k the sum of the first k fractions, floor(F_k M + 0.5) - floor(F_{k-1}
 * M + 0.5) samples; under per-sample mixing each sample's source is drawn (see {@link
 * GenerationLoop}). Its draws come from its own stream {@link #purpose()}, so cells that differ
 * only in mechanism keep common random numbers.
 *
 * <p>A source is immutable and shared by every chain of a cell; {@link #open} gives the per-chain
 * part that draws.
 */
public interface Source {

  /**
   * The mechanism's name, as the supported sets of the theories list it (e.g. {@code exogenous},
   * {@code fixed_anchor}).
   */
  String mechanism();

  /** Its fraction of generation {@code t}'s samples, t >= 1. */
  double fraction(int t);

  /** The stream its draws come from. */
  StreamPurpose purpose();

  /**
   * Whether its part can be drawn as sufficient statistics ({@link Part#drawStats}) when the family
   * has an exact path; a source that replays raw samples cannot.
   */
  boolean hasExactPath();

  /**
   * The names of the per-generation diagnostics it records (nullable values, recorded and
   * summarised like metrics after the family's metrics); none by default.
   */
  default List<String> diagnostics() {
    return List.of();
  }

  /**
   * The per-chain part of this source, opened after generation 0 with the chain's D_0 ({@code
   * firstData}, empty on the exact path); it may copy what it keeps.
   */
  <B extends SampleBatch<B>, S, M> Part<B, S> open(CellModel<B, S, M> family, B firstData);

  /**
   * The drawing side of a source in one chain.
   *
   * @param <B> the family's batch
   * @param <S> the family's statistics
   */
  interface Part<B, S> {

    /** Appends {@code n} samples of this source to {@code out}. */
    void draw(RandomStream rng, int n, B out, BlockRunner blocks);

    /** Overwrites {@code out} with the statistics of {@code n} samples, drawn exactly. */
    default void drawStats(RandomStream rng, int n, S out, BlockRunner blocks) {
      throw new UnsupportedOperationException("no exact sampling path");
    }

    /**
     * Writes this generation's diagnostics at {@code out[at..]}, NaN where a value is null; called
     * after every generation t >= 1 that drew from the source.
     */
    default void diagnose(double[] out, int at) {}
  }
}
