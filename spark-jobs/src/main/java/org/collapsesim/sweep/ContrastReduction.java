package org.collapsesim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.stats.ReplicateSummary;

/**
 * What pairing bought, printed at the end of a sweep with {@code compare_to}: over the contrast
 * rows of the last generation, the ratio of the unpaired standard error to the paired one for every
 * (cell, metric) where both are defined and the paired one is positive. Its median says how many
 * times more replicates an unpaired comparison would need squared.
 */
public final class ContrastReduction {

  private final List<String> metrics;
  private final int horizon;
  private final List<Double> ratios = new ArrayList<>();

  ContrastReduction(OutputLayout layout, int horizon) {
    this.metrics = layout.metrics();
    this.horizon = horizon;
  }

  void accept(Row row) {
    if (row.getInt(row.fieldIndex("generation")) != horizon) {
      return;
    }
    for (String m : metrics) {
      int paired = row.fieldIndex(m + "_diff_se");
      int unpaired = row.fieldIndex(m + "_unpaired_se");
      if (!row.isNullAt(paired) && !row.isNullAt(unpaired) && row.getDouble(paired) > 0) {
        ratios.add(row.getDouble(unpaired) / row.getDouble(paired));
      }
    }
  }

  /** The summary line, e.g. for stderr. */
  public String describe() {
    if (ratios.isEmpty()) {
      return "paired contrasts: no (cell, metric) with both standard errors defined at generation "
          + horizon;
    }
    List<Double> sorted = new ArrayList<>(ratios);
    Collections.sort(sorted);
    double[] values = sorted.stream().mapToDouble(Double::doubleValue).toArray();
    return String.format(
        "paired contrasts: at generation %d the unpaired se / paired se is %.3g (median over %d"
            + " cell-metric pairs; range %.3g to %.3g)",
        horizon,
        ReplicateSummary.quantileSorted(values, 0.5),
        values.length,
        values[0],
        values[values.length - 1]);
  }
}
