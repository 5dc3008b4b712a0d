// Over 400 lines on purpose: the whole generation loop, every source, filter, regime and the
// weighted fit, stays in one file so the algorithm reads top to bottom (docs/architecture.md).
package org.collapsesim.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapsesim.config.CountMixing;
import org.collapsesim.random.BinomialSampler;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.StreamPurpose;

/**
 * The generation loop of the generation loop (docs/architecture.md), for every family: one chain
 * from D_0 to generation G.
 *
 * <pre>
 *   D_0  <- M samples of P*;  th_0 <- fit(D_0)                  (alpha_0 = 1)
 *   for t in 1..G:
 *     D_new <- exogenous part ~ P* (fraction a_t; fixed: D_0's first samples),
 *              anchor parts (reservoir: fraction lambda_t; program: beta_t while its gate is
 *              on), synthetic part ~ decode(P_th_{t-1}) (the rest), the synthetic part
 *              through the filters (verifier, refilled or not)
 *     D_t   <- regime(D_new, history)
 *     th_t  <- fit(D_t); with real_weight w the weighted fit (w on the exogenous part, 1 - w on
 *              the rest); th_{t-1} if D_t is empty
 *     record metrics(th_t) and the mechanisms' diagnostics
 *     the observing sources see t's new exogenous samples and D_t (the program anchor refits)
 * </pre>
 *
 * <p>Generation 0 records the fit on D_0, and the sources' diagnostics after they have observed D_0
 * (the program anchor's fit on D_0; nothing is drawn from any source at t = 0).
 *
 * <p>Every draw comes from a stream keyed by (chain seed, generation, purpose), so a chain's
 * numbers do not depend on what runs beside it. D_new is drawn from the settings' {@link Source}s
 * in order (the exogenous part first, anchors after it), then the synthetic part, which the {@link
 * Filter}s may thin; each mechanism has its own stream purpose, and families never see them.
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
   * @param blocks runs the blocks of large generations ({@link BlockRunner#SEQUENTIAL} or a pool);
   *     the numbers do not depend on it
   */
  public static <B extends SampleBatch<B>, S, M> ChainOutcome run(
      CellModel<B, S, M> model,
      ChainSettings settings,
      long chainSeed,
      CollapseCriterion collapse,
      GenerationSink sink,
      BlockRunner blocks) {
    Chain<B, S, M> chain = new Chain<>(model, settings, chainSeed, blocks);
    ChainOutcome outcome = chain.run(collapse, sink);
    chain.giveBack(); // outside run, whose compiled loop stays as it was
    return outcome;
  }

  /** The mutable state of one running chain. */
  private static final class Chain<B extends SampleBatch<B>, S, M> {
    private final CellModel<B, S, M> family;
    private final ChainSettings settings;
    private final long chainSeed;
    private final int samples;
    private final BlockRunner blocks;

    private final B fresh;
    private final S freshStats;
    private final S training;
    private final boolean exact; // sufficient statistics drawn directly (ChainSettings#exactPath)
    private final S part; // exact path: the statistics of the parts after the first
    private final List<Source.Part<B, S>> sources = new ArrayList<>();
    private final List<Filter.Part<B>> filters = new ArrayList<>();
    private final int[] counts; // per source, this generation
    private final double[] fractions; // per source, this generation (scratch of partition)
    private final double[] cumulative; // their running sums (scratch of partition)
    private final int[] mixed; // count mixing's counts, then the synthetic rest (scratch)
    private final S empty; // exact path: no samples, for a part that draws none
    private final B candidates; // filters only: the synthetic part before filtering
    private final B kept;
    private final int metricCount;
    private final Double realWeight; // the weighted fit, or null for the pooled one
    private final S exoPart; // weighting or observing sources: the exogenous part's statistics
    private final S restPart; // weighting: the rest's statistics
    private final boolean observing; // some source observes the chain (Source#observes)
    private final S observed; // observing with weighting: D_t, the union of the two parts
    private final int exhaustedAt; // index of the verifier_exhausted diagnostic, or -1
    private final int[] diagnosticsAt; // where each source's, then each filter's, diagnostics go
    private final ArrayDeque<S> window = new ArrayDeque<>();
    private final ChainSpares<S, M> spares; // the thread's last chain of the cell gave them back
    private M lastModel; // the model after the last fit, once run has returned
    private final B union; // accumulate-subsample only
    private final B subsample;
    private int[] indices = new int[0];
    private final int[] positions; // positional families only: the row partition of D_new
    private final int[] source; // positional families only: each position's source, or -1
    private final int[] scratch;

    Chain(CellModel<B, S, M> family, ChainSettings settings, long chainSeed, BlockRunner blocks) {
      this.family = family;
      this.blocks = blocks;
      this.settings = settings;
      this.chainSeed = chainSeed;
      this.samples = settings.samples();
      this.spares = ChainSpares.take(family);
      this.exact = settings.exactPath(family.hasExactPath(), family.thinsStats());
      this.fresh = family.newBatch(exact ? 1 : samples); // the exact path never fills it
      this.freshStats = spares.newStats();
      this.training = spares.newStats();
      this.part = exact ? spares.newStats() : null;
      this.counts = new int[settings.sources().size()];
      this.fractions = new double[counts.length];
      this.cumulative = new double[counts.length];
      this.mixed = new int[counts.length + 1];
      this.empty = exact ? spares.newStats() : null;
      boolean filtering = !settings.filters().isEmpty();
      this.candidates = filtering ? family.newBatch(samples) : null;
      this.kept = filtering ? family.newBatch(samples) : null;
      this.metricCount = family.metricNames().size();
      this.realWeight = settings.realWeight();
      this.observing = settings.sources().stream().anyMatch(Source::observes);
      this.exoPart = realWeight != null || observing ? spares.newStats() : null;
      this.restPart = realWeight != null ? spares.newStats() : null;
      this.observed = realWeight != null && observing ? spares.newStats() : null;
      this.diagnosticsAt = new int[settings.sources().size() + settings.filters().size()];
      int at = metricCount;
      int k = 0;
      for (Source s : settings.sources()) {
        diagnosticsAt[k++] = at;
        at += s.diagnostics().size();
      }
      for (Filter f : settings.filters()) {
        diagnosticsAt[k++] = at;
        at += f.diagnostics().size();
      }
      int exhausted = settings.diagnostics().indexOf(Verifier.EXHAUSTED);
      this.exhaustedAt = exhausted < 0 ? -1 : metricCount + exhausted;
      boolean subsampling = settings.regime() == Regime.ACCUMULATE_SUBSAMPLE;
      this.union = subsampling ? family.newBatch(samples) : null;
      this.subsample = subsampling ? family.newBatch(samples) : null;
      this.positions = family.positional() && !exact ? new int[samples] : null;
      this.source = positions != null ? new int[samples] : null;
      this.scratch = positions != null ? new int[samples] : null;
    }

    ChainOutcome run(CollapseCriterion collapse, GenerationSink sink) {
      double[] values = new double[metricCount + settings.diagnostics().size()];
      int collapsedAt = -1;

      if (exact) {
        family.drawTruthStats(stream(0, StreamPurpose.EXOGENOUS), samples, freshStats, blocks);
      } else {
        family.drawTruth(stream(0, StreamPurpose.EXOGENOUS), samples, fresh, blocks);
      }
      for (Source source : settings.sources()) {
        sources.add(source.open(family, fresh));
      }
      for (Filter filter : settings.filters()) {
        filters.add(filter.open(family));
      }
      long realSamples = samples;
      int exhaustedGenerations = 0;
      M model = train(0);
      long nTrain = family.count(training);
      observe(0, freshStats, training);
      measure(model, values, 0);
      Arrays.fill(values, metricCount, values.length, Double.NaN); // no mechanism ran
      diagnoseSources(values, 0);
      if (collapse.holds(values)) {
        collapsedAt = 0;
      }
      sink.accept(0, 1.0, nTrain, values);

      for (int t = 1; t <= settings.generations(); t++) {
        int synthetic = samples - partition(t);
        if (!settings.exogenous().fixed()) {
          realSamples += counts[0];
        }
        if (exact) {
          // each part's statistics drawn exactly, then pooled in source order; weighting keeps
          // the exogenous part apart from the rest
          for (int k = 0; k < counts.length; k++) {
            S into = k == 0 ? freshStats : part;
            if (k == 0 && counts[0] == 0) {
              family.copy(empty, freshStats); // no exogenous samples: no stream to derive
            } else {
              sources.get(k).drawStats(sourceStream(t, k), counts[k], into, blocks);
            }
            if (k == 0 && exoPart != null) {
              family.copy(freshStats, exoPart);
            }
            if (k == 0 && realWeight != null) {
              family.copy(empty, freshStats); // the rest starts empty
            }
            if (k > 0) {
              family.merge(freshStats, part);
            }
          }
          family.drawModelStats(model, stream(t, StreamPurpose.SYNTHETIC), synthetic, part, blocks);
          for (int f = 0; f < filters.size(); f++) { // exact filters thin the statistics
            filters
                .get(f)
                .filterStats(family, stream(t, settings.filters().get(f).purpose()), part);
          }
          family.merge(freshStats, part);
        } else {
          fresh.clear();
          if (positions != null) {
            family.assignPositions(fresh, positions);
          }
          for (int k = 0; k < counts.length; k++) {
            sources.get(k).draw(sourceStream(t, k), counts[k], fresh, blocks);
            if (k == 0 && exoPart != null) { // fresh holds the exogenous part alone
              family.statsOf(fresh, exoPart);
            }
            if (k == 0 && realWeight != null) {
              fresh.clear();
              if (positions != null) { // the rest keeps its own positions
                family.assignPositions(fresh, Arrays.copyOfRange(positions, counts[0], samples));
              }
            }
          }
          drawSynthetic(t, model, synthetic);
        }
        if (realWeight != null) { // regime replace and both parts non-empty (validated)
          if (!exact) {
            family.statsOf(fresh, freshStats);
          }
          family.copy(freshStats, restPart);
          model =
              family.fitWeighted(
                  exoPart, restPart, realWeight, model, stream(t, StreamPurpose.FIT));
          nTrain = family.count(exoPart) + family.count(restPart);
        } else {
          S stats = regime(t);
          nTrain = family.count(stats);
          if (nTrain > 0) { // a filter that dropped everything keeps the previous model
            model = family.fit(stats, model, stream(t, StreamPurpose.FIT));
          }
        }
        measure(model, values, t);
        diagnose(values, t);
        if (observing) {
          boolean arrived = !settings.exogenous().fixed() && counts[0] > 0;
          observe(t, arrived ? exoPart : null, trainingData());
        }
        if (exhaustedAt >= 0 && values[exhaustedAt] == 1.0) {
          exhaustedGenerations++;
        }
        if (collapsedAt < 0 && collapse.holds(values)) {
          collapsedAt = t;
        }
        if (settings.recorded(t)) {
          sink.accept(t, settings.alpha(t), nTrain, values);
        }
      }
      lastModel = model;
      return new ChainOutcome(
          collapsedAt, values.clone(), nTrain, realSamples, exhaustedGenerations);
    }

    /**
     * Leaves this chain's statistics and last model to the thread's next chain of the cell (a
     * normal end only).
     */
    private void giveBack() {
      List<S> held = new ArrayList<>(window);
      held.addAll(Arrays.asList(freshStats, training, part, empty, exoPart, restPart, observed));
      spares.giveBack(held, lastModel);
    }

    /** The synthetic part of D_new, through the filters when there are any. */
    private void drawSynthetic(int t, M model, int n) {
      RandomStream rng = stream(t, StreamPurpose.SYNTHETIC);
      if (filters.isEmpty()) {
        family.drawModel(model, rng, n, fresh, blocks);
        return;
      }
      candidates.clear();
      if (positions != null) { // the synthetic part's rows: the last n of the partition
        family.assignPositions(candidates, Arrays.copyOfRange(positions, samples - n, samples));
      }
      family.drawModel(model, rng, n, candidates, blocks);
      Filter.MoreCandidates<B> more = Filter.MoreCandidates.of(family, model, rng, blocks);
      // Each accepted sample is copied once: the last filter appends straight to D_new, the ones
      // before it into a spare batch that becomes the next filter's candidates.
      B in = candidates;
      B spare = kept;
      for (int f = 0; f < filters.size(); f++) {
        boolean last = f == filters.size() - 1;
        B out = last ? fresh : spare;
        if (!last) {
          out.clear();
        }
        filters.get(f).filter(stream(t, settings.filters().get(f).purpose()), in, out, more);
        if (!last) {
          spare = in;
          in = out;
        }
      }
    }

    /** The diagnostics of the sources and filters after the metrics, in their order. */
    private void diagnose(double[] values, int t) {
      diagnoseSources(values, t);
      for (int f = 0; f < filters.size(); f++) {
        filters.get(f).diagnose(values, diagnosticsAt[sources.size() + f]);
      }
    }

    /** The sources' diagnostics (also at t = 0). */
    private void diagnoseSources(double[] values, int t) {
      for (int k = 0; k < sources.size(); k++) {
        sources.get(k).diagnose(values, diagnosticsAt[k], t);
      }
    }

    /** Hands generation t's new exogenous data and D_t to the sources that observe the chain. */
    private void observe(int t, S exogenous, S trainingData) {
      if (!observing) {
        return;
      }
      for (int k = 0; k < sources.size(); k++) {
        if (settings.sources().get(k).observes()) {
          sources.get(k).observe(t, exogenous, trainingData);
        }
      }
    }

    /** D_t as statistics: the regime's training data, or under weighting the union of the parts. */
    private S trainingData() {
      if (realWeight == null) {
        return training;
      }
      family.copy(exoPart, observed);
      family.merge(observed, restPart);
      return observed;
    }

    /** The family's metrics; a NaN is a bug in the family, so the chain fails loudly. */
    private void measure(M model, double[] values, int t) {
      family.metrics(model, values, stream(t, StreamPurpose.METRIC));
      for (int i = 0; i < metricCount; i++) {
        if (Double.isNaN(values[i])) {
          throw new IllegalStateException(
              "metric " + family.metricNames().get(i) + " is NaN at generation " + t);
        }
      }
    }

    /** The generation whose {@link StreamKeys#generationKey} is cached, or -1. */
    private int keyedGeneration = -1;

    private long generationKey;

    private RandomStream stream(int generation, StreamPurpose purpose) {
      if (generation != keyedGeneration) {
        generationKey = StreamKeys.generationKey(chainSeed, generation);
        keyedGeneration = generation;
      }
      return new RandomStream(StreamKeys.stream(generationKey, purpose));
    }

    private RandomStream sourceStream(int generation, int k) {
      return stream(generation, settings.sources().get(k).purpose());
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
      return family.fit(training, spares.firstFitModel(), stream(t, StreamPurpose.FIT));
    }

    /**
     * Fills {@link #counts} for generation t and returns their sum. Count mixing rounds the
     * cumulative fractions: with F_k the sum of the first k effective fractions (a source whose
     * part is off at t counts 0), source k takes floor(F_k M + 0.5) - floor(F_{k-1} M + 0.5).
     * Per-sample mixing draws each sample's source from the MIXING stream: explicitly one uniform u
     * per sample, the first source whose cumulative fraction exceeds u (none: synthetic); on the
     * exact path the same multinomial counts at once, as binomials of the samples left, source by
     * source.
     */
    private int partition(int t) {
      int k = counts.length;
      settings.fractions(t, fractions);
      for (int i = 0; i < k; i++) {
        if (!sources.get(i).on(t)) { // a gated anchor hands its share to the synthetic part
          fractions[i] = 0;
        }
      }
      double sum = 0;
      for (int i = 0; i < k; i++) {
        sum += fractions[i];
        cumulative[i] = sum;
      }
      Arrays.fill(counts, 0);
      if (settings.mixing() == Mixing.COUNT) {
        int[] n = CountMixing.counts(samples, fractions, k, mixed);
        System.arraycopy(n, 0, counts, 0, k);
        int previous = samples - n[k];
        if (positions != null) {
          partitionByCount(t, previous);
        }
        return previous;
      }
      RandomStream coin = stream(t, StreamPurpose.MIXING);
      int total = 0;
      if (exact) {
        double before = 0;
        for (int i = 0; i < k; i++) {
          double left = 1 - before;
          double p = left > 0 ? Math.min(1, (cumulative[i] - before) / left) : 0;
          counts[i] = (int) BinomialSampler.sample(coin, samples - total, p);
          total += counts[i];
          before = cumulative[i];
        }
        return total;
      }
      for (int s = 0; s < samples; s++) {
        double u = coin.nextDouble();
        int from = -1;
        for (int i = 0; i < k; i++) {
          if (u < cumulative[i]) {
            counts[i]++;
            total++;
            from = i;
            break;
          }
        }
        if (positions != null) { // coin s belongs to position s
          source[s] = from;
        }
      }
      if (positions != null) {
        if (fixedAnchor()) {
          identityPositions();
        } else {
          groupBySource();
        }
      }
      return total;
    }

    private boolean fixedAnchor() {
      return !settings.sources().isEmpty()
          && settings.sources().get(0) instanceof ExogenousSource e
          && e.fixed();
    }

    /**
     * The fixed anchor reuses D_0's first samples, which sit on positions 0..n-1: D_new takes the
     * positions in order, sources first, then the synthetic part.
     */
    private void identityPositions() {
      for (int i = 0; i < samples; i++) {
        positions[i] = i;
      }
    }

    /**
     * Count mixing, positional family: the positions of the {@code total} source samples are a
     * uniformly random subset of 0..M-1, chosen by a partial Fisher-Yates shuffle on the MIXING
     * stream and dealt to the sources in order (the first counts[0] chosen to the first source...);
     * the first n chosen for a small n are among those chosen for a larger one, so cells differing
     * in alpha share rows. With the fixed anchor, positions stay in order.
     */
    private void partitionByCount(int t, int total) {
      if (fixedAnchor()) {
        identityPositions();
        return;
      }
      int[] chosen = scratch;
      for (int i = 0; i < samples; i++) {
        chosen[i] = i;
        source[i] = -1;
      }
      RandomStream rng = stream(t, StreamPurpose.MIXING);
      for (int i = 0; i < total; i++) {
        int j = i + rng.nextInt(samples - i);
        int c = chosen[j];
        chosen[j] = chosen[i];
        chosen[i] = c;
      }
      int i = 0;
      for (int k = 0; k < counts.length; k++) {
        for (int n = 0; n < counts[k]; n++) {
          source[chosen[i++]] = k;
        }
      }
      groupBySource();
    }

    /**
     * Writes {@code positions} from each position's source: the first source's positions in
     * increasing order, then the next source's, ..., then the synthetic ones: D_new grouped by
     * source in an order that depends only on the partition (so two cells with the same partition
     * sum their samples in the same order).
     */
    private void groupBySource() {
      int at = 0;
      for (int k = 0; k < counts.length; k++) {
        for (int p = 0; p < samples; p++) {
          if (source[p] == k) {
            positions[at++] = p;
          }
        }
      }
      for (int p = 0; p < samples; p++) {
        if (source[p] < 0) {
          positions[at++] = p;
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
      S slot = window.size() == settings.window() ? window.removeFirst() : spares.newStats();
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
      int n = fresh.size();
      for (int i = 0; i < n; i++) {
        union.append(fresh, i);
      }
    }

    /** M indices without replacement from the union: a partial Fisher-Yates shuffle. */
    private void drawSubsample(int t) {
      int total = union.size();
      int take = Math.min(samples, total);
      if (indices.length < total) {
        indices = new int[Math.max(total, indices.length * 2)];
      }
      for (int i = 0; i < total; i++) {
        indices[i] = i;
      }
      RandomStream rng = stream(t, StreamPurpose.REGIME);
      subsample.clear();
      for (int i = 0; i < take; i++) {
        int j = i + rng.nextInt(total - i);
        int chosen = indices[j];
        indices[j] = indices[i];
        indices[i] = chosen;
        subsample.append(union, chosen);
      }
    }
  }
}
