package org.collapsesim.family.categorical;

import java.util.List;
import org.collapsesim.kernel.KernelSupport;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.AliasTable;
import org.collapsesim.random.MultinomialSampler;
import org.collapsesim.random.RandomStream;

/** The categorical family bound to one cell. */
final class CategoricalCell implements CellModel<TokenBatch, CountStats, CategoricalModel> {

  static final int ENTROPY = 0;
  static final int GINI_SIMPSON = 1;
  static final int KL_TRUE_MODEL = 2;
  static final int KL_MODEL_TRUE = 3;
  static final int TV = 4;
  static final int SUPPORT = 5;
  static final int TAIL_MASS = 6;
  static final int EXTINCT = 7;

  private final CategoricalTruth truth;
  private final double addK; // 0 for mle
  private final CategoricalDecoding decoding;
  private final double klEps;

  CategoricalCell(CategoricalTruth truth, double addK, CategoricalDecoding decoding, double klEps) {
    this.truth = truth;
    this.addK = addK;
    this.decoding = decoding;
    this.klEps = klEps;
  }

  @Override
  public List<String> metricNames() {
    return CategoricalFamily.METRIC_NAMES;
  }

  @Override
  public TokenBatch newBatch(int capacity) {
    return new TokenBatch(capacity);
  }

  @Override
  public int size(TokenBatch batch) {
    return batch.size;
  }

  @Override
  public void clear(TokenBatch batch) {
    batch.size = 0;
  }

  @Override
  public void copySample(TokenBatch from, int index, TokenBatch to) {
    to.add(from.tokens[index]);
  }

  @Override
  public void drawTruth(RandomStream rng, int n, TokenBatch out) {
    out.ensureCapacity(n);
    for (int i = 0; i < n; i++) {
      out.tokens[out.size++] = truth.sampler.sample(rng);
    }
  }

  @Override
  public void drawModel(CategoricalModel model, RandomStream rng, int n, TokenBatch out) {
    if (n == 0) {
      return;
    }
    if (decoding.identity()) {
      model.sampler.rebuild(model.p, model.p.length);
    } else {
      decoding.apply(model.p, model.decoded);
      model.sampler.rebuild(model.decoded, model.decoded.length);
    }
    out.ensureCapacity(n);
    for (int i = 0; i < n; i++) {
      out.tokens[out.size++] = model.sampler.sample(rng);
    }
  }

  /**
   * Conditional binomials win when the draws outnumber the live categories by this factor (one
   * binomial costs about as much as a few alias draws and their counting).
   */
  static final int BINOMIALS_PER_DRAW_FACTOR = 4;

  @Override
  public boolean hasExactPath() {
    return true;
  }

  /** Multinomial(n, p*) counts; see {@link #drawCounts}. */
  @Override
  public void drawTruthStats(RandomStream rng, int n, CountStats out) {
    java.util.Arrays.fill(out.counts, 0L);
    out.total = n;
    int[] live = truth.live;
    if (n >= (long) BINOMIALS_PER_DRAW_FACTOR * live.length) {
      out.ensureScratch();
      MultinomialSampler.conditionalBinomials(rng, n, truth.p, live, live.length, out.suffix, out.counts);
    } else {
      for (int i = 0; i < n; i++) {
        out.counts[truth.sampler.sample(rng)]++;
      }
    }
  }

  /** Multinomial(n, decode(p)) counts; see {@link #drawCounts}. */
  @Override
  public void drawModelStats(CategoricalModel model, RandomStream rng, int n, CountStats out) {
    java.util.Arrays.fill(out.counts, 0L);
    out.total = n;
    if (n == 0) {
      return;
    }
    double[] w = model.p;
    if (!decoding.identity()) {
      decoding.apply(model.p, model.decoded);
      w = model.decoded;
    }
    drawCounts(w, model, rng, n, out);
  }

  /**
   * The counts of n draws from weights {@code w}, without the draws: conditional binomials over
   * the live categories when n is large against them, else alias draws over the live categories
   * (a table packed to them, so it stays small as categories die out) and counting. Both are
   * exactly Multinomial(n, w / sum w); which one runs depends only on the numbers, so the result is
   * deterministic.
   */
  private static void drawCounts(double[] w, CategoricalModel model, RandomStream rng, int n, CountStats out) {
    out.ensureScratch();
    int[] live = out.live;
    double[] packed = out.packed;
    int m = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        packed[m] = w[i];
        live[m++] = i;
      }
    }
    if (n >= (long) BINOMIALS_PER_DRAW_FACTOR * m) {
      MultinomialSampler.conditionalBinomials(rng, n, w, live, m, out.suffix, out.counts);
      return;
    }
    AliasTable table = model.sampler;
    table.rebuild(packed, m);
    long[] counts = out.counts;
    for (int i = 0; i < n; i++) {
      counts[live[table.sample(rng)]]++;
    }
  }

  @Override
  public CountStats newStats() {
    return new CountStats(truth.size());
  }

  @Override
  public void statsOf(TokenBatch batch, CountStats out) {
    java.util.Arrays.fill(out.counts, 0L);
    for (int i = 0; i < batch.size; i++) {
      out.counts[batch.tokens[i]]++;
    }
    out.total = batch.size;
  }

  @Override
  public void merge(CountStats into, CountStats other) {
    for (int i = 0; i < into.counts.length; i++) {
      into.counts[i] += other.counts[i];
    }
    into.total += other.total;
  }

  @Override
  public void copy(CountStats from, CountStats to) {
    System.arraycopy(from.counts, 0, to.counts, 0, from.counts.length);
    to.total = from.total;
  }

  @Override
  public long count(CountStats stats) {
    return stats.total;
  }

  /** Maximum likelihood counts/N, or add-k (c_i + k) / (N + V k). */
  @Override
  public CategoricalModel fit(CountStats stats, CategoricalModel recycle) {
    int v = truth.size();
    CategoricalModel m = recycle != null ? recycle : new CategoricalModel(v);
    System.arraycopy(stats.counts, 0, m.counts, 0, v);
    m.total = stats.total;
    double denominator = stats.total + v * addK;
    for (int i = 0; i < v; i++) {
      m.p[i] = (stats.counts[i] + addK) / denominator;
    }
    return m;
  }

  @Override
  public void metrics(CategoricalModel model, double[] out) {
    double[] pStar = truth.p;
    double[] logStar = truth.logP;
    double[] p = model.p;
    long[] c = model.counts;
    int v = p.length;
    double smoothedDenominator = model.total + v * klEps;
    double logSmoothedDenominator = DetMath.log(smoothedDenominator);
    double[] pass = new double[KernelSupport.CATEGORICAL_SLOTS];
    Kernels.get().categoricalPass(p, pStar, logStar, c, v, klEps, logSmoothedDenominator, pass);
    double tail = 0;
    for (int i : truth.tail) {
      tail += p[i];
    }
    out[ENTROPY] = pass[KernelSupport.ENTROPY];
    out[GINI_SIMPSON] = 1.0 - pass[KernelSupport.SQUARES];
    out[KL_TRUE_MODEL] = pass[KernelSupport.KL_TRUE_MODEL];
    out[KL_MODEL_TRUE] = pass[KernelSupport.KL_MODEL_TRUE];
    out[TV] = 0.5 * pass[KernelSupport.L1];
    out[SUPPORT] = pass[KernelSupport.SUPPORT];
    out[TAIL_MASS] = tail;
    out[EXTINCT] = pass[KernelSupport.EXTINCT];
  }

  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    if (addK == 0 && decoding.identity()) {
      theory[GINI_SIMPSON] = CategoricalTheory.giniSimpson(truth.sumSquares, settings);
    }
    return theory;
  }

  @Override
  public CollapseCriterion defaultCollapse() {
    return new CollapseCriterion("entropy", ENTROPY, true, 0.1 * truth.entropy);
  }

  CategoricalTruth truth() {
    return truth;
  }
}
