package org.collapsesim.family.markov;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.family.categorical.CategoricalTheory;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/** The markov family bound to one cell. */
final class MarkovCell implements CellModel<TransitionBatch, TransitionCounts, MarkovModel> {

  static final int ENTROPY_RATE = MarkovMetric.ENTROPY_RATE.ordinal();
  static final int KL_RATE = MarkovMetric.KL_RATE.ordinal();
  static final int DISTINCT_NGRAMS = MarkovMetric.DISTINCT_NGRAMS.ordinal();
  static final int PERPLEXITY = MarkovMetric.PERPLEXITY.ordinal();
  static final int UNIGRAM_ENTROPY = MarkovMetric.UNIGRAM_ENTROPY.ordinal();
  static final int GINI_SIMPSON = MarkovMetric.GINI_SIMPSON.ordinal();
  static final int SUPPORT = MarkovMetric.SUPPORT.ordinal();

  private final MarkovTruth truth;
  private final ContextCodec codec;
  private final int sequenceLength;
  private final double addK;
  private final RowDecoding decoding;
  private final double klEps;
  private final long[] validKeys; // the verifier: transition keys of non-zero truth probability

  MarkovCell(
      MarkovTruth truth, int sequenceLength, double addK, RowDecoding decoding, double klEps) {
    this.truth = truth;
    this.codec = truth.codec;
    this.sequenceLength = sequenceLength;
    this.addK = addK;
    this.decoding = decoding;
    this.klEps = klEps;
    this.validKeys = validKeys(truth);
  }

  private static long[] validKeys(MarkovTruth truth) {
    long[] keys = new long[truth.tokens.length];
    int n = 0;
    for (int c = 0; c < truth.contexts.length; c++) {
      for (int j = truth.rowStart[c]; j < truth.rowStart[c + 1]; j++) {
        if (truth.prob[j] > 0) {
          keys[n++] = truth.codec.key(truth.contexts[c], truth.tokens[j]);
        }
      }
    }
    keys = Arrays.copyOf(keys, n);
    Arrays.sort(keys);
    return keys;
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
    long[] keys = stats.sortedKeys();
    double[] counts = new double[keys.length];
    for (int j = 0; j < keys.length; j++) {
      counts[j] = stats.get(keys[j]);
    }
    double[] unigram = new double[codec.v];
    for (int y = 0; y < codec.v; y++) {
      unigram[y] = stats.unigram[y];
    }
    return build(keys, counts, unigram, stats.total);
  }

  /**
   * The model of transition counts {@code counts[j]} of the ascending {@code keys} (all positive),
   * with the unigram counts and their total: the rows, the successor indices and the context law
   * pi(c) = N(c) / N.
   */
  private MarkovModel build(long[] keys, double[] counts, double[] unigram, double total) {
    MarkovModel m = new MarkovModel(codec, addK);
    int nnz = keys.length;
    long[] rowKeys = new long[nnz];
    int[] rowStart = new int[nnz + 1];
    int[] tokens = new int[nnz];
    int n = 0;
    for (int j = 0; j < nnz; j++) {
      long c = codec.contextOf(keys[j]);
      if (n == 0 || rowKeys[n - 1] != c) {
        rowKeys[n] = c;
        rowStart[n] = j;
        n++;
      }
      tokens[j] = codec.tokenOf(keys[j]);
    }
    rowStart[n] = nnz;
    m.contexts = Arrays.copyOf(rowKeys, n);
    m.rowStart = Arrays.copyOf(rowStart, n + 1);
    m.tokens = tokens;
    m.counts = counts;
    m.contextTotal = new double[n];
    m.succ = new int[nnz];
    for (int c = 0; c < n; c++) {
      double rowTotal = 0;
      for (int j = m.rowStart[c]; j < m.rowStart[c + 1]; j++) {
        rowTotal += counts[j];
        m.succ[j] = m.indexOf(codec.next(m.contexts[c], tokens[j]));
      }
      m.contextTotal[c] = rowTotal;
    }
    System.arraycopy(unigram, 0, m.unigram, 0, codec.v);
    m.total = total;
    m.pi = new double[n];
    for (int c = 0; c < n; c++) {
      m.pi[c] = m.contextTotal[c] / total;
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
          double n = mc >= 0 ? m.count(mc, truth.tokens[j]) : 0;
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
      double n = mc >= 0 ? m.count(mc, codec.tokenOf(keys[i])) : 0;
      double total = mc >= 0 ? m.contextTotal[mc] : 0;
      nll -= truth.heldoutCounts[i] * (DetMath.log(n + klEps) - DetMath.log(total + v * klEps));
    }
    return DetMath.exp(nll / truth.heldoutTotal);
  }

  /**
   * At order 0 the chain is a categorical distribution refitted by counts (Wright-Fisher drift with
   * population M), so the Gini-Simpson index of its unigram follows the categorical family's moment
   * recursion ({@link CategoricalTheory}): with a = 0, E[GS_t] = GS* (1 - 1/M)^(t+1). The
   * reservoir's iid uniform tokens are the categorical reservoir's uniform law over the V tokens,
   * and weighted counts are the categorical weighted fit, so both enter as they do there. Order 0,
   * the mle estimator and identity decoding only (and what the recursion covers); null otherwise.
   */
  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    if (codec.order == 0 && addK == 0 && decoding.identity()) {
      theory[GINI_SIMPSON] =
          CategoricalTheory.giniSimpson(truth.unigramSumSquares, codec.v, settings);
    }
    return theory;
  }

  // ---- anchoring mechanisms ----

  /**
   * The entropy reservoir: iid uniform tokens, cut into sequences of sequence_length like the
   * model's, each started from a context of k iid uniform tokens (the stationary law of an iid
   * uniform text), so every transition key is uniform over the V^(k+1) keys. One uniform integer
   * per token.
   */
  @Override
  public void drawReservoir(RandomStream rng, int n, TransitionBatch out, BlockRunner blocks) {
    out.ensureCapacity(n);
    int v = codec.v;
    int remaining = n;
    while (remaining > 0) {
      int length = Math.min(sequenceLength, remaining);
      long context = 0;
      for (int i = 0; i < codec.order; i++) {
        context = codec.next(context, rng.nextInt(v));
      }
      for (int i = 0; i < length; i++) {
        int y = rng.nextInt(v);
        out.keys[out.size++] = codec.key(context, y);
        context = codec.next(context, y);
      }
      remaining -= length;
    }
  }

  /**
   * A sample of this family is one transition (sequences are cut into transitions), so the verifier
   * judges transitions: correct when the truth gives it non-zero probability (a context the truth
   * never reaches has none). A sequence is then kept exactly when all its transitions are, with FNR
   * = FPR = 0.
   */
  @Override
  public boolean correct(TransitionBatch batch, int index) {
    return Arrays.binarySearch(validKeys, batch.keys[index]) >= 0;
  }

  /**
   * Weighted counts: n(c, y) = N (w n_exo(c, y) / N_exo + (1 - w) n_rest(c, y) / N_rest) with N =
   * N_exo + N_rest, the unigram counts alike; rows, pi and the metrics read them as they read
   * counts. Keys whose weighted count is 0 (w = 0 or 1) leave the model's support.
   */
  @Override
  public MarkovModel fitWeighted(
      TransitionCounts exogenous,
      TransitionCounts rest,
      double weight,
      MarkovModel recycle,
      RandomStream fitStream) {
    double total = exogenous.total + rest.total;
    double a = weight / exogenous.total;
    double b = (1 - weight) / rest.total;
    TransitionCounts union = newStats();
    union.copyFrom(exogenous);
    union.mergeFrom(rest);
    long[] all = union.sortedKeys();
    long[] keys = new long[all.length];
    double[] counts = new double[all.length];
    int n = 0;
    for (long key : all) {
      double c = total * (a * exogenous.get(key) + b * rest.get(key));
      if (c > 0) {
        keys[n] = key;
        counts[n++] = c;
      }
    }
    double[] unigram = new double[codec.v];
    for (int y = 0; y < codec.v; y++) {
      unigram[y] = total * (a * exogenous.unigram[y] + b * rest.unigram[y]);
    }
    return build(Arrays.copyOf(keys, n), Arrays.copyOf(counts, n), unigram, total);
  }

  /**
   * The truth's levels: its entropy rate, and the entropy and Gini-Simpson index of its stationary
   * unigram law u*(y) = sum_c pi*(c) P*(y | c).
   */
  @Override
  public double[] truthValues() {
    double[] out = CellModel.super.truthValues();
    double h = 0;
    for (double u : truth.unigram) {
      h -= DetMath.xlogx(u);
    }
    out[ENTROPY_RATE] = truth.entropyRate;
    out[UNIGRAM_ENTROPY] = h;
    out[GINI_SIMPSON] = 1.0 - truth.unigramSumSquares;
    return out;
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
