package org.collapsesim.loop;

import org.collapsesim.random.RandomStream;

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
    B kept = family.newBatch(n);
    Filter.Part<B> part = verifier.open(family);
    RandomStream synthetic = new RandomStream(seed);
    B candidates = family.newBatch(n);
    family.drawModel(model, synthetic, n, candidates, BlockRunner.SEQUENTIAL);
    part.filter(
        new RandomStream(seed + 1),
        candidates,
        kept,
        Filter.MoreCandidates.of(family, model, synthetic, BlockRunner.SEQUENTIAL));
    part.diagnose(diagnostics, 0);
    return kept;
  }
}
