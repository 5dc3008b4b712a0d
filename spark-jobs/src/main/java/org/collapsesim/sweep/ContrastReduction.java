package org.collapsesim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.stats.ReplicateSummary;

/**
 * What pairing bought, printed at the end of a sweep with {@code compare_to}: the ratio of the
 * unpaired standard error to the paired one for every (cell, generation > 0, metric) where both are
 * defined and the paired one is positive, its median over all recorded generations and over the
 * last one. Its square is how many times more replicates an unpaired comparison would need. Common
 * random numbers correlate a cell with its baseline most in early generations; as their models
 * drift apart the shared uniforms map to different samples and the ratio tends to 1.
 */
public final class ContrastReduction {

  private final List<String> metrics;
  private final int horizon;
  private final List<Double> ratios = new ArrayList<>();
  private final List<Double> last = new ArrayList<>();

  ContrastReduction(OutputLayout layout, int horizon) {
    this.metrics = layout.metrics();
    this.horizon = horizon;
  }

  void accept(Row row) {
    int generation = row.getInt(row.fieldIndex("generation"));
    if (generation == 0) {
      return; // the same D_0: both errors vanish
    }
    for (String m : metrics) {
      int paired = row.fieldIndex(m + "_diff_se");
      int unpaired = row.fieldIndex(m + "_unpaired_se");
      if (!row.isNullAt(paired) && !row.isNullAt(unpaired) && row.getDouble(paired) > 0) {
        double ratio = row.getDouble(unpaired) / row.getDouble(paired);
        ratios.add(ratio);
        if (generation == horizon) {
          last.add(ratio);
        }
      }
    }
  }

  /** The median ratio over every recorded generation > 0, or null when none was defined. */
  public Double median() {
    return median(ratios);
  }

  /** The median ratio at the last generation, or null. */
  public Double medianAtHorizon() {
    return median(last);
  }

  private static Double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return ReplicateSummary.quantileSorted(
        sorted.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
  }

  /** The summary line, e.g. for stderr. */
  public String describe() {
    if (ratios.isEmpty()) {
      return "paired contrasts: no (cell, generation, metric) with both standard errors defined";
    }
    return String.format(
        "paired contrasts: unpaired se / paired se, median %.3g over %d (cell, generation, metric)"
            + " triples, %s at generation %d",
        median(),
        ratios.size(),
        medianAtHorizon() == null ? "none" : String.format("%.3g", medianAtHorizon()),
        horizon);
  }
}
