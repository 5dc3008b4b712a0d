// Over 400 lines: the family's whole contract in one place (explicit and exact draws, the fit,
// three metric paths: counted, dense and weighted, and its side of the anchoring mechanisms).
package org.collapsesim.family.categorical;

import java.util.List;
import org.collapsesim.kernel.KernelSupport;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.AliasTable;
import org.collapsesim.random.BinomialSampler;
import org.collapsesim.random.MultinomialSampler;
import org.collapsesim.random.MultinomialSampler.TailPoints;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;

/** The categorical family bound to one cell. */
final class CategoricalCell implements CellModel<TokenBatch, CountStats, CategoricalModel> {

  static final int ENTROPY = CategoricalMetric.ENTROPY.ordinal();
  static final int GINI_SIMPSON = CategoricalMetric.GINI_SIMPSON.ordinal();
  static final int KL_TRUE_MODEL = CategoricalMetric.KL_TRUE_MODEL.ordinal();
  static final int KL_MODEL_TRUE = CategoricalMetric.KL_MODEL_TRUE.ordinal();
  static final int TV = CategoricalMetric.TV.ordinal();
  static final int SUPPORT = CategoricalMetric.SUPPORT.ordinal();
  static final int TAIL_MASS = CategoricalMetric.TAIL_MASS.ordinal();
  static final int EXTINCT = CategoricalMetric.EXTINCT.ordinal();

  private final CategoricalTruth truth;
  private final double addK; // 0 for mle
  private final CategoricalDecoding decoding;
  private final double klEps;
  private final CountLogs countLogs = new CountLogs(0.0);
  private final CountLogs smoothedLogs;
  private final boolean[] correct; // the verifier's correct categories, null without a verifier
  private Reservoir reservoir; // built on first use: at V = 1e6 it takes 40 MB

  /** The exact draws' scratch, one per draw in progress (chains run side by side on a cell). */
  private final java.util.concurrent.ConcurrentLinkedQueue<DrawScratch> scratchPool =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  CategoricalCell(CategoricalTruth truth, double addK, CategoricalDecoding decoding, double klEps) {
    this(truth, addK, decoding, klEps, null);
  }

  CategoricalCell(
      CategoricalTruth truth,
      double addK,
      CategoricalDecoding decoding,
      double klEps,
      boolean[] correct) {
    this.truth = truth;
    this.addK = addK;
    this.decoding = decoding;
    this.klEps = klEps;
    this.smoothedLogs = new CountLogs(klEps);
    this.correct = correct;
  }

  /** The entropy reservoir's law: uniform over the V categories, as weights and an alias table. */
  private record Reservoir(double[] weights, int[] every, AliasTable table) {
    static Reservoir over(int v) {
      double[] weights = new double[v];
      java.util.Arrays.fill(weights, 1.0 / v);
      return new Reservoir(
          weights, java.util.stream.IntStream.range(0, v).toArray(), AliasTable.of(weights));
    }
  }

  /** The reservoir, built by the first chain that draws from it (chains share the cell). */
  private synchronized Reservoir reservoir() {
    if (reservoir == null) {
      reservoir = Reservoir.over(truth.size());
    }
    return reservoir;
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
  public void drawTruth(RandomStream rng, int n, TokenBatch out, BlockRunner blocks) {
    drawTokens(truth.sampler(), null, rng, n, out, blocks);
  }

  /** Alias draws over the live categories of decode(p), the table built once for every block. */
  @Override
  public void drawModel(
      CategoricalModel model, RandomStream rng, int n, TokenBatch out, BlockRunner blocks) {
    if (n == 0) {
      return;
    }
    double[] w = weights(model);
    int[] live = model.live();
    double[] packed = model.packed();
    int m = liveOf(model, w, live);
    for (int k = 0; k < m; k++) {
      packed[k] = w[live[k]];
    }
    model.sampler.rebuild(packed, m);
    drawTokens(model.sampler, live, rng, n, out, blocks);
  }

  /**
   * n tokens from {@code table} (mapped through {@code live} when not null). Up to {@link
   * StreamKeys#BLOCK_SIZE} tokens come from {@code rng}; a larger draw is cut into blocks of that
   * many tokens, block b from the substream {@link StreamKeys#block}(rng, b), each writing its own
   * range of the batch, so the tokens do not depend on how the blocks are run.
   */
  private static void drawTokens(
      AliasTable table, int[] live, RandomStream rng, int n, TokenBatch out, BlockRunner blocks) {
    out.ensureCapacity(n);
    int[] tokens = out.tokens;
    int base = out.size;
    if (n <= StreamKeys.BLOCK_SIZE) {
      table.fill(rng, live, tokens, base, base + n);
    } else {
      blocks.forEach(
          BlockRunner.count(n, StreamKeys.BLOCK_SIZE),
          b -> {
            int from = base + b * StreamKeys.BLOCK_SIZE;
            int to = Math.min(base + n, from + StreamKeys.BLOCK_SIZE);
            table.fill(new RandomStream(StreamKeys.block(rng.key(), b)), live, tokens, from, to);
          });
    }
    out.size += n;
  }

  /** The sampling weights: p, or decode(p) written into the model's scratch. */
  private double[] weights(CategoricalModel model) {
    if (decoding.identity()) {
      return model.p;
    }
    double[] decoded = model.decoded();
    decoding.apply(model.p, decoded);
    return decoded;
  }

  /**
   * Writes the categories with positive sampling weight, ascending; returns how many. A
   * maximum-likelihood model sampled as fitted has them already, its counted categories (p = c / N
   * &gt; 0 exactly when c &gt; 0), so only those are read, not all V (a collapsing chain's are
   * few).
   */
  private int liveOf(CategoricalModel model, double[] w, int[] live) {
    if (addK == 0 && !model.weighted && decoding.identity()) {
      int m = model.countedSize;
      System.arraycopy(model.counted, 0, live, 0, m);
      return m;
    }
    int m = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        live[m++] = i;
      }
    }
    return m;
  }

  /**
   * Live categories per group of the exact sampler: a fixed size, like the sample blocks, so the
   * counts do not depend on the number of cores.
   */
  static final int CATEGORY_GROUP = StreamKeys.BLOCK_SIZE;

  @Override
  public boolean hasExactPath() {
    return true;
  }

  /** Multinomial(n, p*) counts; see {@link #drawCounts}. */
  @Override
  public void drawTruthStats(RandomStream rng, int n, CountStats out, BlockRunner blocks) {
    withScratch(s -> drawCounts(truth.p, truth.live, truth.live.length, rng, n, out, s, blocks));
  }

  /** Multinomial(n, decode(p)) counts; see {@link #drawCounts}. */
  @Override
  public void drawModelStats(
      CategoricalModel model, RandomStream rng, int n, CountStats out, BlockRunner blocks) {
    if (n == 0) {
      out.clear();
      return;
    }
    double[] w = weights(model);
    withScratch(
        s -> {
          int m = liveOf(model, w, s.live);
          drawCounts(w, s.live, m, rng, n, out, s, blocks);
        });
  }

  /** Runs {@code draw} with a scratch from the cell's pool (a new one when every one is in use). */
  private void withScratch(java.util.function.Consumer<DrawScratch> draw) {
    DrawScratch s = scratchPool.poll();
    if (s == null) {
      s = new DrawScratch(truth.size());
    }
    try {
      draw.accept(s);
    } finally {
      scratchPool.offer(s);
    }
  }

  /**
   * Overwrites {@code out} with the counts of n draws from weights {@code w} over the categories
   * {@code live[0, m)}, without the draws ({@link MultinomialSampler#counts}: binomials for the
   * head, sorted uniform points for the tail; exactly Multinomial(n, w / sum w)). Up to {@link
   * #CATEGORY_GROUP} live categories draw from {@code rng}. More are cut into groups of that many
   * consecutive live categories: the group totals are drawn first from {@code rng} by conditional
   * binomials on the group weights, then group g draws its own total over its categories from the
   * substream {@link StreamKeys#block}(rng, g), writing only its own counts, on {@code blocks}. The
   * counts' support is then {@code live[0, m)}.
   */
  private static void drawCounts(
      double[] w,
      int[] live,
      int m,
      RandomStream rng,
      long n,
      CountStats out,
      DrawScratch scratch,
      BlockRunner blocks) {
    out.clear(); // before the support is set: it clears the previous one
    out.supportOn(live, m);
    out.total = n;
    int groups = BlockRunner.count(m, CATEGORY_GROUP);
    TailPoints[] points = scratch.points(Math.max(groups, 1));
    if (groups <= 1) {
      MultinomialSampler.counts(rng, n, w, live, 0, m, scratch.suffix, points[0], out.counts);
      return;
    }
    double[] groupWeight = new double[groups];
    int[] groupIndex = new int[groups];
    for (int g = 0; g < groups; g++) {
      double s = 0;
      for (int k = g * CATEGORY_GROUP, end = Math.min(m, k + CATEGORY_GROUP); k < end; k++) {
        s += w[live[k]];
      }
      groupWeight[g] = s;
      groupIndex[g] = g;
    }
    long[] groupTotal = new long[groups];
    MultinomialSampler.conditionalBinomials(
        rng, n, groupWeight, groupIndex, groups, new double[groups], groupTotal);
    blocks.forEach(
        groups,
        g -> {
          int from = g * CATEGORY_GROUP;
          int to = Math.min(m, from + CATEGORY_GROUP);
          MultinomialSampler.counts(
              new RandomStream(StreamKeys.block(rng.key(), g)),
              groupTotal[g],
              w,
              live,
              from,
              to,
              scratch.suffix,
              points[g],
              out.counts);
        });
  }

  @Override
  public CountStats newStats() {
    return new CountStats(truth.size());
  }

  @Override
  public CountStats recycleStats(CountStats used) {
    used.reset();
    return used;
  }

  /**
   * The used model as it is: {@link #fit} and {@link #fitWeighted} write every value a model's
   * sampling and metrics read (the maximum-likelihood fit clears the previous fit's counted
   * categories, or all V after a weighted fit), as they do for the chain's own model every
   * generation.
   */
  @Override
  public CategoricalModel recycleModel(CategoricalModel used) {
    return used;
  }

  @Override
  public void statsOf(TokenBatch batch, CountStats out) {
    out.clear();
    for (int i = 0; i < batch.size; i++) {
      out.counts[batch.tokens[i]]++;
    }
    out.supportUnknown();
    out.total = batch.size;
  }

  /** Adds other's counts to into's (over their supports when those are few: {@link CountStats}). */
  @Override
  public void merge(CountStats into, CountStats other) {
    into.add(other);
  }

  @Override
  public void copy(CountStats from, CountStats to) {
    to.copyFrom(from);
  }

  @Override
  public long count(CountStats stats) {
    return stats.total;
  }

  /** Maximum likelihood counts/N, or add-k (c_i + k) / (N + V k). */
  @Override
  public CategoricalModel fit(CountStats stats, CategoricalModel recycle, RandomStream fitStream) {
    int v = truth.size();
    CategoricalModel m = recycle != null ? recycle : new CategoricalModel(v);
    m.total = stats.total;
    double denominator = stats.total + v * addK;
    long[] counts = stats.counts;
    long[] copy = m.counts;
    double[] p = m.p;
    if (addK == 0) {
      // The counted categories first (over the stats' support when it is known), into the spare
      // list: the previous generation's is still needed below.
      int[] previous = m.counted;
      int previousSize = m.weighted ? -1 : m.countedSize; // a weighted fit wrote every category
      int[] counted = m.spareCounted;
      int k = stats.countedInto(counted);
      m.counted = counted;
      m.spareCounted = previous;
      m.countedSize = k;
      if (previousSize >= 0 && 2L * (previousSize + k) < v) {
        // few categories counted now or before: clear the previous ones and write the new ones,
        // not all V (the same values: the others stay exactly 0)
        for (int j = 0; j < previousSize; j++) {
          int i = previous[j];
          copy[i] = 0;
          p[i] = 0.0;
        }
        for (int j = 0; j < k; j++) {
          int i = counted[j];
          long c = counts[i];
          copy[i] = c;
          p[i] = c / denominator;
        }
      } else {
        // the copy and p in a loop the JIT vectorizes (its divisions in vector lanes, the same
        // IEEE quotients)
        for (int i = 0; i < v; i++) {
          long c = counts[i];
          copy[i] = c;
          p[i] = c / denominator;
        }
      }
    } else {
      for (int i = 0; i < v; i++) {
        long c = counts[i];
        copy[i] = c;
        p[i] = (c + addK) / denominator;
      }
    }
    m.weighted = false;
    return m;
  }

  @Override
  public void metrics(CategoricalModel model, double[] out, RandomStream metricStream) {
    if (model.weighted) {
      weightedMetrics(model, out);
    } else if (addK == 0) {
      countedMetrics(model, out);
    } else {
      denseMetrics(model, out);
      double tail = 0;
      for (int i : truth.tail) {
        tail += model.p[i];
      }
      out[TAIL_MASS] = tail;
    }
  }

  /**
   * The metrics of a maximum-likelihood model from its counted categories alone (a collapsing
   * chain's are few): a category with count 0 has p = 0, so it adds nothing to the entropy,
   * Gini-Simpson or KL(model || truth), and adds p* to the L1 distance and p* (log p* - log (eps /
   * (N + V eps))) to KL(truth || smoothed model). Those dead sums are the truth's totals ({@link
   * CategoricalTruth#sumP}, {@link CategoricalTruth#sumPLogP}) minus the counted categories' share;
   * the tail mass sums the counted categories of the tail. Logs of counts come from tables: log p =
   * log c - log N. Scalar on purpose: the reads are indexed by the counted list, which the vector
   * lanes cannot gather cheaply. Agrees with {@link #denseMetrics} to rounding (tested).
   */
  private void countedMetrics(CategoricalModel model, double[] out) {
    double[] pStar = truth.p;
    double[] logStar = truth.logP;
    double[] p = model.p;
    long[] c = model.counts;
    int[] counted = model.counted;
    int m = model.countedSize;
    double logN = DetMath.log(model.total);
    double logDenominator = DetMath.log(model.total + p.length * klEps);
    double entropy = 0;
    double squares = 0;
    double klModelTrue = 0;
    double klTrueModel = 0;
    double l1 = 0;
    double tail = 0;
    double truthShare = 0; // sum of p* over the counted categories
    double truthLogShare = 0; // sum of p* log p* over them
    int countedInTruth = 0;
    for (int k = 0; k < m; k++) {
      int i = counted[k];
      double pi = p[i];
      double ps = pStar[i];
      double logPi = countLogs.of(c[i]) - logN;
      entropy -= pi * logPi;
      squares += pi * pi;
      l1 += Math.abs(pi - ps);
      tail += truth.inTail[i] ? pi : 0.0;
      if (ps > 0) {
        double ls = logStar[i];
        klTrueModel += ps * (ls - (smoothedLogs.of(c[i]) - logDenominator));
        klModelTrue += pi * (logPi - ls);
        truthShare += ps;
        truthLogShare += ps * ls;
        countedInTruth++;
      } else {
        klModelTrue = Double.POSITIVE_INFINITY;
      }
    }
    double deadShare = truth.sumP - truthShare;
    double deadSmoothed = smoothedLogs.of(0) - logDenominator;
    out[ENTROPY] = entropy;
    out[GINI_SIMPSON] = 1.0 - squares;
    out[KL_TRUE_MODEL] = klTrueModel + (truth.sumPLogP - truthLogShare) - deadSmoothed * deadShare;
    out[KL_MODEL_TRUE] = klModelTrue;
    out[TV] = 0.5 * (l1 + deadShare);
    out[SUPPORT] = m;
    out[TAIL_MASS] = tail;
    out[EXTINCT] = truth.live.length - countedInTruth;
  }

  /** Every metric but the tail mass by one pass over all V categories (vector kernel). */
  void denseMetrics(CategoricalModel model, double[] out) {
    double[] pStar = truth.p;
    double[] logStar = truth.logP;
    double[] p = model.p;
    long[] c = model.counts;
    int v = p.length;
    double smoothedDenominator = model.total + v * klEps;
    double logSmoothedDenominator = DetMath.log(smoothedDenominator);
    double[] pass = new double[KernelSupport.CATEGORICAL_SLOTS];
    Kernels.get().categoricalPass(p, pStar, logStar, c, v, klEps, logSmoothedDenominator, pass);
    out[ENTROPY] = pass[KernelSupport.ENTROPY];
    out[GINI_SIMPSON] = 1.0 - pass[KernelSupport.SQUARES];
    out[KL_TRUE_MODEL] = pass[KernelSupport.KL_TRUE_MODEL];
    out[KL_MODEL_TRUE] = pass[KernelSupport.KL_MODEL_TRUE];
    out[TV] = 0.5 * pass[KernelSupport.L1];
    out[SUPPORT] = pass[KernelSupport.SUPPORT];
    out[EXTINCT] = pass[KernelSupport.EXTINCT];
  }

  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    if (addK == 0 && decoding.identity()) {
      theory[GINI_SIMPSON] =
          CategoricalTheory.giniSimpson(truth.sumSquares, truth.size(), settings);
    }
    return theory;
  }

  // ---- anchoring mechanisms ----

  /** The entropy reservoir: tokens uniform over the V categories, one alias draw each. */
  @Override
  public void drawReservoir(RandomStream rng, int n, TokenBatch out, BlockRunner blocks) {
    drawTokens(reservoir().table(), null, rng, n, out, blocks);
  }

  /** Multinomial(n, uniform) counts, drawn as {@link #drawCounts}. */
  @Override
  public void drawReservoirStats(RandomStream rng, int n, CountStats out, BlockRunner blocks) {
    Reservoir r = reservoir();
    withScratch(s -> drawCounts(r.weights(), r.every(), r.every().length, rng, n, out, s, blocks));
  }

  /** A token is correct when it is among the truth's most probable categories (correct_mass). */
  @Override
  public boolean correct(TokenBatch batch, int index) {
    return correct[batch.tokens[index]];
  }

  @Override
  public boolean thinsStats() {
    return true;
  }

  /**
   * Binomial thinning: c_i <- Binomial(c_i, a_i), a_i = acceptCorrect on the correct categories and
   * acceptIncorrect elsewhere, in category order, one binomial per non-zero count. From candidate
   * counts c ~ Multinomial(n, q) the kept counts are Multinomial(n, (q_i a_i)_i) with a rejected
   * cell: the explicit path's law (docs/theory.md, "The verifier: one-step laws").
   */
  @Override
  public void thinStats(
      CountStats stats, double acceptCorrect, double acceptIncorrect, RandomStream coins) {
    long total = 0;
    for (int j = 0, n = stats.candidates(); j < n; j++) { // in category order either way
      int i = stats.candidate(j);
      if (stats.counts[i] > 0) {
        stats.counts[i] =
            BinomialSampler.sample(
                coins, stats.counts[i], correct[i] ? acceptCorrect : acceptIncorrect);
        total += stats.counts[i];
      }
    }
    stats.total = total;
  }

  /**
   * The weighted real/synthetic fit: p_i = w c_exo,i / n_exo + (1 - w) c_rest,i / n_rest, with
   * total n_exo + n_rest (the effective counts total * p_i smooth the KL as counts do).
   */
  @Override
  public CategoricalModel fitWeighted(
      CountStats exogenous,
      CountStats rest,
      double weight,
      CategoricalModel recycle,
      RandomStream fitStream) {
    int v = truth.size();
    CategoricalModel m = recycle != null ? recycle : new CategoricalModel(v);
    double a = weight / exogenous.total;
    double b = (1 - weight) / rest.total;
    for (int i = 0; i < v; i++) {
      m.counts[i] = exogenous.counts[i] + rest.counts[i];
      m.p[i] = a * exogenous.counts[i] + b * rest.counts[i];
    }
    m.total = exogenous.total + rest.total;
    m.weighted = true;
    return m;
  }

  /**
   * The metrics of a weighted model from p itself, one scalar pass over the V categories (the
   * counted and dense paths read integer counts, which a weighted fit does not have): the smoothed
   * model is (N p_i + eps) / (N + V eps) with N = n_train, support counts p_i > 0.
   */
  private void weightedMetrics(CategoricalModel model, double[] out) {
    double[] p = model.p;
    double n = model.total;
    double logDenominator = DetMath.log(n + p.length * klEps);
    double entropy = 0;
    double squares = 0;
    double klModelTrue = 0;
    double klTrueModel = 0;
    double l1 = 0;
    double tail = 0;
    int support = 0;
    int extinct = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i];
      double ps = truth.p[i];
      if (pi > 0) {
        double logPi = DetMath.log(pi);
        entropy -= pi * logPi;
        klModelTrue += ps > 0 ? pi * (logPi - truth.logP[i]) : Double.POSITIVE_INFINITY;
        support++;
      } else if (ps > 0) {
        extinct++;
      }
      if (ps > 0) {
        klTrueModel += ps * (truth.logP[i] - (DetMath.log(n * pi + klEps) - logDenominator));
      }
      squares += pi * pi;
      l1 += Math.abs(pi - ps);
      tail += truth.inTail[i] ? pi : 0.0;
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

  /** The truth's levels: H(P*), 1 - sum p*^2 and the truth's own tail mass. */
  @Override
  public double[] truthValues() {
    double[] out = CellModel.super.truthValues();
    double tail = 0;
    for (int i : truth.tail) {
      tail += truth.p[i];
    }
    out[ENTROPY] = truth.entropy;
    out[GINI_SIMPSON] = 1.0 - truth.sumSquares;
    out[TAIL_MASS] = tail;
    return out;
  }

  @Override
  public CollapseCriterion defaultCollapse() {
    return new CollapseCriterion("entropy", ENTROPY, true, 0.1 * truth.entropy);
  }

  CategoricalTruth truth() {
    return truth;
  }
}
