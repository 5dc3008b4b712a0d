package org.collapsesim.family.categorical;

import java.util.List;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.family.Family;
import org.collapsesim.loop.CellModel;

/**
 * The categorical family: a distribution over V categories refitted by counts (README, Families and
 * metrics). With maximum likelihood and no exogenous data this is neutral Wright-Fisher drift with
 * population M (docs/theory.md).
 */
public final class CategoricalFamily implements Family {

  static final List<MetricDefinition> METRICS =
      List.of(
          new MetricDefinition("entropy", "Shannon entropy H(P_t) = -sum p_i ln p_i, nats"),
          new MetricDefinition("gini_simpson", "Gini-Simpson index 1 - sum p_i^2"),
          new MetricDefinition(
              "kl_true_model",
              "KL(P* || P_t) in nats against the smoothed model (c_i + eps) / (N + V eps), eps = kl_eps"),
          new MetricDefinition(
              "kl_model_true",
              "KL(P_t || P*) in nats; +Infinity if P_t puts mass where P* has none"),
          new MetricDefinition(
              "tv", "total variation distance, half the L1 distance between P_t and P*"),
          new MetricDefinition("support", "categories with a non-zero count in the training data"),
          new MetricDefinition(
              "tail_mass",
              "mass P_t puts on the truth's tail: the last round(tail_fraction V) (at least 1) categories"
                  + " ranked by true probability, ties by index"),
          new MetricDefinition("extinct", "categories of the truth (p* > 0) with a zero count"));

  static final List<String> METRIC_NAMES = METRICS.stream().map(MetricDefinition::name).toList();

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
  public boolean hasExactPath() {
    return true;
  }

  @Override
  public List<MetricDefinition> metrics() {
    return METRICS;
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
