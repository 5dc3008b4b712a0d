package org.collapsesim.loop;

import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;

/**
 * The synthetic part of D_new drawn through a {@link Verifier} (the explicit path): candidates are
 * the SYNTHETIC stream's draws from the model, each with one VERIFIER uniform in draw order, and
 * the accepted ones are appended to D_new. Without refill, n candidates are tried and the part may
 * stay short. With refill, further rounds of candidates come from substreams of the SYNTHETIC
 * stream (round r from {@link StreamKeys#block}(key, -r), never a block index, so round 0 is
 * exactly the unfiltered loop's draw), sized from the acceptance so far and capped, until the part
 * is full or max_draws candidates have been tried.
 *
 * <p>From a fixed model q the accepted samples are iid from the tilted law q(x) a(x) / A (with
 * refill; without, each of the n candidates is kept independently with probability a(x)):
 * docs/theory.md, "The verifier: one-step laws".
 */
public final class VerifiedDraw {

  /** The most candidates a refill round draws beyond n (memory, not numbers). */
  static final long MAX_ROUND = 1 << 20;

  private VerifiedDraw() {}

  /**
   * What one generation's verifier did.
   *
   * @param wanted n, the synthetic part's size
   * @param accepted the candidates accepted (at most n)
   * @param tried the candidates examined
   */
  public record Outcome(int wanted, long accepted, long tried) {
    /** Whether a refilled part stayed short after max_draws candidates. */
    public boolean isShort(Verifier verifier) {
      return verifier.refill() && accepted < wanted;
    }
  }

  /**
   * Appends the accepted candidates to {@code out}.
   *
   * @param candidates scratch for the candidates (cleared here)
   */
  public static <B, S, M> Outcome draw(
      CellModel<B, S, M> family,
      M model,
      Verifier verifier,
      int n,
      RandomStream synthetic,
      RandomStream coins,
      B candidates,
      B out,
      BlockRunner blocks) {
    if (n == 0) {
      return new Outcome(0, 0, 0);
    }
    family.clear(candidates);
    family.drawModel(model, synthetic, n, candidates, blocks);
    long tried = 0;
    long accepted = 0;
    for (int round = 1; ; round++) {
      int size = family.size(candidates);
      for (int i = 0; i < size && accepted < n && tried < verifier.maxDraws(); i++) {
        tried++;
        if (verifier.accepts(family.correct(candidates, i), coins.nextDouble())) {
          family.copySample(candidates, i, out);
          accepted++;
        }
      }
      if (!verifier.refill() || accepted == n || tried >= verifier.maxDraws()) {
        return new Outcome(n, accepted, tried);
      }
      long need = n - accepted;
      long next = Math.max(need, need * tried / Math.max(accepted, 1));
      next = Math.min(Math.min(next, verifier.maxDraws() - tried), Math.max(n, MAX_ROUND));
      family.clear(candidates);
      family.drawModel(
          model,
          new RandomStream(StreamKeys.block(synthetic.key(), -round)),
          (int) next,
          candidates,
          blocks);
    }
  }
}
