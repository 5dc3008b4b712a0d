package org.collapsesim.loop;

import java.util.List;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.StreamPurpose;

/**
 * A filter on the synthetic part of D_new (later the verifier): it sees the synthetic candidates of
 * a generation, in draw order, and keeps some of them; rejected samples are not replaced unless the
 * filter draws more itself, and the training size is recorded as n_train. Filters run in the order
 * {@link ChainSettings#filters()} lists them, each with its own stream {@link #purpose()}.
 *
 * <p>A filter is immutable and shared by every chain of a cell; {@link #open} gives the per-chain
 * part. A chain with filters takes the explicit path (raw samples).
 */
public interface Filter {

  /**
   * The mechanism's name, as the supported sets of the theories list it (e.g. {@code verifier}).
   */
  String mechanism();

  /** The stream of its own draws (the accept/reject coins). */
  StreamPurpose purpose();

  /** The names of its per-generation diagnostics (nullable), recorded after the metrics. */
  default List<String> diagnostics() {
    return List.of();
  }

  /**
   * Further synthetic candidates for a filter that refills: round r >= 1 appends {@code n} draws of
   * the model from the r-th refill substream of the generation's SYNTHETIC stream. For a {@link
   * CellModel#positional} family {@code positions} names the positions the n draws take (the rows a
   * verifier rejected, relabelled); null otherwise.
   *
   * @param <B> the family's batch
   */
  @FunctionalInterface
  interface MoreCandidates<B> {
    void draw(int round, int n, B out, int[] positions);

    /**
     * The loop's refills: round r draws from the substream -r of the generation's SYNTHETIC stream
     * {@code synthetic} (a key no block uses); a positional family's draws take the rows given.
     */
    static <B extends SampleBatch<B>, S, M> MoreCandidates<B> of(
        CellModel<B, S, M> family, M model, RandomStream synthetic, BlockRunner blocks) {
      return (round, count, out, rows) -> {
        if (rows != null) {
          family.assignPositions(out, rows);
        }
        family.drawModel(
            model, new RandomStream(StreamKeys.block(synthetic.key(), -round)), count, out, blocks);
      };
    }
  }

  /**
   * Whether it has an exact path (it can act on a generation's statistics through {@link
   * Part#filterStats} where the family {@link CellModel#thinsStats}); none by default.
   */
  default boolean hasExactPath() {
    return false;
  }

  /** The per-chain part of this filter. */
  <B extends SampleBatch<B>, S, M> Part<B> open(CellModel<B, S, M> family);

  /**
   * The filtering side of a filter in one chain.
   *
   * @param <B> the family's batch
   */
  interface Part<B> {

    /**
     * Appends to {@code kept} the candidates it accepts, in order ({@code kept} may already hold
     * samples: the loop's D_new, for the last filter).
     */
    void filter(RandomStream rng, B candidates, B kept);

    /**
     * {@link #filter(RandomStream, Object, Object)} for a filter that may draw further candidates
     * from {@code more} (a refilling verifier); by default it does not.
     */
    default void filter(RandomStream rng, B candidates, B kept, MoreCandidates<B> more) {
      filter(rng, candidates, kept);
    }

    /**
     * The exact path: replaces the synthetic part's statistics {@code stats} by those of the
     * samples it keeps, drawn with {@code rng} (only for a filter that {@link Filter#hasExactPath}
     * in a family that {@link CellModel#thinsStats}).
     */
    default <S> void filterStats(CellModel<?, S, ?> family, RandomStream rng, S stats) {
      throw new UnsupportedOperationException("no exact path for this filter");
    }

    /** Writes this generation's diagnostics at {@code out[at..]}, NaN where a value is null. */
    default void diagnose(double[] out, int at) {}
  }
}
