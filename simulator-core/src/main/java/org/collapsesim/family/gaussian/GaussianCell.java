// Over 400 lines: the family's whole contract in one place (explicit and exact draws, the fit
// with its singular fallback, the metrics, the theory, and its side of the anchoring mechanisms).
package org.collapsesim.family.gaussian;

import java.util.List;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.linalg.Cholesky;
import org.collapsesim.linalg.GaussianDistances;
import org.collapsesim.linalg.SymmetricEigen;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.random.GammaSampler;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;

/** The Gaussian family bound to one cell. */
final class GaussianCell implements CellModel<SampleMatrix, MomentStats, GaussianModel> {

  static final int VAR_RATIO = GaussianMetric.VAR_RATIO.ordinal();
  static final int LOGDET_RATIO = GaussianMetric.LOGDET_RATIO.ordinal();
  static final int MEAN_SQ_ERR = GaussianMetric.MEAN_SQ_ERR.ordinal();
  static final int KL_TRUE_MODEL = GaussianMetric.KL_TRUE_MODEL.ordinal();
  static final int W2_SQ = GaussianMetric.W2_SQ.ordinal();
  static final int ENTROPY = GaussianMetric.ENTROPY.ordinal();

  /**
   * A fitted covariance whose smallest eigenvalue is at most this fraction of its largest is
   * singular. A covariance fitted on n_train <= d samples has rank below d, but its computed
   * eigenvalues are round-off of order d 2^-52 times the largest (or far smaller after a few
   * generations sampled from a singular model), and whether a Cholesky factorization succeeds on it
   * is chance; 1e-12 is well above that round-off for any practical d and well below the
   * conditioning of a fitted covariance of a truth with condition number up to 1e10 (validated).
   */
  static final double SINGULAR_RATIO = 1e-12;

  private final GaussianTruth truth;
  private final boolean unbiased;
  private final double samplingBias;

  private final Mechanisms mechanisms;
  private final double[] reservoirMean;
  private final double[] reservoirFactor; // scale I

  /**
   * The family's side of the anchoring mechanisms.
   *
   * @param reservoirMean every coordinate of the reservoir's mean
   * @param reservoirScale its standard deviation per coordinate (0 without a reservoir)
   * @param radius the verifier's Mahalanobis radius c (0 without a verifier)
   */
  record Mechanisms(double reservoirMean, double reservoirScale, double radius) {
    static final Mechanisms NONE = new Mechanisms(0, 0, 0);
  }

  GaussianCell(GaussianTruth truth, boolean unbiased, double samplingBias) {
    this(truth, unbiased, samplingBias, Mechanisms.NONE);
  }

  GaussianCell(GaussianTruth truth, boolean unbiased, double samplingBias, Mechanisms mechanisms) {
    this.truth = truth;
    this.unbiased = unbiased;
    this.samplingBias = samplingBias;
    this.mechanisms = mechanisms;
    int d = truth.d;
    this.reservoirMean = new double[d];
    java.util.Arrays.fill(reservoirMean, mechanisms.reservoirMean());
    this.reservoirFactor = new double[d * d];
    for (int j = 0; j < d; j++) {
      reservoirFactor[j * d + j] = mechanisms.reservoirScale();
    }
  }

  @Override
  public List<String> metricNames() {
    return GaussianFamily.METRIC_NAMES;
  }

  @Override
  public SampleMatrix newBatch(int capacity) {
    return new SampleMatrix(truth.d, capacity);
  }

  @Override
  public void drawTruth(RandomStream rng, int n, SampleMatrix out, BlockRunner blocks) {
    draw(truth.mean, truth.lower, rng, n, out, blocks);
  }

  @Override
  public void drawModel(
      GaussianModel model, RandomStream rng, int n, SampleMatrix out, BlockRunner blocks) {
    if (!model.factorReady) {
      samplingFactor(model);
    }
    draw(model.mean, model.factor, rng, n, out, blocks);
  }

  /**
   * x = mean + F z with z standard normal, F lower triangular (or a symmetric square root). A draw
   * of at most {@link StreamKeys#BLOCK_SIZE} normal deviates comes from {@code rng}; a larger one
   * is cut into blocks of BLOCK_SIZE / d samples, block b from the substream {@link
   * StreamKeys#block}(rng, b), each writing its own rows, so the samples do not depend on how the
   * blocks are run.
   */
  private static void draw(
      double[] mean, double[] f, RandomStream rng, int n, SampleMatrix out, BlockRunner blocks) {
    int d = mean.length;
    out.ensureCapacity(n);
    int base = out.size;
    if ((long) n * d <= StreamKeys.BLOCK_SIZE) {
      drawRows(mean, f, rng, out.x, base, n);
      rng.skip((long) n * d);
    } else {
      int perBlock = Math.max(1, StreamKeys.BLOCK_SIZE / d);
      blocks.forEach(
          BlockRunner.count(n, perBlock),
          b -> {
            int from = b * perBlock;
            int rows = Math.min(n - from, perBlock);
            drawRows(
                mean,
                f,
                new RandomStream(StreamKeys.block(rng.key(), b)),
                out.x,
                base + from,
                rows);
          });
    }
    out.size += n;
  }

  /**
   * Rows [first, first + rows) of {@code x}: the deviates are words [position, position + rows d)
   * of {@code rng}, row by row (the caller skips them).
   */
  private static void drawRows(
      double[] mean, double[] f, RandomStream rng, double[] x, int first, int rows) {
    int d = mean.length;
    if (d == 1) { // the hot case: the deviates in vector lanes, then scaled in place
      double mu = mean[0];
      double sd = f[0];
      Kernels.get().gaussians(rng.key(), rng.position(), x, first, rows);
      for (int i = first; i < first + rows; i++) {
        x[i] = mu + sd * x[i];
      }
      return;
    }
    double[] z = new double[d];
    long position = rng.position();
    for (int i = 0; i < rows; i++) {
      Kernels.get().gaussians(rng.key(), position + (long) i * d, z, 0, d);
      int row = (first + i) * d;
      for (int a = 0; a < d; a++) {
        double s = mean[a];
        for (int b = 0; b < d; b++) {
          s += f[a * d + b] * z[b];
        }
        x[row + a] = s;
      }
    }
  }

  @Override
  public boolean hasExactPath() {
    return true;
  }

  @Override
  public void drawTruthStats(RandomStream rng, int n, MomentStats out, BlockRunner blocks) {
    drawStats(truth.mean, truth.lower, rng, n, out);
  }

  @Override
  public void drawModelStats(
      GaussianModel model, RandomStream rng, int n, MomentStats out, BlockRunner blocks) {
    if (!model.factorReady) {
      samplingFactor(model);
    }
    drawStats(model.mean, model.factor, rng, n, out);
  }

  /**
   * The statistics of n samples of N(mean, F F^T) without the samples (docs/internals.md, "Exact
   * paths"): the sample mean is N(mean, F F^T / n) and the scatter matrix is F W F^T with W ~
   * Wishart(n - 1, I), independent of the mean. W comes from Bartlett's decomposition W = L L^T (L
   * lower triangular, L_jj^2 ~ chi-square(n - 1 - j), L_ab ~ N(0, 1) below the diagonal) when n - 1
   * >= d, and as the sum of n - 1 outer products z z^T of standard normal vectors (a singular
   * Wishart) otherwise. In one dimension: mean + sd Z / sqrt(n) and sd^2 chi-square(n - 1).
   */
  private void drawStats(double[] mean, double[] f, RandomStream rng, int n, MomentStats out) {
    int d = mean.length;
    out.n = n;
    if (n == 0) {
      java.util.Arrays.fill(out.mean, 0.0);
      java.util.Arrays.fill(out.scatter, 0.0);
      return;
    }
    double root = Math.sqrt(n);
    if (d == 1) {
      double sd = f[0];
      out.mean[0] = mean[0] + sd * (rng.nextGaussian() / root);
      out.scatter[0] = n > 1 ? (sd * sd) * scatterLaw(n - 1).sample(rng) : 0.0;
      return;
    }
    double[] z = new double[d];
    for (int j = 0; j < d; j++) {
      z[j] = rng.nextGaussian() / root;
    }
    for (int a = 0; a < d; a++) {
      double s = mean[a];
      for (int b = 0; b < d; b++) {
        s += f[a * d + b] * z[b];
      }
      out.mean[a] = s;
    }
    int k = n - 1;
    int cols = Math.min(k, d);
    double[] g = new double[d * cols]; // d x cols: Bartlett's L, or k normal column vectors
    if (k >= d) {
      for (int a = 0; a < d; a++) {
        g[a * d + a] = Math.sqrt(GammaSampler.chiSquare(rng, k - a));
        for (int b = 0; b < a; b++) {
          g[a * d + b] = rng.nextGaussian();
        }
      }
    } else {
      for (int i = 0; i < g.length; i++) {
        g[i] = rng.nextGaussian();
      }
    }
    double[] h = new double[d * cols]; // F G
    for (int a = 0; a < d; a++) {
      for (int c = 0; c < cols; c++) {
        double s = 0;
        for (int b = 0; b < d; b++) {
          s += f[a * d + b] * g[b * cols + c];
        }
        h[a * cols + c] = s;
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double s = 0;
        for (int c = 0; c < cols; c++) {
          s += h[a * cols + c] * h[b * cols + c];
        }
        out.scatter[a * d + b] = s;
        out.scatter[b * d + a] = s;
      }
    }
  }

  /**
   * The chi-square law of the last part size drawn (n - 1 degrees of freedom; almost always M - 1).
   * Shared by the chains that run on this cell: a thread that reads another's law sees it whole
   * (final fields), and one that finds another size replaces it.
   */
  private GammaSampler.ChiSquare scatterLaw = new GammaSampler.ChiSquare(1);

  private GammaSampler.ChiSquare scatterLaw(long k) {
    GammaSampler.ChiSquare law = scatterLaw;
    if (law.k() != k) {
      law = new GammaSampler.ChiSquare(k);
      scatterLaw = law;
    }
    return law;
  }

  /** F with F F^T = lambda Sigma: Cholesky, or the symmetric square root when Sigma is singular. */
  private void samplingFactor(GaussianModel model) {
    int d = model.d;
    double[] scaled = new double[d * d];
    for (int i = 0; i < d * d; i++) {
      scaled[i] = samplingBias * model.cov[i];
    }
    if (d == 1) {
      model.factor[0] = Math.sqrt(Math.max(scaled[0], 0.0));
    } else if (!Cholesky.decompose(scaled, d, model.factor)) {
      SymmetricEigen.sqrtm(scaled, d, model.factor);
    }
    model.factorReady = true;
  }

  @Override
  public MomentStats newStats() {
    return new MomentStats(truth.d);
  }

  @Override
  public void statsOf(SampleMatrix batch, MomentStats out) {
    out.setFrom(batch);
  }

  @Override
  public void merge(MomentStats into, MomentStats other) {
    into.merge(other);
  }

  @Override
  public void copy(MomentStats from, MomentStats to) {
    to.copyFrom(from);
  }

  @Override
  public long count(MomentStats stats) {
    return stats.n;
  }

  /**
   * Mean and covariance: scatter / N (mle) or scatter / (N - 1) (unbiased). On a single sample
   * (reachable only when a verifier rejects all but one) the scatter is zero and the unbiased
   * estimator is 0/0: it gives the point model at that sample, as mle does (singular, so the
   * metrics say so), rather than a NaN covariance.
   */
  @Override
  public GaussianModel fit(MomentStats stats, GaussianModel recycle, RandomStream fitStream) {
    int d = truth.d;
    GaussianModel m = recycle != null ? recycle : new GaussianModel(d);
    System.arraycopy(stats.mean, 0, m.mean, 0, d);
    double denominator = unbiased && stats.n > 1 ? stats.n - 1.0 : stats.n;
    for (int i = 0; i < d * d; i++) {
      m.cov[i] = stats.scatter[i] / denominator;
    }
    m.factorReady = false;
    m.singular = stats.n <= d || numericallySingular(m.cov, d);
    return m;
  }

  /** lambda_min <= SINGULAR_RATIO lambda_max (in one dimension: the variance is not positive). */
  static boolean numericallySingular(double[] cov, int d) {
    if (d == 1) {
      return !(cov[0] > 0.0);
    }
    double[] lambda = new double[d];
    SymmetricEigen.eigenvalues(cov, d, lambda); // ascending
    return !(lambda[0] > SINGULAR_RATIO * lambda[d - 1]);
  }

  /**
   * README, Families and metrics metrics. A singular model (see {@link GaussianModel#singular}) has
   * no density: its log-determinant and entropy are -Infinity and KL(P* || P_t) is +Infinity,
   * whatever round-off would let a Cholesky factorization compute.
   */
  @Override
  public void metrics(GaussianModel model, double[] out, RandomStream metricStream) {
    int d = truth.d;
    // the model factored once for the KL and the entropy (one logarithm in one dimension)
    GaussianDistances.Prepared fitted =
        model.singular ? null : GaussianDistances.Prepared.of(model.mean, model.cov, d);
    boolean regular = fitted != null && fitted.regular();
    double logDet = Double.NEGATIVE_INFINITY;
    if (regular) {
      // d = 1: ln det as its 1 x 1 Cholesky factor gives it, 2 ln sqrt(v), as the truth's is (the
      // column's numbers since it was written; the KL and entropy take ln v)
      logDet =
          d == 1 ? Cholesky.logDet(new double[] {Math.sqrt(model.cov[0])}, 1) : fitted.logDet();
    }
    double meanSq = 0;
    for (int j = 0; j < d; j++) {
      double e = model.mean[j] - truth.mean[j];
      meanSq += e * e;
    }
    out[VAR_RATIO] = model.trace() / truth.trace;
    out[LOGDET_RATIO] = logDet - truth.logDet;
    out[MEAN_SQ_ERR] = meanSq;
    out[KL_TRUE_MODEL] =
        regular ? GaussianDistances.kl(truth.prepared, fitted) : Double.POSITIVE_INFINITY;
    out[W2_SQ] = GaussianDistances.w2Squared(model.mean, model.cov, truth.mean, truth.cov, d);
    out[ENTROPY] =
        regular ? GaussianDistances.differentialEntropy(fitted) : Double.NEGATIVE_INFINITY;
  }

  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    if (GaussianTheory.applies(settings)) {
      double[][] moments =
          GaussianTheory.moments(
              truth.trace,
              reservoirLaw(),
              samplingBias,
              unbiased,
              settings.samples(),
              settings.generations(),
              settings::partWeights);
      theory[VAR_RATIO] = moments[0];
      theory[MEAN_SQ_ERR] = moments[1];
    }
    return theory;
  }

  // ---- anchoring mechanisms ----

  /** The reservoir as the theory sees it: trace d s^2 and squared offset ||mu_r - mu*||^2. */
  private GaussianTheory.Reservoir reservoirLaw() {
    int d = truth.d;
    double s = mechanisms.reservoirScale();
    double offset = 0;
    for (int j = 0; j < d; j++) {
      double e = reservoirMean[j] - truth.mean[j];
      offset += e * e;
    }
    return new GaussianTheory.Reservoir(d * s * s, offset);
  }

  /** The entropy reservoir N(reservoir.mean, reservoir.scale^2 I), drawn as the truth is. */
  @Override
  public void drawReservoir(RandomStream rng, int n, SampleMatrix out, BlockRunner blocks) {
    draw(reservoirMean, reservoirFactor, rng, n, out, blocks);
  }

  @Override
  public void drawReservoirStats(RandomStream rng, int n, MomentStats out, BlockRunner blocks) {
    drawStats(reservoirMean, reservoirFactor, rng, n, out);
  }

  /**
   * Correct when the Mahalanobis distance to the truth's mean, in Sigma*, is at most the radius c:
   * with Sigma* = L L^T, ||L^-1 (x - mu*)||^2 <= c^2 (forward substitution).
   */
  @Override
  public boolean correct(SampleMatrix batch, int index) {
    int d = truth.d;
    double[] l = truth.lower;
    double c = mechanisms.radius();
    if (d == 1) { // the loop below at d = 1, without its scratch vector
      double z = (batch.x[index] - truth.mean[0]) / l[0];
      return z * z <= c * c;
    }
    double[] z = new double[d];
    double squared = 0;
    for (int a = 0; a < d; a++) {
      double s = batch.x[index * d + a] - truth.mean[a];
      for (int b = 0; b < a; b++) {
        s -= l[a * d + b] * z[b];
      }
      z[a] = s / l[a * d + a];
      squared += z[a] * z[a];
    }
    return squared <= c * c;
  }

  /**
   * The weighted real/synthetic fit of "golden ratio" weighting: with W = w for the exogenous part
   * and 1 - w for the rest, mu = w mu_exo + (1 - w) mu_rest and Sigma = w S_exo / n_exo + (1 - w)
   * S_rest / n_rest + w (1 - w) (mu_exo - mu_rest)(mu_exo - mu_rest)^T: the weighted second moment
   * minus the square of the weighted mean (mle).
   */
  @Override
  public GaussianModel fitWeighted(
      MomentStats exogenous,
      MomentStats rest,
      double weight,
      GaussianModel recycle,
      RandomStream fitStream) {
    int d = truth.d;
    GaussianModel m = recycle != null ? recycle : new GaussianModel(d);
    double a = weight / exogenous.n;
    double b = (1 - weight) / rest.n;
    double between = weight * (1 - weight);
    for (int i = 0; i < d; i++) {
      m.mean[i] = weight * exogenous.mean[i] + (1 - weight) * rest.mean[i];
    }
    for (int i = 0; i < d; i++) {
      double di = exogenous.mean[i] - rest.mean[i];
      for (int j = 0; j < d; j++) {
        double dj = exogenous.mean[j] - rest.mean[j];
        m.cov[i * d + j] =
            a * exogenous.scatter[i * d + j] + b * rest.scatter[i * d + j] + between * di * dj;
      }
    }
    m.factorReady = false;
    return m;
  }

  /** The truth's levels: var_ratio 1, logdet_ratio 0, and H(P*). */
  @Override
  public double[] truthValues() {
    double[] out = CellModel.super.truthValues();
    out[VAR_RATIO] = 1.0;
    out[LOGDET_RATIO] = 0.0;
    out[ENTROPY] = GaussianDistances.differentialEntropy(truth.prepared);
    return out;
  }

  @Override
  public CollapseCriterion defaultCollapse() {
    return new CollapseCriterion("var_ratio", VAR_RATIO, true, 0.1);
  }
}
