package org.collapsesim.family.gmm;

import java.util.List;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/**
 * The gmm family bound to one cell. Batches and "statistics" are both raw points ({@link
 * PointSet}): EM has no finite sufficient statistics, so merging concatenates in order. The fit
 * needs the FIT stream and the Monte Carlo KL the METRIC stream of the chain and generation, so
 * this family implements the stream-taking overloads of {@link CellModel}.
 */
final class GmmCell implements CellModel<PointSet, PointSet, Mixture> {

  static final int L2_DISTANCE = GmmMetric.L2_DISTANCE.ordinal();
  static final int WEIGHT_ENTROPY = GmmMetric.WEIGHT_ENTROPY.ordinal();
  static final int MIN_WEIGHT = GmmMetric.MIN_WEIGHT.ordinal();
  static final int VAR_RATIO = GmmMetric.VAR_RATIO.ordinal();
  static final int KL_TRUE_MODEL = GmmMetric.KL_TRUE_MODEL.ordinal();

  /** Settings of the estimator and the metrics. */
  record Settings(
      int components,
      double samplingBias,
      double emTolerance,
      int emMaxIterations,
      double minVariance,
      int mcSamples) {}

  /**
   * The anchoring mechanisms' parameters.
   *
   * @param reservoirMean every coordinate of the reservoir's mean
   * @param reservoirScale its standard deviation per coordinate (0 without a reservoir)
   * @param radius the verifier's Mahalanobis radius c (0 without a verifier)
   */
  record Mechanisms(double reservoirMean, double reservoirScale, double radius) {
    static final Mechanisms NONE = new Mechanisms(0, 0, 0);
  }

  private final Mixture truth;
  private final double truthTrace;
  private final Settings settings;
  private final Mechanisms mechanisms;

  GmmCell(Mixture truth, Settings settings) {
    this(truth, settings, Mechanisms.NONE);
  }

  GmmCell(Mixture truth, Settings settings, Mechanisms mechanisms) {
    this.truth = truth;
    this.truthTrace = truth.totalTrace();
    this.settings = settings;
    this.mechanisms = mechanisms;
  }

  Mixture truth() {
    return truth;
  }

  @Override
  public List<String> metricNames() {
    return GmmFamily.METRIC_NAMES;
  }

  @Override
  public PointSet newBatch(int capacity) {
    return new PointSet(truth.d, capacity);
  }

  @Override
  public void drawTruth(RandomStream rng, int n, PointSet out, BlockRunner blocks) {
    truth.draw(truth.lower, rng, n, out);
  }

  /**
   * Draws from sum_k w_k N(mu_k, lambda Sigma_k): sampling_bias scales every component's
   * covariance.
   */
  @Override
  public void drawModel(Mixture model, RandomStream rng, int n, PointSet out, BlockRunner blocks) {
    if (!model.samplingReady) {
      model.prepareSampling(settings.samplingBias());
    }
    model.draw(model.samplingLower, rng, n, out);
  }

  @Override
  public PointSet newStats() {
    return new PointSet(truth.d, 16);
  }

  @Override
  public void statsOf(PointSet batch, PointSet out) {
    out.copyFrom(batch);
  }

  @Override
  public void merge(PointSet into, PointSet other) {
    into.appendAll(other);
  }

  @Override
  public void copy(PointSet from, PointSet to) {
    to.copyFrom(from);
  }

  @Override
  public long count(PointSet stats) {
    return stats.size;
  }

  /**
   * EM needs its seeded initialization: the loop calls {@link #fit(PointSet, Mixture,
   * RandomStream)}.
   */
  @Override
  public Mixture fit(PointSet stats, Mixture recycle, RandomStream fitStream) {
    Mixture m = recycle != null ? recycle : new Mixture(settings.components(), truth.d);
    EmFit.fit(
        stats,
        null,
        m,
        fitStream,
        settings.emTolerance(),
        settings.emMaxIterations(),
        settings.minVariance());
    return m;
  }

  /** The Monte Carlo KL needs the METRIC stream: the loop calls the three-argument overload. */
  @Override
  public void metrics(Mixture model, double[] out, RandomStream metricStream) {
    double entropy = 0.0;
    double min = Double.POSITIVE_INFINITY;
    for (int c = 0; c < model.k; c++) {
      entropy -= DetMath.xlogx(model.weights[c]);
      min = Math.min(min, model.weights[c]);
    }
    out[L2_DISTANCE] = Math.sqrt(MixtureDistances.l2Squared(model, truth));
    out[WEIGHT_ENTROPY] = entropy;
    out[MIN_WEIGHT] = min;
    out[VAR_RATIO] = model.totalTrace() / truthTrace;
    out[KL_TRUE_MODEL] =
        MixtureDistances.klMonteCarlo(truth, model, metricStream, settings.mcSamples());
  }

  /** No closed form for refitted mixtures (docs/theory.md has none): every row null. */
  @Override
  public double[][] theory(ChainSettings chainSettings) {
    return new double[metricNames().size()][];
  }

  // ---- anchoring mechanisms ----

  /** The entropy reservoir N(reservoir.mean, reservoir.scale^2 I): d standard normals a point. */
  @Override
  public void drawReservoir(RandomStream rng, int n, PointSet out, BlockRunner blocks) {
    int d = truth.d;
    out.ensureCapacity(n);
    for (int s = 0; s < n; s++) {
      int row = out.size * d;
      for (int a = 0; a < d; a++) {
        out.x[row + a] =
            mechanisms.reservoirMean() + mechanisms.reservoirScale() * rng.nextGaussian();
      }
      out.size++;
    }
  }

  /**
   * Correct when some truth component k has Mahalanobis distance at most the radius c in its own
   * covariance: min_k ||L_k^-1 (x - mu_k)||^2 <= c^2 (forward substitution with Sigma_k = L_k
   * L_k^T).
   */
  @Override
  public boolean correct(PointSet batch, int index) {
    int d = truth.d;
    int dd = d * d;
    double[] z = new double[d];
    double limit = mechanisms.radius() * mechanisms.radius();
    for (int c = 0; c < truth.k; c++) {
      double squared = 0;
      for (int a = 0; a < d; a++) {
        double s = batch.x[index * d + a] - truth.means[c * d + a];
        for (int b = 0; b < a; b++) {
          s -= truth.lower[c * dd + a * d + b] * z[b];
        }
        z[a] = s / truth.lower[c * dd + a * d + a];
        squared += z[a] * z[a];
      }
      if (squared <= limit) {
        return true;
      }
    }
    return false;
  }

  /**
   * Weighted EM: the exogenous points each weigh N w / N_exo and the others N (1 - w) / N_rest (N =
   * N_exo + N_rest, so the weights total N as the pooled fit's ones do) in the log-likelihood, the
   * pooled starting covariance and every M-step; the k-means++ seeding stays unweighted.
   */
  @Override
  public Mixture fitWeighted(
      PointSet exogenous, PointSet rest, double weight, Mixture recycle, RandomStream fitStream) {
    PointSet points = new PointSet(truth.d, exogenous.size + rest.size);
    points.appendAll(exogenous);
    points.appendAll(rest);
    double total = points.size;
    double[] weights = new double[points.size];
    java.util.Arrays.fill(weights, 0, exogenous.size, total * weight / exogenous.size);
    java.util.Arrays.fill(weights, exogenous.size, points.size, total * (1 - weight) / rest.size);
    Mixture m = recycle != null ? recycle : new Mixture(settings.components(), truth.d);
    EmFit.fit(
        points,
        weights,
        m,
        fitStream,
        settings.emTolerance(),
        settings.emMaxIterations(),
        settings.minVariance());
    return m;
  }

  /** The truth's levels: its weights' entropy and smallest weight, and var_ratio 1. */
  @Override
  public double[] truthValues() {
    double[] out = CellModel.super.truthValues();
    double entropy = 0.0;
    double min = Double.POSITIVE_INFINITY;
    for (int c = 0; c < truth.k; c++) {
      entropy -= DetMath.xlogx(truth.weights[c]);
      min = Math.min(min, truth.weights[c]);
    }
    out[WEIGHT_ENTROPY] = entropy;
    out[MIN_WEIGHT] = min;
    out[VAR_RATIO] = 1.0;
    return out;
  }

  @Override
  public CollapseCriterion defaultCollapse() {
    return new CollapseCriterion("var_ratio", VAR_RATIO, true, 0.1);
  }
}
