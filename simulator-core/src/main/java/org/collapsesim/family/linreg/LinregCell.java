package org.collapsesim.family.linreg;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.linalg.Cholesky;
import org.collapsesim.linalg.SymmetricEigen;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.ZigguratNormal;

/**
 * The linreg family bound to one cell. A sample is a labelled row of the chain's fixed design, so
 * the family is {@link #positional}: every generation labels each of the T rows once, the rows of
 * the exogenous part with x.w* + e and the others with the previous model's x.w_{t-1} + e, and the
 * loop decides which rows are exogenous (count mixing: a uniformly random subset of floor(alpha_t T
 * + 0.5) rows; per-sample mixing: each row's own coin; the fixed anchor: rows 0..k-1 with their
 * generation-0 labels). Which rows are exogenous matters: the design is fixed for the whole chain,
 * so anchoring the same rows every generation leaves the others drifting. The design itself is
 * drawn from the first truth draw of the chain (generation 0's exogenous stream).
 */
final class LinregCell implements CellModel<LabelBatch, NormalEquations, LinregModel> {

  static final int TEST_ERROR = LinregMetric.TEST_ERROR.ordinal();
  static final int W_NORM_SQ = LinregMetric.W_NORM_SQ.ordinal();

  /** Relative eigenvalue cut-off of the pseudo-inverse fallback. */
  private static final double PSEUDO_INVERSE_CUTOFF = 1e-12;

  private final int d;
  private final int rows;
  private final double[] wStar;
  private final double wStarNormSq;
  private final double noise;
  private final double ridge;
  private final Mechanisms mechanisms;

  /**
   * The anchoring mechanisms' parameters.
   *
   * @param reservoirScale the standard deviation of the reservoir's pure-noise labels (0 without a
   *     reservoir)
   * @param band the verifier's c: a label is correct when |y - x.w*| <= c noise (0 without one)
   */
  record Mechanisms(double reservoirScale, double band) {
    static final Mechanisms NONE = new Mechanisms(0, 0);
  }

  LinregCell(int rows, double[] wStar, double noise, double ridge) {
    this(rows, wStar, noise, ridge, Mechanisms.NONE);
  }

  LinregCell(int rows, double[] wStar, double noise, double ridge, Mechanisms mechanisms) {
    this.d = wStar.length;
    this.rows = rows;
    this.wStar = wStar.clone();
    double s = 0;
    for (double v : wStar) {
      s += v * v;
    }
    this.wStarNormSq = s;
    this.noise = noise;
    this.ridge = ridge;
    this.mechanisms = mechanisms;
  }

  @Override
  public List<String> metricNames() {
    return LinregFamily.METRIC_NAMES;
  }

  @Override
  public LabelBatch newBatch(int capacity) {
    return new LabelBatch(capacity);
  }

  @Override
  public boolean positional() {
    return true;
  }

  @Override
  public void assignPositions(LabelBatch batch, int[] positions) {
    batch.positions = positions;
  }

  @Override
  public void drawTruth(RandomStream rng, int n, LabelBatch out, BlockRunner blocks) {
    if (out.design == null) {
      out.design = Design.draw(rng, rows, d);
    }
    label(out.design, wStar, noise, rng, n, out);
  }

  @Override
  public void drawModel(
      LinregModel model, RandomStream rng, int n, LabelBatch out, BlockRunner blocks) {
    out.design = model.design;
    label(model.design, model.w, noise, rng, n, out);
  }

  /**
   * Appends n samples: the batch's next positions (rows) labelled x.w + scale z, where row r's z is
   * deviate r of the stream from its current position (which then moves past all T rows). Keying
   * the noise by row, not by draw order, gives cells that differ only in mechanism the same label
   * on every row that both draw from the same source (common random numbers, README, Random streams
   * and determinism).
   */
  private void label(
      Design design, double[] w, double scale, RandomStream rng, int n, LabelBatch out) {
    out.ensureCapacity(n);
    long key = rng.key();
    long base = rng.position();
    for (int i = 0; i < n; i++) {
      int row = out.positions != null ? out.positions[out.size] : out.size % rows;
      out.rows[out.size] = row;
      out.y[out.size] = design.dot(row, w) + scale * ZigguratNormal.deviate(key, base + row);
      out.size++;
    }
    rng.skip(rows);
  }

  @Override
  public NormalEquations newStats() {
    return new NormalEquations(d);
  }

  @Override
  public void statsOf(LabelBatch batch, NormalEquations out) {
    double[] xtx = out.xtx;
    double[] xty = out.xty;
    Arrays.fill(xtx, 0.0);
    Arrays.fill(xty, 0.0);
    double[] x = batch.design.x;
    for (int s = 0; s < batch.size; s++) {
      int base = batch.rows[s] * d;
      double y = batch.y[s];
      for (int i = 0; i < d; i++) {
        double xi = x[base + i];
        xty[i] += xi * y;
        int rowI = i * d;
        for (int j = 0; j <= i; j++) {
          xtx[rowI + j] += xi * x[base + j];
        }
      }
    }
    mirrorLower(xtx, d);
    out.n = batch.size;
    out.design = batch.design;
  }

  private static void mirrorLower(double[] a, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        a[j * d + i] = a[i * d + j];
      }
    }
  }

  @Override
  public void merge(NormalEquations into, NormalEquations other) {
    for (int i = 0; i < into.xtx.length; i++) {
      into.xtx[i] += other.xtx[i];
    }
    for (int i = 0; i < d; i++) {
      into.xty[i] += other.xty[i];
    }
    into.n += other.n;
    if (into.design == null) {
      into.design = other.design;
    }
  }

  @Override
  public void copy(NormalEquations from, NormalEquations to) {
    System.arraycopy(from.xtx, 0, to.xtx, 0, from.xtx.length);
    System.arraycopy(from.xty, 0, to.xty, 0, d);
    to.n = from.n;
    to.design = from.design;
  }

  @Override
  public long count(NormalEquations stats) {
    return stats.n;
  }

  /**
   * w = (X^T X + lambda I)^-1 X^T y by Cholesky. When the matrix is numerically singular (only
   * possible with lambda = 0 and rows that span less than d dimensions), the minimum-norm least
   * squares solution is used instead: the pseudo-inverse with eigenvalues below 1e-12 times the
   * largest treated as zero (w = 0 if every eigenvalue is).
   */
  @Override
  public LinregModel fit(NormalEquations stats, LinregModel recycle, RandomStream fitStream) {
    LinregModel m = recycle != null ? recycle : new LinregModel(d);
    m.design = stats.design;
    System.arraycopy(stats.xtx, 0, m.a, 0, d * d);
    for (int i = 0; i < d; i++) {
      m.a[i * d + i] += ridge;
    }
    if (Cholesky.decompose(m.a, d, m.lower)) {
      Cholesky.solve(m.lower, d, stats.xty, m.w);
    } else {
      pseudoInverseSolve(m.a, stats.xty, m.w);
    }
    return m;
  }

  private void pseudoInverseSolve(double[] a, double[] b, double[] w) {
    double[] values = new double[d];
    double[] vectors = new double[d * d];
    SymmetricEigen.decompose(a, d, values, vectors);
    double cutoff = Math.max(values[d - 1], 0.0) * PSEUDO_INVERSE_CUTOFF;
    Arrays.fill(w, 0.0);
    for (int j = 0; j < d; j++) {
      if (!(values[j] > cutoff)) {
        continue;
      }
      double proj = 0;
      for (int i = 0; i < d; i++) {
        proj += vectors[i * d + j] * b[i];
      }
      double coef = proj / values[j];
      for (int i = 0; i < d; i++) {
        w[i] += coef * vectors[i * d + j];
      }
    }
  }

  @Override
  public void metrics(LinregModel model, double[] out, RandomStream metricStream) {
    double err = 0;
    double norm = 0;
    for (int i = 0; i < d; i++) {
      double diff = model.w[i] - wStar[i];
      err += diff * diff;
      norm += model.w[i] * model.w[i];
    }
    out[TEST_ERROR] = err;
    out[W_NORM_SQ] = norm;
  }

  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    double[] err = LinregTheory.testError(settings, d, noise, ridge);
    if (err != null) {
      theory[TEST_ERROR] = err;
      double[] norm = new double[err.length];
      for (int t = 0; t < err.length; t++) {
        norm[t] = wStarNormSq + err[t];
      }
      theory[W_NORM_SQ] = norm;
    }
    return theory;
  }

  // ---- anchoring mechanisms ----

  @Override
  public int positionOf(LabelBatch batch, int index) {
    return batch.rows[index];
  }

  /**
   * The entropy reservoir: the batch's next rows of the fixed design with pure-noise labels N(0,
   * reservoir.scale^2), row r's deviate keyed by r as for every label.
   */
  @Override
  public void drawReservoir(RandomStream rng, int n, LabelBatch out, BlockRunner blocks) {
    label(out.design, new double[d], mechanisms.reservoirScale(), rng, n, out);
  }

  /** A label is correct inside the truth's residual band: |y - x.w*| <= c sigma. */
  @Override
  public boolean correct(LabelBatch batch, int index) {
    double residual = batch.y[index] - batch.design.dot(batch.rows[index], wStar);
    return Math.abs(residual) <= mechanisms.band() * noise;
  }

  /**
   * Weighted least squares with per-row weights N w / N_exo (exogenous rows) and N (1 - w) / N_rest
   * (the others), totalling N = N_exo + N_rest as the pooled fit's unit weights do: X^T W X = N (w
   * X_exo^T X_exo / N_exo + (1 - w) X_rest^T X_rest / N_rest), X^T W y alike, then {@link #fit}
   * (the ridge added as for the pooled fit).
   */
  @Override
  public LinregModel fitWeighted(
      NormalEquations exogenous,
      NormalEquations rest,
      double weight,
      LinregModel recycle,
      RandomStream fitStream) {
    NormalEquations weighted = new NormalEquations(d);
    double total = exogenous.n + rest.n;
    double a = weight / exogenous.n;
    double b = (1 - weight) / rest.n;
    for (int i = 0; i < weighted.xtx.length; i++) {
      weighted.xtx[i] = total * (a * exogenous.xtx[i] + b * rest.xtx[i]);
    }
    for (int i = 0; i < d; i++) {
      weighted.xty[i] = total * (a * exogenous.xty[i] + b * rest.xty[i]);
    }
    weighted.n = exogenous.n + rest.n;
    weighted.design = exogenous.design != null ? exogenous.design : rest.design;
    return fit(weighted, recycle, fitStream);
  }

  /**
   * test_error >= 10 x sigma^2 d / (T - d - 1), the generation-0 theory value (10 sigma^2 d if T <=
   * d + 1).
   */
  @Override
  public CollapseCriterion defaultCollapse() {
    double perFit = rows > d + 1 ? LinregTheory.perFit(rows, d, noise) : noise * noise * d;
    return new CollapseCriterion("test_error", TEST_ERROR, false, 10 * perFit);
  }
}
