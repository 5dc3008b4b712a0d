package org.collapsesim.loop;

/**
 * What one chain ended with.
 *
 * @param collapseGeneration the first generation at which the collapse rule held, or -1 if never
 *     (censored at G)
 * @param finalMetrics the metrics of generation G
 * @param finalTrainingSize n_train of generation G
 * @param realSamples the exogenous samples the chain consumed, D_0 included: its cost in real data
 * @param verifierShortGenerations generations whose refilled synthetic part stayed short after
 *     max_draws candidates
 */
public record ChainOutcome(
    int collapseGeneration,
    double[] finalMetrics,
    long finalTrainingSize,
    long realSamples,
    int verifierShortGenerations) {

  /** Whether the chain collapsed by generation G. */
  public boolean collapsed() {
    return collapseGeneration >= 0;
  }
}
