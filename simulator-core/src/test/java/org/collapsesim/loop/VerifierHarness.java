package org.collapsesim.loop;

import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;

/**
 * Test support: one generation's synthetic part through a verifier from a fixed model, drawn as the
 * loop draws it (candidates from stream {@code seed}, refill round r from its substream -r, a
 * positional family's rejected rows relabelled, coins from {@code seed + 1}).
 */
public final class VerifierHarness {

  private VerifierHarness() {}

  /**
   * The kept samples of n candidates of {@code model}; {@code diagnostics} receives the verifier's
   * diagnostics (accept rate, and with refill the exhaustion flag).
   */
  public static <B extends SampleBatch<B>, S, M> B filter(
      CellModel<B, S, M> family,
      M model,
      Verifier verifier,
      int n,
      long seed,
      double[] diagnostics) {
    B candidates = family.newBatch(n);
    family.drawModel(model, new RandomStream(seed), n, candidates, BlockRunner.SEQUENTIAL);
    B kept = family.newBatch(n);
    Filter.Part<B> part = verifier.open(family);
    part.filter(
        new RandomStream(seed + 1),
        candidates,
        kept,
        (round, count, more, rows) -> {
          if (rows != null) {
            family.assignPositions(more, rows);
          }
          family.drawModel(
              model,
              new RandomStream(StreamKeys.block(seed, -round)),
              count,
              more,
              BlockRunner.SEQUENTIAL);
        });
    part.diagnose(diagnostics, 0);
    return kept;
  }
}
