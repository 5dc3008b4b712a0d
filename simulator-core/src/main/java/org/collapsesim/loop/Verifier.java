package org.collapsesim.loop;

/**
 * A verifier filtering the synthetic part (an external checker that sees the truth: the curation
 * step of self-consuming loops with curated data, Ferbach et al., 2024; the verifier of Feng et
 * al., 2024, "Beyond model collapse: scaling up with synthesized data requires verification"). Each
 * synthetic candidate x is accepted with probability 1 - FNR if correct(x), FPR otherwise, by one
 * uniform of the VERIFIER stream per candidate in draw order; the family says what correct means.
 *
 * @param falseAccept FPR, in [0, 1]
 * @param falseReject FNR, in [0, 1]
 * @param refill draw further candidates until the synthetic part is full
 * @param maxDraws with refill, the candidates tried per generation before the part is left short
 */
public record Verifier(double falseAccept, double falseReject, boolean refill, long maxDraws) {

  public Verifier {
    if (!(falseAccept >= 0 && falseAccept <= 1 && falseReject >= 0 && falseReject <= 1)
        || maxDraws < 1) {
      throw new IllegalArgumentException(
          "verifier: false_accept "
              + falseAccept
              + " and false_reject "
              + falseReject
              + " must be in [0, 1], max_draws "
              + maxDraws
              + " >= 1");
    }
  }

  /** The acceptance probability of a candidate. */
  public double acceptance(boolean correct) {
    return correct ? 1 - falseReject : falseAccept;
  }

  /** Whether a candidate is accepted, given its uniform u in [0, 1). */
  public boolean accepts(boolean correct, double u) {
    return u < acceptance(correct);
  }
}
