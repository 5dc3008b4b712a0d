package org.collapsesim.family.gmm;

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
 * The Gaussian mixture family (README, Families and metrics): a K-component mixture in d dimensions
 * ({@code model_size} = K, {@code dimension} = d) refitted by EM with seeded k-means++
 * initialization, sampled with every component's covariance scaled by {@code sampling_bias}. The
 * default truth is the two-component experiment of Shumailov et al., "AI models collapse when
 * trained on recursively generated data", Nature 631 (2024): weights [0.5, 0.5], means [-3, 3],
 * unit variances.
 */
public final class GmmFamily implements Family {

  static final List<MetricDefinition> METRICS = GmmMetric.DEFINITIONS;

  static final List<String> METRIC_NAMES = GmmMetric.NAMES;

  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public String description() {
    return "Gaussian mixture of K components (model_size = K) in d dimensions refitted by EM";
  }

  @Override
  public List<String> keyMetrics() {
    return List.of("var_ratio", "l2_distance", "kl_true_model");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return GmmParameters.PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return GmmParameters.RULES;
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
          "correct: Mahalanobis distance to the nearest truth component, in its own covariance, <="
              + " verifier.radius";
      case REAL_WEIGHT -> "per-sample weights in EM (k-means++ seeding unweighted)";
    };
  }

  @Override
  public boolean hasExactPath() {
    return false;
  }

  @Override
  public List<MetricDefinition> metrics() {
    return METRICS;
  }

  /** The samples, the responsibilities (K per sample) and K covariances (d x d). */
  @Override
  public double chainBytes(CellSpec cell, double kept) {
    double k = cell.getInt("model_size");
    double d = cell.has("dimension") ? cell.getInt("dimension") : 1;
    return 8 * kept * (d + k) + 64 * k * d * d;
  }

  @Override
  public CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed) {
    return bindCell(cell);
  }

  /** The typed cell (tests reach the truth through it). */
  static GmmCell bindCell(CellSpec cell) {
    int d = cell.getInt("dimension");
    Mixture truth =
        truth(
            d,
            cell.get("truth.weights"),
            cell.get("truth.means"),
            cell.get("truth.variances"),
            cell.has("truth.covariances") ? cell.get("truth.covariances") : null);
    GmmCell.Settings settings =
        new GmmCell.Settings(
            cell.getInt("model_size"),
            cell.getDouble("sampling_bias"),
            cell.getDouble("em_tolerance"),
            cell.getInt("em_max_iterations"),
            cell.getDouble("min_variance"),
            cell.getInt("mc_samples"));
    GmmCell.Mechanisms mechanisms =
        new GmmCell.Mechanisms(
            cell.has("reservoir.mean") ? cell.getDouble("reservoir.mean") : 0.0,
            cell.has("reservoir.scale") ? cell.getDouble("reservoir.scale") : 0.0,
            cell.has("verifier.radius") ? cell.getDouble("verifier.radius") : 0.0);
    return new GmmCell(truth, settings, mechanisms);
  }

  /**
   * The truth of a validated cell: weights (normalized to sum 1), means (per component a number,
   * broadcast over the d coordinates, or d numbers), variances (a number for every component or one
   * per component: sigma_k^2 I), or covariances (one d x d matrix per component), which take
   * precedence over variances when given.
   */
  static Mixture truth(
      int d,
      Object weightsValue,
      Object meansValue,
      Object variancesValue,
      Object covariancesValue) {
    List<?> weights = (List<?>) weightsValue;
    int k = weights.size();
    Mixture m = new Mixture(k, d);
    double total = 0.0;
    for (int c = 0; c < k; c++) {
      total += ((Number) weights.get(c)).doubleValue();
    }
    List<?> means = (List<?>) meansValue;
    for (int c = 0; c < k; c++) {
      m.weights[c] = ((Number) weights.get(c)).doubleValue() / total;
      Object mean = means.get(c);
      for (int a = 0; a < d; a++) {
        m.means[c * d + a] =
            mean instanceof List<?> row
                ? ((Number) row.get(a)).doubleValue()
                : ((Number) mean).doubleValue();
      }
    }
    int dd = d * d;
    for (int c = 0; c < k; c++) {
      if (covariancesValue != null) {
        List<?> rows = (List<?>) ((List<?>) covariancesValue).get(c);
        for (int a = 0; a < d; a++) {
          List<?> row = (List<?>) rows.get(a);
          for (int b = 0; b < d; b++) {
            m.covs[c * dd + a * d + b] = ((Number) row.get(b)).doubleValue();
          }
        }
      } else {
        double v =
            variancesValue instanceof List<?> list
                ? ((Number) list.get(c)).doubleValue()
                : ((Number) variancesValue).doubleValue();
        for (int a = 0; a < d; a++) {
          m.covs[c * dd + a * d + a] = v;
        }
      }
    }
    m.factor(0.0);
    return m;
  }
}
