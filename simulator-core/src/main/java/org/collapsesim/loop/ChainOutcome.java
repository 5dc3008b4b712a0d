package org.collapsesim.loop;

/**
 * What one chain ended with.
 *
 * @param collapseGeneration the first generation at which the collapse rule held, or -1 if never
 *     (censored at G)
 * @param finalMetrics the metrics of generation G
 * @param finalTrainingSize n_train of generation G
 */
public record ChainOutcome(int collapseGeneration, double[] finalMetrics, long finalTrainingSize) {

  /** Whether the chain collapsed by generation G. */
  public boolean collapsed() {
    return collapseGeneration >= 0;
  }
}
