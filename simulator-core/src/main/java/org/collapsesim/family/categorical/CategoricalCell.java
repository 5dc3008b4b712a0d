package org.collapsesim.family.categorical;

import java.util.List;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.math.DetMath;
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
    double entropy = 0;
    double squares = 0;
    double klTrueModel = 0;
    double klModelTrue = 0;
    double l1 = 0;
    long support = 0;
    long extinct = 0;
    for (int i = 0; i < v; i++) {
      double pi = p[i];
      double logPi = pi > 0 ? DetMath.log(pi) : 0.0;
      entropy -= pi * logPi;
      squares += pi * pi;
      if (pStar[i] > 0) {
        double logSmoothed = DetMath.log(c[i] + klEps) - logSmoothedDenominator;
        klTrueModel += pStar[i] * (logStar[i] - logSmoothed);
        if (c[i] == 0) {
          extinct++;
        }
      }
      if (pi > 0) {
        klModelTrue += pStar[i] > 0 ? pi * (logPi - logStar[i]) : Double.POSITIVE_INFINITY;
      }
      l1 += Math.abs(pi - pStar[i]);
      if (c[i] > 0) {
        support++;
      }
    }
    double tail = 0;
    for (int i : truth.tail) {
      tail += p[i];
    }
    out[ENTROPY] = entropy;
    out[GINI_SIMPSON] = 1.0 - squares;
    out[KL_TRUE_MODEL] = klTrueModel;
    out[KL_MODEL_TRUE] = klModelTrue;
    out[TV] = 0.5 * l1;
    out[SUPPORT] = support;
    out[TAIL_MASS] = tail;
    out[EXTINCT] = extinct;
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
