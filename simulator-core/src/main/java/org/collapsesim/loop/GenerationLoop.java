package org.collapsesim.loop;

import java.util.ArrayDeque;
import org.collapsesim.random.BinomialSampler;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.StreamPurpose;

/**
 * The generation loop of SPEC §3, for every family: one chain from D_0 to generation G.
 *
 * <pre>
 *   D_0  <- M samples of P*;  th_0 <- fit(D_0)                  (alpha_0 = 1)
 *   for t in 1..G:
 *     D_new <- exogenous part ~ P* (fraction a_t), synthetic part ~ decode(P_th_{t-1})
 *     D_t   <- regime(D_new, history);  th_t <- fit(D_t);  record metrics(th_t)
 * </pre>
 *
 * <p>Every draw comes from a stream keyed by (chain seed, generation, purpose), so a chain's
 * numbers do not depend on what runs beside it. Anchors add parts to D_new here, as further sources
 * with their own fractions and stream purposes; families never see them.
 */
public final class GenerationLoop {

  private GenerationLoop() {}

  /**
   * Runs one chain.
   *
   * @param model the family bound to the cell
   * @param settings the cell's mechanism
   * @param chainSeed the chain's derived seed ({@link StreamKeys#chainSeed})
   * @param collapse the collapse rule
   * @param sink receives every recorded generation
   */
  public static <B, S, M> ChainOutcome run(
      CellModel<B, S, M> model,
      ChainSettings settings,
      long chainSeed,
      CollapseCriterion collapse,
      GenerationSink sink) {
    return run(model, settings, chainSeed, collapse, sink, BlockRunner.SEQUENTIAL);
  }

  /**
   * Runs one chain whose large generations draw their blocks on {@code blocks}; the numbers are
   * those of {@link #run(CellModel, ChainSettings, long, CollapseCriterion, GenerationSink)}.
   */
  public static <B, S, M> ChainOutcome run(
      CellModel<B, S, M> model,
      ChainSettings settings,
      long chainSeed,
      CollapseCriterion collapse,
      GenerationSink sink,
      BlockRunner blocks) {
    return new Chain<>(model, settings, chainSeed, blocks).run(collapse, sink);
  }

  /** The mutable state of one running chain. */
  private static final class Chain<B, S, M> {
    private final CellModel<B, S, M> family;
    private final ChainSettings settings;
    private final long chainSeed;
    private final int samples;
    private final BlockRunner blocks;

    private final B fresh;
    private final B original; // D_0, kept for the fixed anchor
    private final S freshStats;
    private final S training;
    private final boolean exact; // sufficient statistics drawn directly (ChainSettings#exactPath)
    private final S part; // exact path: the synthetic part's statistics
    private final ArrayDeque<S> window = new ArrayDeque<>();
    private final B union; // accumulate-subsample only
    private final B subsample;
    private int[] indices = new int[0];
    private final int[] positions; // positional families only: the row partition of D_new
    private final int[] scratch;

    Chain(CellModel<B, S, M> family, ChainSettings settings, long chainSeed, BlockRunner blocks) {
      this.family = family;
      this.blocks = blocks;
      this.settings = settings;
      this.chainSeed = chainSeed;
      this.samples = settings.samples();
      this.exact = settings.exactPath(family.hasExactPath());
      this.fresh = family.newBatch(exact ? 1 : samples); // the exact path never fills it
      this.original = settings.fixedAnchor() ? family.newBatch(samples) : null;
      this.freshStats = family.newStats();
      this.training = family.newStats();
      this.part = exact ? family.newStats() : null;
      boolean subsampling = settings.regime() == Regime.ACCUMULATE_SUBSAMPLE;
      this.union = subsampling ? family.newBatch(samples) : null;
      this.subsample = subsampling ? family.newBatch(samples) : null;
      this.positions = family.positional() && !exact ? new int[samples] : null;
      this.scratch = positions != null ? new int[samples] : null;
    }

    ChainOutcome run(CollapseCriterion collapse, GenerationSink sink) {
      double[] metrics = new double[family.metricNames().size()];
      int collapsedAt = -1;

      if (exact) {
        family.drawTruthStats(stream(0, StreamPurpose.EXOGENOUS), samples, freshStats, blocks);
      } else {
        family.drawTruth(stream(0, StreamPurpose.EXOGENOUS), samples, fresh, blocks);
      }
      if (original != null) {
        for (int i = 0; i < samples; i++) {
          family.copySample(fresh, i, original);
        }
      }
      M model = train(0);
      long nTrain = family.count(training);
      measure(model, metrics, 0);
      if (collapse.holds(metrics)) {
        collapsedAt = 0;
      }
      sink.accept(0, 1.0, nTrain, metrics);

      for (int t = 1; t <= settings.generations(); t++) {
        double alpha = settings.schedule().alpha(t);
        int exogenous = exogenousCount(t, alpha);
        if (exact) {
          // each part's statistics drawn exactly, then pooled (exogenous first, as explicitly)
          family.drawTruthStats(stream(t, StreamPurpose.EXOGENOUS), exogenous, freshStats, blocks);
          family.drawModelStats(
              model, stream(t, StreamPurpose.SYNTHETIC), samples - exogenous, part, blocks);
          family.merge(freshStats, part);
        } else {
          family.clear(fresh);
          if (positions != null) {
            family.assignPositions(fresh, positions);
          }
          drawExogenous(t, exogenous);
          family.drawModel(
              model, stream(t, StreamPurpose.SYNTHETIC), samples - exogenous, fresh, blocks);
        }
        model = family.fit(regime(t), model, stream(t, StreamPurpose.FIT));
        nTrain = family.count(training);
        measure(model, metrics, t);
        if (collapsedAt < 0 && collapse.holds(metrics)) {
          collapsedAt = t;
        }
        if (settings.recorded(t)) {
          sink.accept(t, alpha, nTrain, metrics);
        }
      }
      return new ChainOutcome(collapsedAt, metrics.clone(), nTrain);
    }

    /** The family's metrics; a NaN is a bug in the family, so the chain fails loudly. */
    private void measure(M model, double[] metrics, int t) {
      family.metrics(model, metrics, stream(t, StreamPurpose.METRIC));
      for (int i = 0; i < metrics.length; i++) {
        if (Double.isNaN(metrics[i])) {
          throw new IllegalStateException(
              "metric " + family.metricNames().get(i) + " is NaN at generation " + t);
        }
      }
    }

    private RandomStream stream(int generation, StreamPurpose purpose) {
      return StreamKeys.open(chainSeed, generation, purpose);
    }

    /** Generation 0: D_0 is the training set under every regime. */
    private M train(int t) {
      if (!exact) {
        family.statsOf(fresh, freshStats);
      }
      family.copy(freshStats, training);
      switch (settings.regime()) {
        case WINDOW -> pushWindow();
        case ACCUMULATE_SUBSAMPLE -> appendToUnion();
        default -> {}
      }
      return family.fit(training, null, stream(t, StreamPurpose.FIT));
    }

    private int exogenousCount(int t, double alpha) {
      if (settings.mixing() == Mixing.COUNT) {
        int n = settings.exogenousCount(alpha);
        if (positions != null) {
          partitionByCount(t, n);
        }
        return n;
      }
      RandomStream coin = stream(t, StreamPurpose.MIXING);
      if (exact) { // the number of heads among M coins, drawn at once
        return (int) BinomialSampler.sample(coin, samples, alpha);
      }
      int n = 0;
      for (int i = 0; i < samples; i++) {
        boolean exogenous = coin.nextDouble() < alpha;
        if (positions != null) { // coin i belongs to position i: heads first, then tails
          positions[i] = exogenous ? -1 - i : i;
        }
        if (exogenous) {
          n++;
        }
      }
      if (positions != null) {
        partitionByCoins(n);
      }
      return n;
    }

    /**
     * Count mixing, positional family: the exogenous positions are a uniformly random n-subset of
     * 0..M-1, chosen by a partial Fisher-Yates shuffle on the MIXING stream (the first n chosen for
     * a small n are among those chosen for a larger one, so cells differing in alpha share rows).
     * The fixed anchor keeps positions 0..n-1 exogenous: they are D_0's first n samples.
     */
    private void partitionByCount(int t, int n) {
      int[] chosen = scratch;
      for (int i = 0; i < samples; i++) {
        chosen[i] = i;
        positions[i] = i;
      }
      if (!settings.fixedAnchor()) {
        RandomStream rng = stream(t, StreamPurpose.MIXING);
        for (int i = 0; i < n; i++) {
          int j = i + rng.nextInt(samples - i);
          int c = chosen[j];
          chosen[j] = chosen[i];
          chosen[i] = c;
        }
      }
      for (int i = 0; i < n; i++) {
        positions[chosen[i]] = -1 - chosen[i];
      }
      groupMarked(n);
    }

    /**
     * Per-sample mixing, positional family: the positions whose own coin came up exogenous (marked
     * -1 - i). The fixed anchor reuses D_0's first n samples, so positions 0..n-1 are exogenous
     * whatever the coins.
     */
    private void partitionByCoins(int n) {
      if (settings.fixedAnchor()) {
        for (int i = 0; i < samples; i++) {
          positions[i] = i;
        }
        return;
      }
      groupMarked(n);
    }

    /**
     * Rewrites {@code positions}, where the n exogenous positions are marked -1 - i, as the
     * exogenous positions in increasing order followed by the others in increasing order: D_new
     * grouped by source (SPEC §5a), in an order that depends only on the partition (so that two
     * cells with the same partition sum their samples in the same order).
     */
    private void groupMarked(int n) {
      System.arraycopy(positions, 0, scratch, 0, samples);
      int exo = 0;
      int rest = n;
      for (int i = 0; i < samples; i++) {
        int p = scratch[i];
        if (p < 0) {
          positions[exo++] = -1 - p;
        } else {
          positions[rest++] = p;
        }
      }
    }

    private void drawExogenous(int t, int n) {
      if (original == null) {
        family.drawTruth(stream(t, StreamPurpose.EXOGENOUS), n, fresh, blocks);
      } else {
        for (int i = 0; i < n; i++) {
          family.copySample(original, i, fresh);
        }
      }
    }

    /** Applies the regime to D_new and returns the statistics to fit. */
    private S regime(int t) {
      if (!exact) {
        family.statsOf(fresh, freshStats);
      }
      switch (settings.regime()) {
        case REPLACE -> family.copy(freshStats, training);
        case ACCUMULATE -> family.merge(training, freshStats);
        case WINDOW -> {
          pushWindow();
          mergeWindow();
        }
        case ACCUMULATE_SUBSAMPLE -> {
          appendToUnion();
          drawSubsample(t);
          family.statsOf(subsample, training);
        }
      }
      return training;
    }

    private void pushWindow() {
      S slot = window.size() == settings.window() ? window.removeFirst() : family.newStats();
      family.copy(freshStats, slot);
      window.addLast(slot);
    }

    /** Merges the window oldest first, a fixed order. */
    private void mergeWindow() {
      boolean first = true;
      for (S s : window) {
        if (first) {
          family.copy(s, training);
          first = false;
        } else {
          family.merge(training, s);
        }
      }
    }

    private void appendToUnion() {
      int n = family.size(fresh);
      for (int i = 0; i < n; i++) {
        family.copySample(fresh, i, union);
      }
    }

    /** M indices without replacement from the union: a partial Fisher-Yates shuffle. */
    private void drawSubsample(int t) {
      int total = family.size(union);
      int take = Math.min(samples, total);
      if (indices.length < total) {
        indices = new int[Math.max(total, indices.length * 2)];
      }
      for (int i = 0; i < total; i++) {
        indices[i] = i;
      }
      RandomStream rng = stream(t, StreamPurpose.REGIME);
      family.clear(subsample);
      for (int i = 0; i < take; i++) {
        int j = i + rng.nextInt(total - i);
        int chosen = indices[j];
        indices[j] = indices[i];
        indices[i] = chosen;
        family.copySample(union, chosen, subsample);
      }
    }
  }
}
