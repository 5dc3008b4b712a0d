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
 */
public record ChainRecord(
    int replicate,
    long seed,
    boolean ok,
    String error,
    int collapseGeneration,
    double[] finalMetrics,
    long wallMs) {

  public String status() {
    return ok ? "ok" : "failed";
  }
}
