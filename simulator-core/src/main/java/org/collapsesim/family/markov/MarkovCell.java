package org.collapsesim.family.markov;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/** The markov family bound to one cell. */
final class MarkovCell implements CellModel<TransitionBatch, TransitionCounts, MarkovModel> {

  static final int ENTROPY_RATE = 0;
  static final int KL_RATE = 1;
  static final int DISTINCT_NGRAMS = 2;
  static final int PERPLEXITY = 3;
  static final int UNIGRAM_ENTROPY = 4;
  static final int GINI_SIMPSON = 5;
  static final int SUPPORT = 6;

  private final MarkovTruth truth;
  private final ContextCodec codec;
  private final int sequenceLength;
  private final double addK;
  private final RowDecoding decoding;
  private final double klEps;

  MarkovCell(
      MarkovTruth truth, int sequenceLength, double addK, RowDecoding decoding, double klEps) {
    this.truth = truth;
    this.codec = truth.codec;
    this.sequenceLength = sequenceLength;
    this.addK = addK;
    this.decoding = decoding;
    this.klEps = klEps;
  }

  @Override
  public List<String> metricNames() {
    return MarkovFamily.METRIC_NAMES;
  }

  @Override
  public TransitionBatch newBatch(int capacity) {
    return new TransitionBatch(capacity);
  }

  @Override
  public void drawTruth(RandomStream rng, int n, TransitionBatch out, BlockRunner blocks) {
    truth.sample(rng, n, sequenceLength, out);
  }

  @Override
  public void drawModel(
      MarkovModel model, RandomStream rng, int n, TransitionBatch out, BlockRunner blocks) {
    if (n == 0) {
      return;
    }
    if (!model.samplerReady) {
      model.prepareSampler(decoding);
    }
    model.sample(rng, n, sequenceLength, decoding, out);
  }

  @Override
  public TransitionCounts newStats() {
    return new TransitionCounts(codec.v);
  }

  @Override
  public void statsOf(TransitionBatch batch, TransitionCounts out) {
    out.clear();
    for (int i = 0; i < batch.size; i++) {
      out.add(batch.keys[i], 1);
    }
  }

  @Override
  public void merge(TransitionCounts into, TransitionCounts other) {
    into.mergeFrom(other);
  }

  @Override
  public void copy(TransitionCounts from, TransitionCounts to) {
    to.copyFrom(from);
  }

  @Override
  public long count(TransitionCounts stats) {
    return stats.total;
  }

  /**
   * Transition counts, read in ascending key order. The context law pi is always the empirical
   * context distribution N(c) / N of the training data (docs/families.md, markov): it weights the
   * entropy rate and starts the model's sequences, for every fitted chain alike (open, reducible,
   * periodic or absorbing, mle or add-k), so no metric switches rule between generations.
   */
  @Override
  public MarkovModel fit(TransitionCounts stats, MarkovModel recycle, RandomStream fitStream) {
    MarkovModel m = new MarkovModel(codec, addK);
    long[] keys = stats.sortedKeys();
    int nnz = keys.length;
    long[] rowKeys = new long[nnz];
    int[] rowStart = new int[nnz + 1];
    int[] tokens = new int[nnz];
    long[] counts = new long[nnz];
    int n = 0;
    for (int j = 0; j < nnz; j++) {
      long c = codec.contextOf(keys[j]);
      if (n == 0 || rowKeys[n - 1] != c) {
        rowKeys[n] = c;
        rowStart[n] = j;
        n++;
      }
      tokens[j] = codec.tokenOf(keys[j]);
      counts[j] = stats.get(keys[j]);
    }
    rowStart[n] = nnz;
    m.contexts = Arrays.copyOf(rowKeys, n);
    m.rowStart = Arrays.copyOf(rowStart, n + 1);
    m.tokens = tokens;
    m.counts = counts;
    m.contextTotal = new long[n];
    m.succ = new int[nnz];
    for (int c = 0; c < n; c++) {
      long total = 0;
      for (int j = m.rowStart[c]; j < m.rowStart[c + 1]; j++) {
        total += counts[j];
        m.succ[j] = m.indexOf(codec.next(m.contexts[c], tokens[j]));
      }
      m.contextTotal[c] = total;
    }
    System.arraycopy(stats.unigram, 0, m.unigram, 0, codec.v);
    m.total = stats.total;
    m.pi = new double[n];
    for (int c = 0; c < n; c++) {
      m.pi[c] = m.contextTotal[c] / (double) stats.total;
    }
    return m;
  }

  @Override
  public void metrics(MarkovModel model, double[] out, RandomStream metricStream) {
    int v = codec.v;
    out[ENTROPY_RATE] = entropyRate(model);
    out[KL_RATE] = klRate(model);
    out[DISTINCT_NGRAMS] = model.tokens.length;
    out[PERPLEXITY] = perplexity(model);
    double h = 0;
    double squares = 0;
    long support = 0;
    double total = model.total;
    for (int y = 0; y < v; y++) {
      double p = model.unigram[y] / total;
      h -= DetMath.xlogx(p);
      squares += p * p;
      if (model.unigram[y] > 0) {
        support++;
      }
    }
    out[UNIGRAM_ENTROPY] = h;
    out[GINI_SIMPSON] = 1.0 - squares;
    out[SUPPORT] = support;
  }

  /**
   * The plug-in entropy rate sum_c (N(c) / N) H(P_t(. | c)) over the observed contexts, the rows as
   * fitted (add-k included); with mle it is the empirical conditional entropy H(Y | C) of the
   * training transitions.
   */
  private double entropyRate(MarkovModel m) {
    int v = codec.v;
    double rate = 0;
    for (int c = 0; c < m.contexts(); c++) {
      double denominator = m.contextTotal[c] + v * addK;
      double h = 0;
      int from = m.rowStart[c];
      int to = m.rowStart[c + 1];
      for (int j = from; j < to; j++) {
        h -= DetMath.xlogx((m.counts[j] + addK) / denominator);
      }
      if (addK > 0) {
        h -= (v - (to - from)) * DetMath.xlogx(addK / denominator);
      }
      rate += m.pi[c] * h;
    }
    return rate;
  }

  /**
   * sum_c pi*(c) KL(P*(. | c) || Q(. | c)) with Q the smoothed model (n(c, y) + eps) / (N(c) + V
   * eps), eps = kl_eps (uniform in a context the model never observed), pi* the truth's stationary
   * law.
   */
  private double klRate(MarkovModel m) {
    int v = codec.v;
    double rate = 0;
    for (int c = 0; c < truth.contexts.length; c++) {
      int mc = m.indexOf(truth.contexts[c]);
      double logDenominator = DetMath.log((mc >= 0 ? m.contextTotal[mc] : 0) + v * klEps);
      double kl = 0;
      for (int j = truth.rowStart[c]; j < truth.rowStart[c + 1]; j++) {
        if (truth.prob[j] > 0) {
          long n = mc >= 0 ? m.count(mc, truth.tokens[j]) : 0;
          kl += truth.prob[j] * (truth.logProb[j] - (DetMath.log(n + klEps) - logDenominator));
        }
      }
      rate += truth.pi[c] * kl;
    }
    return Math.max(rate, 0.0);
  }

  /**
   * exp of the mean negative log-likelihood of the held-out truth text under the smoothed model.
   */
  private double perplexity(MarkovModel m) {
    int v = codec.v;
    double nll = 0;
    long[] keys = truth.heldoutKeys;
    for (int i = 0; i < keys.length; i++) {
      int mc = m.indexOf(codec.contextOf(keys[i]));
      long n = mc >= 0 ? m.count(mc, codec.tokenOf(keys[i])) : 0;
      long total = mc >= 0 ? m.contextTotal[mc] : 0;
      nll -= truth.heldoutCounts[i] * (DetMath.log(n + klEps) - DetMath.log(total + v * klEps));
    }
    return DetMath.exp(nll / truth.heldoutTotal);
  }

  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    if (codec.order == 0 && addK == 0 && decoding.identity()) {
      theory[GINI_SIMPSON] = MarkovTheory.giniSimpson(truth.unigramSumSquares, codec.v, settings);
    }
    return theory;
  }

  /** entropy_rate <= 0.1 x the truth's entropy rate. */
  @Override
  public CollapseCriterion defaultCollapse() {
    return new CollapseCriterion("entropy_rate", ENTROPY_RATE, true, 0.1 * truth.entropyRate);
  }

  MarkovTruth truth() {
    return truth;
  }
}
