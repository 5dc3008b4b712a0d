package org.collapsesim.family.linreg;

import java.util.List;
import java.util.Set;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.family.Family;
import org.collapsesim.loop.CellModel;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;

/**
 * The linreg family (README, Families and metrics): y = x.w* + e, e ~ N(0, sigma^2), x ~ N(0, I_d)
 * (model_size = d), T = samples rows of a design fixed per chain. Each generation relabels the
 * design: exogenous rows with the truth, the rest with the previous model, each with fresh noise;
 * the model is refitted by OLS (or ridge). Under {@code replace} the test error grows linearly in
 * the generation; under {@code accumulate} it stays bounded (Gerstgrasser et al. 2024, "Is model
 * collapse inevitable?"; Dohmatob, Feng and Kempe 2024, "Model collapse demystified").
 */
public final class LinregFamily implements Family {

  static final List<MetricDefinition> METRICS = LinregMetric.DEFINITIONS;

  static final List<String> METRIC_NAMES = LinregMetric.NAMES;

  /** Distinguishes this family's truth stream from other families'. */
  private static final long TRUTH_SALT = 0x6C696E726567L; // "linreg"

  @Override
  public String name() {
    return "linreg";
  }

  @Override
  public String description() {
    return "linear regression y = x.w* + noise in d dimensions (model_size = d), relabelled by its own"
        + " fits on a design of T = samples rows fixed per chain. Each generation labels every row"
        + " once: under mixing count the exogenous rows (true labels) are a uniformly random subset"
        + " of floor(alpha_t T + 0.5) rows drawn afresh each generation, under per-sample each row's"
        + " own coin decides, and with fixed_anchor rows 0..k-1 keep their generation-0 labels."
        + " theory_test_error (OLS): n sigma^2 d / (T - d - 1) after n fits, alpha = 0, replace or"
        + " accumulate; under replace a generation whose rows are all real (alpha_t = 1, fresh or"
        + " fixed_anchor) restarts n; for a real share strictly between 0 and 1 the exact"
        + " conditional law given the design is a linear recursion (docs/families.md), not a"
        + " column";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return LinregParameters.PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return LinregParameters.RULES;
  }

  @Override
  public Set<SharedMechanism> mechanisms() {
    return Set.of(SharedMechanism.values());
  }

  @Override
  public String mechanismNote(SharedMechanism mechanism) {
    return switch (mechanism) {
      case RESERVOIR -> "the design's rows with labels N(0, reservoir.scale^2)";
      case VERIFIER ->
          "correct: |y - x.w*| <= verifier.radius noise; refill relabels the rejected row";
      case REAL_WEIGHT -> "on X^T X and X^T y";
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

  @Override
  public List<String> keyMetrics() {
    return List.of("test_error", "w_norm_sq");
  }

  /** The fixed design (rows x d), the labels, and the normal equations (d x d). */
  @Override
  public double chainBytes(CellSpec cell, double kept) {
    double d = cell.getInt("model_size");
    return 8 * kept * (d + 2) + 32 * d * d;
  }

  @Override
  public CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed) {
    int d = cell.getInt("model_size");
    double wNorm = cell.getDouble("truth.w_norm");
    return new LinregCell(
        cell.getInt("samples"),
        trueWeights(masterSeed, d, wNorm),
        cell.getDouble("noise"),
        cell.getDouble("ridge"),
        new LinregCell.Mechanisms(
            cell.has("reservoir.scale") ? cell.getDouble("reservoir.scale") : 0.0,
            cell.has("verifier.radius") ? cell.getDouble("verifier.radius") : 0.0));
  }

  /**
   * w* uniform on the sphere of radius wNorm, from the master seed, d and wNorm alone (README,
   * Random streams and determinism).
   */
  static double[] trueWeights(long masterSeed, int d, double wNorm) {
    long truthHash = StreamKeys.hash(TRUTH_SALT, d, Double.doubleToLongBits(wNorm));
    RandomStream rng = new RandomStream(StreamKeys.truth(masterSeed, truthHash));
    double[] w = new double[d];
    double s = 0;
    for (int i = 0; i < d; i++) {
      w[i] = rng.nextGaussian();
      s += w[i] * w[i];
    }
    double scale = s > 0 ? wNorm / Math.sqrt(s) : 0.0;
    for (int i = 0; i < d; i++) {
      w[i] *= scale;
    }
    return w;
  }
}
