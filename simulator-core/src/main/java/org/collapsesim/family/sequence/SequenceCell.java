package org.collapsesim.family.sequence;

import java.util.List;
import org.collapsesim.family.categorical.CategoricalTheory;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.random.RandomStream;

/**
 * The sequence family bound to one cell: raw strings ({@link SequenceBatch}), per-position counts
 * ({@link SequenceCounts}) and the positional learner ({@link PositionalModel}). Explicit path only
 * (strings drawn symbol by symbol).
 */
final class SequenceCell implements CellModel<SequenceBatch, SequenceCounts, PositionalModel> {

  static final int GINI_SIMPSON = SequenceMetric.GINI_SIMPSON.ordinal();
  static final int ENTROPY = SequenceMetric.ENTROPY.ordinal();
  static final int FIXATED = SequenceMetric.FIXATED.ordinal();
  static final int KL_TRUE_MODEL = SequenceMetric.KL_TRUE_MODEL.ordinal();

  private final SequenceTruth truth;
  private final double addK;
  private final double klEps;
  private final byte[] output; // the truth's noiseless output (null for markov), for the verifier
  private final int maxErrors; // the verifier's Hamming radius

  SequenceCell(SequenceTruth truth, double addK, double klEps) {
    this(truth, addK, klEps, 0);
  }

  /**
   * @param maxErrors the verifier's max_errors: a string is correct within this Hamming distance of
   *     the truth's noiseless output
   */
  SequenceCell(SequenceTruth truth, double addK, double klEps, int maxErrors) {
    this.truth = truth;
    this.addK = addK;
    this.klEps = klEps;
    this.maxErrors = maxErrors;
    String digits = truth.outputString();
    this.output = digits == null ? null : new byte[digits.length()];
    for (int j = 0; output != null && j < output.length; j++) {
      output[j] = (byte) Character.digit(digits.charAt(j), Character.MAX_RADIX);
    }
  }

  @Override
  public List<String> metricNames() {
    return SequenceFamily.METRIC_NAMES;
  }

  @Override
  public SequenceBatch newBatch(int capacity) {
    return new SequenceBatch(truth.length(), capacity);
  }

  @Override
  public void drawTruth(RandomStream rng, int n, SequenceBatch out, BlockRunner blocks) {
    truth.draw(rng, n, out);
  }

  @Override
  public void drawModel(
      PositionalModel model, RandomStream rng, int n, SequenceBatch out, BlockRunner blocks) {
    model.draw(rng, n, out);
  }

  @Override
  public SequenceCounts newStats() {
    return new SequenceCounts(truth.length() * truth.alphabet());
  }

  @Override
  public void statsOf(SequenceBatch batch, SequenceCounts out) {
    out.countBatch(batch, truth.alphabet());
  }

  @Override
  public void merge(SequenceCounts into, SequenceCounts other) {
    into.add(other);
  }

  @Override
  public void copy(SequenceCounts from, SequenceCounts to) {
    to.copyFrom(from);
  }

  @Override
  public long count(SequenceCounts stats) {
    return stats.total;
  }

  @Override
  public PositionalModel fit(
      SequenceCounts stats, PositionalModel recycle, RandomStream fitStream) {
    PositionalModel model =
        recycle != null ? recycle : new PositionalModel(truth.alphabet(), truth.length());
    model.fit(stats.counts, stats.total, addK);
    return model;
  }

  @Override
  public void metrics(PositionalModel model, double[] out, RandomStream metricStream) {
    PositionalModel.Metrics m = model.metrics(truth, klEps);
    out[GINI_SIMPSON] = m.giniSimpson();
    out[ENTROPY] = m.entropy();
    out[FIXATED] = m.fixated();
    out[KL_TRUE_MODEL] = m.klTrueModel();
  }

  /**
   * Each position is a categorical chain of population M whose truth is P*'s marginal there (the
   * reservoir's uniform strings are uniform over the alphabet at each position, and weighting
   * weighs each position's counts), and the categorical recursion is affine in sum_a p*(a)^2, so
   * the mean over positions follows it with the mean of sum_a p*_j(a)^2: fresh exogenous data, the
   * reservoir and real-data weighting (not the fixed anchor, the program anchor, whose strings are
   * not independent across positions, nor the verifier); MLE only.
   */
  @Override
  public double[][] theory(ChainSettings settings) {
    double[][] theory = new double[metricNames().size()][];
    if (addK == 0) {
      theory[GINI_SIMPSON] =
          CategoricalTheory.giniSimpson(1 - truth.giniSimpson(), truth.alphabet(), settings);
    }
    return theory;
  }

  // ---- anchoring mechanisms (the program anchor is a Source: ProgramSource) ----

  /** The entropy reservoir: uniform strings, one uniform symbol per position. */
  @Override
  public void drawReservoir(RandomStream rng, int n, SequenceBatch out, BlockRunner blocks) {
    int o = out.reserve(n);
    int symbols = n * truth.length();
    for (int i = 0; i < symbols; i++) {
      out.symbols[o + i] = (byte) rng.nextInt(truth.alphabet());
    }
  }

  /**
   * A string is correct within Hamming distance max_errors of the truth's noiseless output (a
   * program truth; validation refuses the verifier for the markov truth, which has none).
   */
  @Override
  public boolean correct(SequenceBatch batch, int index) {
    int length = truth.length();
    int errors = 0;
    for (int j = 0, o = index * length; j < length && errors <= maxErrors; j++, o++) {
      if (batch.symbols[o] != output[j]) {
        errors++;
      }
    }
    return errors <= maxErrors;
  }

  /** Weighted per-position counts ({@link PositionalModel#fitWeighted}). */
  @Override
  public PositionalModel fitWeighted(
      SequenceCounts exogenous,
      SequenceCounts rest,
      double weight,
      PositionalModel recycle,
      RandomStream fitStream) {
    PositionalModel model =
        recycle != null ? recycle : new PositionalModel(truth.alphabet(), truth.length());
    model.fitWeighted(exogenous.counts, exogenous.total, rest.counts, rest.total, weight, addK);
    return model;
  }

  /** The truth's levels: the mean over positions of its marginals' Gini-Simpson and entropy. */
  @Override
  public double[] truthValues() {
    double[] out = CellModel.super.truthValues();
    out[GINI_SIMPSON] = truth.giniSimpson();
    out[ENTROPY] = truth.entropy();
    return out;
  }

  /** The collapse rule: gini_simpson <= 0.1 x the truth's. */
  @Override
  public CollapseCriterion defaultCollapse() {
    return new CollapseCriterion("gini_simpson", GINI_SIMPSON, true, 0.1 * truth.giniSimpson());
  }
}
