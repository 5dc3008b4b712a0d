package org.collapsesim.family.categorical;

import java.util.List;
import java.util.Set;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.family.Family;
import org.collapsesim.loop.CellModel;

/**
 * The categorical family: a distribution over V categories refitted by counts (README, Families and
 * metrics). With maximum likelihood and no exogenous data this is neutral Wright-Fisher drift with
 * population M (docs/theory.md).
 */
public final class CategoricalFamily implements Family {

  static final List<MetricDefinition> METRICS = CategoricalMetric.DEFINITIONS;

  static final List<String> METRIC_NAMES = CategoricalMetric.NAMES;

  @Override
  public String name() {
    return "categorical";
  }

  @Override
  public String description() {
    return "a distribution over V categories (model_size = V) refitted by counts: Wright-Fisher drift";
  }

  @Override
  public List<String> keyMetrics() {
    return List.of("entropy", "gini_simpson", "support");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return CategoricalParameters.PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return CategoricalParameters.RULES;
  }

  @Override
  public Set<SharedMechanism> mechanisms() {
    return Set.of(SharedMechanism.values());
  }

  @Override
  public String mechanismNote(SharedMechanism mechanism) {
    return switch (mechanism) {
      case RESERVOIR ->
          "uniform over the V categories; E[GS] follows the real-data recursion with the uniform"
              + " in the truth's place (theory column)";
      case VERIFIER -> "correct: among the truth's most probable categories of mass correct_mass";
      case REAL_WEIGHT -> "on the counts; theory column";
    };
  }

  @Override
  public boolean hasExactPath() {
    return true;
  }

  /** Binomial thinning of the category counts (CategoricalCell#thinStats). */
  @Override
  public boolean thinsStats() {
    return true;
  }

  @Override
  public List<MetricDefinition> metrics() {
    return METRICS;
  }

  @Override
  public double generationNanos(CellSpec cell) {
    return cell.getInt("samples") * SAMPLE_NS + cell.getInt("model_size") * CATEGORY_NS;
  }

  /** Truth, model, counts, alias probability and index, log tables: about 64 B a category. */
  @Override
  public double chainBytes(CellSpec cell, double kept) {
    return 64 * (double) cell.getInt("model_size") + 4 * kept;
  }

  @Override
  public CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed) {
    return bindCell(cell);
  }

  static CategoricalCell bindCell(CellSpec cell) {
    int v = cell.getInt("model_size");
    double tailFraction = cell.getDouble("tail_fraction");
    CategoricalTruth truth =
        switch (cell.getString("truth.distribution")) {
          case "zipf" -> CategoricalTruth.zipf(v, cell.getDouble("truth.exponent"), tailFraction);
          case "uniform" -> CategoricalTruth.uniform(v, tailFraction);
          case "counts" ->
              CategoricalTruth.counts(
                  cell.truthData(CountsFile.class).counts().clone(), tailFraction);
          default ->
              throw new IllegalArgumentException(
                  "truth.distribution: "
                      + cell.getString("truth.distribution")
                      + " is not zipf, uniform or counts");
        };
    double addK = "add-k".equals(cell.getString("estimator")) ? cell.getDouble("add_k") : 0.0;
    CategoricalDecoding decoding =
        new CategoricalDecoding(
            cell.getDouble("temperature"),
            cell.has("top_k") ? cell.getInt("top_k") : 0,
            cell.getDouble("top_p"));
    boolean[] correct =
        cell.has("verifier.correct_mass")
            ? truth.correctSet(cell.getDouble("verifier.correct_mass"))
            : null;
    return new CategoricalCell(truth, addK, decoding, cell.getDouble("kl_eps"), correct);
  }
}
