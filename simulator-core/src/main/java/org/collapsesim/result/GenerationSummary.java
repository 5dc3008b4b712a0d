package org.collapsesim.result;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.stats.ReplicateSummary;

/**
 * The replicate statistics of one cell at one recorded generation: a row of summary.arrow (README,
 * Outputs). Both the in-process writer and the Spark sweep build it through {@link #of}, from the
 * values in replicate order, so the two give the same numbers bit for bit.
 *
 * @param generation t
 * @param n the replicates with status ok that contributed
 * @param metrics one {@link ReplicateSummary} per recorded metric, in the recorded metric order
 */
public record GenerationSummary(int generation, int n, List<ReplicateSummary> metrics) {

  public GenerationSummary {
    metrics = List.copyOf(metrics);
  }

  /**
   * Summarizes one generation.
   *
   * @param generation t
   * @param valuesByReplicate {@code [replicate][metric]}, replicates in increasing replicate order;
   *     a null entry (a metric that does not apply) is left out of that metric's statistics
   * @param metricCount the number of metrics (rows of a different length are an error)
   * @throws IllegalArgumentException if a row has another length, or a value is NaN
   */
  public static GenerationSummary of(
      int generation, List<Double[]> valuesByReplicate, int metricCount) {
    List<ReplicateSummary> out = new ArrayList<>(metricCount);
    for (int m = 0; m < metricCount; m++) {
      out.add(ReplicateSummary.of(column(valuesByReplicate, m, metricCount)));
    }
    return new GenerationSummary(generation, valuesByReplicate.size(), out);
  }

  /** The non-null values of metric {@code m}, in replicate order. */
  static double[] column(List<Double[]> rows, int m, int metricCount) {
    double[] values = new double[rows.size()];
    int k = 0;
    for (int r = 0; r < rows.size(); r++) {
      Double[] row = rows.get(r);
      if (row.length != metricCount) {
        throw new IllegalArgumentException(
            "replicate row " + r + " has " + row.length + " metrics, expected " + metricCount);
      }
      if (row[m] != null) {
        values[k++] = row[m];
      }
    }
    return k == values.length ? values : java.util.Arrays.copyOf(values, k);
  }
}
