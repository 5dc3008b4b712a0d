package org.collapsesim.loop;

import java.util.List;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;

/**
 * A source of D_new other than the synthetic part: the exogenous data (fresh or the fixed anchor),
 * the reservoir and the program anchor. Sources are values of {@link ChainSettings}, in the order
 * their parts are drawn (exogenous, reservoir, program; the synthetic part is the rest).
 *
 * <p>For generations t >= 1 source k takes its effective fraction f_k(t) of the M samples: {@link
 * #fraction}(t) while its part is {@link Part#on on} at t, else 0 (a gated anchor hands its share
 * to the synthetic part). Under count mixing with F_k the sum of the first k effective fractions,
 * floor(F_k M + 0.5) - floor(F_{k-1} M + 0.5) samples; under per-sample mixing each sample's source
 * is drawn against the same cumulative sums, so a coin that would have chosen a source that is off
 * falls through to the next one or to the synthetic part (see {@link GenerationLoop}). Its draws
 * come from its own stream {@link #purpose()}, so cells that differ only in mechanism keep common
 * random numbers.
 *
 * <p>A part that adapts to the data (the program anchor's refits) {@link #observes} the chain:
 * after each generation's fit it sees the new exogenous samples and the training data ({@link
 * Part#observe}). The data flow one way: the loop hands data to the part; the part only decides
 * what it draws next and whether it is on.
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
   * Whether its part needs {@link Part#observe} (the loop then keeps the statistics of each
   * generation's exogenous part apart); false by default.
   */
  default boolean observes() {
    return false;
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

    /**
     * Whether the part draws at generation {@code t} >= 1, asked before the generation is
     * partitioned; when false its fraction is 0 that generation. Always on by default.
     */
    default boolean on(int t) {
      return true;
    }

    /**
     * Sees generation {@code t}'s data after th_t is fit, for t = 0..G in order (only for a source
     * that {@link Source#observes}). Neither argument may be kept: the loop reuses them.
     *
     * @param exogenous the statistics of the exogenous samples that arrived at t (D_0 at t = 0), or
     *     null when none did (alpha_t gave none, or the fixed anchor reused D_0's)
     * @param training the statistics th_t was fit on, D_t (count 0 if a filter left nothing)
     */
    default void observe(int t, S exogenous, S training) {}

    /** Appends {@code n} samples of this source to {@code out}. */
    void draw(RandomStream rng, int n, B out, BlockRunner blocks);

    /** Overwrites {@code out} with the statistics of {@code n} samples, drawn exactly. */
    default void drawStats(RandomStream rng, int n, S out, BlockRunner blocks) {
      throw new UnsupportedOperationException("no exact sampling path");
    }

    /**
     * Writes this generation's diagnostics at {@code out[at..]}, NaN where a value is null; called
     * after every generation t >= 1 (after its fit, before {@link #observe}).
     */
    default void diagnose(double[] out, int at) {}

    /**
     * {@link #diagnose(double[], int)} for generation {@code t}, called for every t = 0..G; at t =
     * 0 (after {@link #observe}(0), nothing drawn) the slots hold NaN and a part writes only what
     * means something before any draw (the program anchor: the program fit on D_0). By default
     * generation 0 stays null.
     */
    default void diagnose(double[] out, int at, int t) {
      if (t > 0) {
        diagnose(out, at);
      }
    }
  }
}
