package org.collapsesim.random;

/**
 * What a random stream is used for (README, Random streams and determinism). Each purpose has a
 * fixed tag that enters the stream key, so adding a purpose never changes the numbers of the
 * others. Never renumber a tag.
 */
public enum StreamPurpose {
  /** Generation 0's real data, and every exogenous part drawn from the truth. */
  EXOGENOUS(1),
  /** Samples drawn from the (decoded) fitted model. */
  SYNTHETIC(2),
  /** The per-sample choice of source under {@code mixing: per-sample}. */
  MIXING(3),
  /** The regime's own draws (accumulate-subsample). */
  REGIME(4),
  /** A reservoir anchor's draws. */
  RESERVOIR(5),
  /** A verifier's accept/reject coin flips. */
  VERIFIER(6),
  /** A program anchor's draws. */
  PROGRAM(7),
  /** An estimator's own randomness (e.g. EM initialization). */
  FIT(8),
  /** Monte Carlo metrics. */
  METRIC(9),
  /**
   * Random truths (Dirichlet tables, w*, mixtures): keyed by master seed and truth parameters only.
   */
  TRUTH(10),
  /** Held-out truth data used by metrics (e.g. perplexity). */
  HELDOUT(11);

  private final long tag;

  StreamPurpose(long tag) {
    this.tag = tag;
  }

  /** The fixed tag entering the stream key. */
  public long tag() {
    return tag;
  }
}
