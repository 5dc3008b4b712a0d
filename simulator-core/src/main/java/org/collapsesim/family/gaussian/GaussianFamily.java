package org.collapsesim.family.gaussian;

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
 * The Gaussian family: N(mu, Sigma) in d dimensions (model_size = d) refitted by its mean and
 * covariance, maximum likelihood or unbiased (README, Families and metrics). Sampling bias lambda
 * draws from N(mu_t, lambda Sigma_t).
 */
public final class GaussianFamily implements Family {

  static final List<MetricDefinition> METRICS = GaussianMetric.DEFINITIONS;

  static final List<String> METRIC_NAMES = GaussianMetric.NAMES;

  @Override
  public String name() {
    return "gaussian";
  }

  @Override
  public String description() {
    return "N(mu, Sigma) in d dimensions (model_size = d) refitted by mean and covariance. Sigma_t"
        + " is singular when fitted on n_train <= d samples, or when its smallest eigenvalue is at"
        + " most 1e-12 times its largest (the points span fewer than d dimensions up to round-off,"
        + " e.g. accumulated from a singular start); then logdet_ratio and entropy are -Infinity"
        + " and kl_true_model +Infinity, on the exact and explicit paths alike. truth.covariance"
        + " must have condition number <= 1e10";
  }

  @Override
  public List<String> keyMetrics() {
    return List.of("var_ratio", "mean_sq_err", "kl_true_model");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return GaussianParameters.PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return GaussianParameters.RULES;
  }

  @Override
  public Set<SharedMechanism> mechanisms() {
    return Set.of(SharedMechanism.values());
  }

  @Override
  public String mechanismNote(SharedMechanism mechanism) {
    return switch (mechanism) {
      case RESERVOIR -> "N(reservoir.mean, reservoir.scale^2 I)";
      case VERIFIER ->
          "correct: Mahalanobis distance to the truth's mean, in Sigma*, <= verifier.radius";
      case REAL_WEIGHT -> "on the moments (estimator mle); theory column";
    };
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
  public double generationNanos(CellSpec cell) {
    double m = cell.getInt("samples");
    double d = cell.getInt("model_size");
    return m * SAMPLE_NS * d * d + d * d * d * CATEGORY_NS;
  }

  /** The samples (d doubles each) and a handful of d x d matrices (covariance, Cholesky, truth). */
  @Override
  public double chainBytes(CellSpec cell, double kept) {
    double d = cell.getInt("model_size");
    return 8 * d * kept + 64 * d * d;
  }

  @Override
  public CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed) {
    int d = cell.getInt("model_size");
    GaussianTruth truth = GaussianTruth.of(d, cell.get("truth.mean"), cell.get("truth.covariance"));
    GaussianCell.Mechanisms mechanisms =
        new GaussianCell.Mechanisms(
            cell.has("reservoir.mean") ? cell.getDouble("reservoir.mean") : 0.0,
            cell.has("reservoir.scale") ? cell.getDouble("reservoir.scale") : 0.0,
            cell.has("verifier.radius") ? cell.getDouble("verifier.radius") : 0.0);
    return new GaussianCell(
        truth,
        "unbiased".equals(cell.getString("estimator")),
        cell.getDouble("sampling_bias"),
        mechanisms);
  }
}
