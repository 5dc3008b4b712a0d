package org.collapsesim.result;

/**
 * One chain's end: a row of chains.arrow.
 *
 * @param replicate the replicate index
 * @param seed the chain's derived seed
 * @param ok whether the chain finished (status ok) or threw (status failed)
 * @param error the failure's message, null when ok
 * @param collapseGeneration first generation where the collapse rule held, -1 if never
 * @param finalMetrics metrics of generation G (null when failed)
 * @param wallMs wall-clock milliseconds of the chain (excluded from the determinism promise)
 * @param realSamples the exogenous samples the chain consumed, D_0 included (-1 when failed)
 * @param verifierShortGenerations generations whose refilled synthetic part stayed short after
 *     verifier.max_draws candidates (0 without a verifier or when failed)
 */
public record ChainRecord(
    int replicate,
    long seed,
    boolean ok,
    String error,
    int collapseGeneration,
    double[] finalMetrics,
    long wallMs,
    long realSamples,
    int verifierShortGenerations) {

  /** A failed chain: its error and time, nothing else. */
  public static ChainRecord failed(int replicate, long seed, String error, long wallMs) {
    return new ChainRecord(replicate, seed, false, error, -1, null, wallMs, -1, 0);
  }

  public String status() {
    return ok ? "ok" : "failed";
  }
}
