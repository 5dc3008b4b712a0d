package org.collapsesim.family.sequence;

import java.util.Locale;

/**
 * The code c(b) of a periodic block b of period w in the program anchor's prior, after the 2
 * ceil(log2(w + 1)) bits that code w itself.
 */
public enum ProgramPrior {
  /**
   * c(b) = CTM(b) + log2 sum over |s| = w of 2^-CTM(s): the algorithmic probability of b under the
   * 5-state Turing machines, normalised over the blocks of its length (the Coding Theorem Method,
   * Soler-Toscano et al., PLoS ONE 2014). Binary and w &lt;= 12 only.
   */
  CTM,
  /** c(b) = w log2|A|: every block of a length equally likely. */
  LENGTH,
  /** c(b) = 0: only the period is coded. */
  UNIFORM;

  /** The config spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
