package org.collapsesim.result;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.stats.PairedContrast;

/**
 * The paired contrasts of one cell against its baseline at one recorded generation: a row of
 * contrasts.arrow. Pairs are the replicates where both chains are ok; a metric that does not apply
 * (null on either side) is left out of that metric's pairs. Built in replicate order by {@link
 * #of}, so every engine gives the same numbers.
 *
 * @param generation t
 * @param nPairs the replicates where both chains are ok
 * @param metrics one {@link PairedContrast} per recorded metric
 */
public record ContrastSummary(int generation, int nPairs, List<PairedContrast> metrics) {

  public ContrastSummary {
    metrics = List.copyOf(metrics);
  }

  /**
   * @param cell {@code [pair][metric]}: the cell's values, pairs in increasing replicate order
   * @param baseline the baseline's values of the same replicates, in the same order
   * @throws IllegalArgumentException if the two have different numbers of pairs
   */
  public static ContrastSummary of(
      int generation, List<Double[]> cell, List<Double[]> baseline, int metricCount) {
    if (cell.size() != baseline.size()) {
      throw new IllegalArgumentException(
          cell.size() + " cell replicates but " + baseline.size() + " baseline replicates");
    }
    List<PairedContrast> out = new ArrayList<>(metricCount);
    for (int m = 0; m < metricCount; m++) {
      double[] x = new double[cell.size()];
      double[] y = new double[cell.size()];
      int k = 0;
      for (int i = 0; i < cell.size(); i++) {
        Double a = cell.get(i)[m];
        Double b = baseline.get(i)[m];
        if (a != null && b != null) {
          x[k] = a;
          y[k++] = b;
        }
      }
      out.add(PairedContrast.of(java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)));
    }
    return new ContrastSummary(generation, cell.size(), out);
  }
}
