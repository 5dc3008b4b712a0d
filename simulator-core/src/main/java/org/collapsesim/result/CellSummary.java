package org.collapsesim.result;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.stats.KaplanMeier;
import org.collapsesim.stats.MeanInterval;

/**
 * The per-cell statistics of cells.arrow (README, Output): chains ok and failed, the fraction of ok
 * chains collapsed by the horizon G, the Kaplan-Meier median collapse generation (chains that never
 * collapsed are censored at G; null when the survival curve never falls to 1/2), and for each
 * recorded metric the mean of its final-generation values with a 95% Student t interval. Values are
 * reduced in replicate order (README, Random streams and determinism), so the Spark sweep and the
 * in-process writer agree bit for bit.
 *
 * @param chainsOk chains with status ok
 * @param chainsFailed chains with status failed
 * @param fractionCollapsed collapsed ok chains / ok chains, null without ok chains
 * @param kmMedianCollapseGeneration the Kaplan-Meier median, or null
 * @param finalMetrics one interval per recorded metric, in the recorded metric order
 * @param realSamplesMean the mean real data an ok chain consumed (D_0 included), null without ok
 *     chains: the cost at which the final metrics were bought
 */
public record CellSummary(
    long chainsOk,
    long chainsFailed,
    Double fractionCollapsed,
    Integer kmMedianCollapseGeneration,
    List<MeanInterval> finalMetrics,
    Double realSamplesMean) {

  public CellSummary {
    finalMetrics = List.copyOf(finalMetrics);
  }

  /**
   * Summarizes a cell's chains.
   *
   * @param chainsInReplicateOrder every chain of the cell, in increasing replicate order; the
   *     {@link ChainRecord#finalMetrics()} of ok chains are in the recorded metric order (a null
   *     entry is impossible for primitives: callers project onto the recorded metrics first)
   * @param horizon G, the censoring time of chains that never collapsed
   * @param metricCount the number of recorded metrics
   */
  public static CellSummary of(
      List<ChainRecord> chainsInReplicateOrder, int horizon, int metricCount) {
    List<ChainRecord> ok = new ArrayList<>(chainsInReplicateOrder.size());
    for (ChainRecord chain : chainsInReplicateOrder) {
      if (chain.ok()) {
        ok.add(chain);
      }
    }
    int n = ok.size();
    int[] times = new int[n];
    double realSum = 0;
    for (ChainRecord chain : ok) {
      realSum += chain.realSamples();
    }
    boolean[] collapsed = new boolean[n];
    List<Double[]> finals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ChainRecord chain = ok.get(i);
      collapsed[i] = chain.collapseGeneration() >= 0;
      times[i] = collapsed[i] ? chain.collapseGeneration() : horizon;
      double[] metrics = chain.finalMetrics();
      if (metrics.length != metricCount) {
        throw new IllegalArgumentException(
            "replicate "
                + chain.replicate()
                + " has "
                + metrics.length
                + " final metrics, expected "
                + metricCount);
      }
      Double[] boxed = new Double[metricCount];
      for (int m = 0; m < metricCount; m++) {
        boxed[m] = Double.isNaN(metrics[m]) ? null : metrics[m]; // a null diagnostic
      }
      finals.add(boxed);
    }
    KaplanMeier km = KaplanMeier.fit(times, collapsed);
    List<MeanInterval> intervals = new ArrayList<>(metricCount);
    for (int m = 0; m < metricCount; m++) {
      intervals.add(MeanInterval.of(GenerationSummary.column(finals, m, metricCount)));
    }
    return new CellSummary(
        n,
        chainsInReplicateOrder.size() - n,
        km.fractionCollapsed(),
        km.median(),
        intervals,
        n == 0 ? null : realSum / n);
  }
}
