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
 *     D_new <- exogenous part ~ P* (fraction a_t; fixed: D_0's first samples),
 *              reservoir part (fraction lambda_t), synthetic part ~ decode(P_th_{t-1}) (the rest),
 *              the synthetic part filtered by the verifier (refilled or not)
 *              count mixing rounds the cumulative fractions; per-sample draws each source
 *     D_t   <- regime(D_new, history)
 *     th_t  <- fit(D_t), or the weighted fit w exogenous / 1 - w rest, or th_{t-1} if D_t is empty
 *     record metrics(th_t)
 * </pre>
 *
 * <p>Every draw comes from a stream keyed by (chain seed, generation, purpose), so a chain's
 * numbers do not depend on what runs beside it. Anchors add parts to D_new here, as further sources
 * with their own fractions and stream purposes; families never see them.
 */
public final class GenerationLoop {

  private GenerationLoop() {}

  /** The parts of D_new, in the order they are drawn and grouped. */
  private static final int EXO = 0;

  private static final int RESERVOIR = 1;
  private static final int SYNTHETIC = 2;

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

    // anchoring mechanisms
    private final Verifier verifier;
    private final boolean weighted;
    private final B candidates; // the verifier's synthetic candidates
    private final S reservoirPart; // exact path: the reservoir part's statistics
    private final S exoPart; // weighting: the exogenous part's statistics
    private final S restPart; // weighting: the rest's statistics
    private int verifierShortGenerations;

    Chain(CellModel<B, S, M> family, ChainSettings settings, long chainSeed, BlockRunner blocks) {
      this.family = family;
      this.blocks = blocks;
      this.settings = settings;
      this.chainSeed = chainSeed;
      this.samples = settings.samples();
      this.exact = settings.exactPath(family);
      this.fresh = family.newBatch(exact ? 1 : samples); // the exact path never fills it
      this.original = settings.fixedAnchor() ? family.newBatch(samples) : null;
      this.freshStats = family.newStats();
      this.training = family.newStats();
      this.part = exact ? family.newStats() : null;
      boolean subsampling = settings.regime() == Regime.ACCUMULATE_SUBSAMPLE;
      this.union = subsampling ? family.newBatch(samples) : null;
      this.subsample = subsampling ? family.newBatch(samples) : null;
      this.verifier = settings.mechanisms().verifier();
      this.weighted = settings.mechanisms().realWeight() != null;
      this.candidates = verifier != null && !exact ? family.newBatch(samples) : null;
      this.reservoirPart =
          exact && settings.mechanisms().reservoir() != null ? family.newStats() : null;
      this.exoPart = weighted ? family.newStats() : null;
      this.restPart = weighted ? family.newStats() : null;
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
      long realSamples = samples;
      M model = train(0);
      long nTrain = family.count(training);
      measure(model, metrics, 0);
      if (collapse.holds(metrics)) {
        collapsedAt = 0;
      }
      sink.accept(0, 1.0, nTrain, metrics);

      for (int t = 1; t <= settings.generations(); t++) {
        double alpha = settings.schedule().alpha(t);
        int[] n = partCounts(t);
        if (original == null) {
          realSamples += n[EXO];
        }
        if (exact) {
          // each part's statistics drawn exactly, then pooled (exogenous first, as explicitly)
          family.drawTruthStats(stream(t, StreamPurpose.EXOGENOUS), n[EXO], freshStats, blocks);
          if (n[RESERVOIR] > 0) {
            family.drawReservoirStats(
                stream(t, StreamPurpose.RESERVOIR), n[RESERVOIR], reservoirPart, blocks);
          }
          family.drawModelStats(
              model, stream(t, StreamPurpose.SYNTHETIC), n[SYNTHETIC], part, blocks);
          if (verifier != null) {
            long kept = family.thin(part, verifier, stream(t, StreamPurpose.VERIFIER));
            verified(n[SYNTHETIC], kept, n[SYNTHETIC]);
          }
          if (weighted) {
            family.copy(freshStats, exoPart);
            if (n[RESERVOIR] > 0) {
              family.copy(reservoirPart, restPart);
              family.merge(restPart, part);
            } else {
              family.copy(part, restPart);
            }
          } else {
            if (n[RESERVOIR] > 0) {
              family.merge(freshStats, reservoirPart);
            }
            family.merge(freshStats, part);
          }
        } else {
          family.clear(fresh);
          drawExogenous(t, n[EXO]);
          if (weighted) {
            family.statsOf(fresh, exoPart);
            family.clear(fresh);
          }
          if (n[RESERVOIR] > 0) {
            family.drawReservoir(stream(t, StreamPurpose.RESERVOIR), n[RESERVOIR], fresh, blocks);
          }
          if (verifier == null) {
            family.drawModel(
                model, stream(t, StreamPurpose.SYNTHETIC), n[SYNTHETIC], fresh, blocks);
          } else {
            VerifiedDraw.Outcome o =
                VerifiedDraw.draw(
                    family,
                    model,
                    verifier,
                    n[SYNTHETIC],
                    stream(t, StreamPurpose.SYNTHETIC),
                    stream(t, StreamPurpose.VERIFIER),
                    candidates,
                    fresh,
                    blocks);
            verified(o.wanted(), o.accepted(), o.tried());
          }
          if (weighted) {
            family.statsOf(fresh, restPart);
          }
        }
        if (weighted) { // regime replace, both parts non-empty (validated)
          model = family.fitWeighted(exoPart, restPart, settings.mechanisms().realWeight(), model);
          nTrain = family.count(exoPart) + family.count(restPart);
        } else {
          S stats = regime(t);
          nTrain = family.count(stats);
          if (nTrain > 0) { // a filter that dropped everything keeps the previous model
            model = family.fit(stats, model, stream(t, StreamPurpose.FIT));
          }
        }
        measure(model, metrics, t);
        if (collapsedAt < 0 && collapse.holds(metrics)) {
          collapsedAt = t;
        }
        if (settings.recorded(t)) {
          sink.accept(t, alpha, nTrain, metrics);
        }
      }
      return new ChainOutcome(
          collapsedAt, metrics.clone(), nTrain, realSamples, verifierShortGenerations);
    }

    /** Records the verifier's generation: n wanted, {@code accepted} of {@code tried}. */
    private void verified(int n, long accepted, long tried) {
      if (verifier.refill() && accepted < n) {
        verifierShortGenerations++;
      }
    }

    /** The sizes of D_new's parts at generation t: exogenous, reservoir, synthetic. */
    private int[] partCounts(int t) {
      double[] fractions = settings.fractions(t);
      if (settings.mixing() == Mixing.COUNT) {
        return PartWeights.counts(samples, fractions);
      }
      RandomStream coin = stream(t, StreamPurpose.MIXING);
      double alpha = fractions[EXO];
      double lambda = fractions[RESERVOIR];
      int[] n = new int[3];
      if (exact) { // the number of each source among M coins, drawn at once
        n[EXO] = (int) BinomialSampler.sample(coin, samples, alpha);
        if (lambda > 0) {
          n[RESERVOIR] =
              (int)
                  BinomialSampler.sample(coin, samples - n[EXO], Math.min(1, lambda / (1 - alpha)));
        }
      } else {
        for (int i = 0; i < samples; i++) {
          double u = coin.nextDouble();
          if (u < alpha) {
            n[EXO]++;
          } else if (u < alpha + lambda) {
            n[RESERVOIR]++;
          }
        }
      }
      n[SYNTHETIC] = samples - n[EXO] - n[RESERVOIR];
      return n;
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
