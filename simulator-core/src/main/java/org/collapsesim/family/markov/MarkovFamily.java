package org.collapsesim.family.markov;

import java.util.List;
import java.util.Set;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.family.Family;
import org.collapsesim.loop.CellModel;
import org.collapsesim.random.StreamKeys;

/**
 * The markov family (README, Families and metrics): an order-k chain over V tokens (model_size = V,
 * contexts V^k stored sparsely), trained each generation on M tokens cut into sequences of {@code
 * sequence_length}, each sequence started in a context drawn from the source's context
 * distribution. The truth is a random sparse table with Dirichlet rows, or the chain of a text. At
 * order 0 it is the categorical family's Wright-Fisher drift (Shumailov et al. 2024, "AI models
 * collapse when trained on recursively generated data", for the language-model setting).
 */
public final class MarkovFamily implements Family {

  static final List<MetricDefinition> METRICS = MarkovMetric.DEFINITIONS;

  static final List<String> METRIC_NAMES = MarkovMetric.NAMES;

  private static final long TRUTH_SALT = 0x6D61726B6F76L; // "markov"

  @Override
  public String name() {
    return "markov";
  }

  @Override
  public String description() {
    return "an order-k Markov chain over V tokens (model_size = V) refitted by transition counts, trained on"
        + " sequences of sequence_length tokens; truth a random sparse Dirichlet table or a text, its"
        + " sequences started from its stationary law. The fitted model's context law is the context"
        + " frequencies N(c) / N of its training data, for every fitted chain: they weight entropy_rate"
        + " and start the model's sequences (undecoded); a context the model never saw as a source falls"
        + " back to its unigram (add-k: the uniform row)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return MarkovParameters.PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return MarkovParameters.RULES;
  }

  @Override
  public Set<SharedMechanism> mechanisms() {
    return Set.of(SharedMechanism.values());
  }

  @Override
  public String mechanismNote(SharedMechanism mechanism) {
    return switch (mechanism) {
      case RESERVOIR -> "iid uniform tokens cut into sequences, so every transition key is uniform";
      case VERIFIER ->
          "correct: a transition of non-zero truth probability (a sample is a transition, so a"
              + " sequence survives whole iff every transition is valid)";
      case REAL_WEIGHT -> "on the transition counts";
    };
  }

  @Override
  public boolean hasExactPath() {
    return false;
  }

  @Override
  public List<MetricDefinition> metrics() {
    return METRICS;
  }

  @Override
  public List<String> keyMetrics() {
    return List.of("entropy_rate", "kl_rate", "distinct_ngrams");
  }

  /** Sparse transitions: about 48 B per observed (context, token), and a token per sample. */
  @Override
  public double chainBytes(CellSpec cell, double kept) {
    return 48 * (cell.getInt("model_size") + kept) + 4 * kept;
  }

  @Override
  public CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed) {
    return bindCell(cell, masterSeed);
  }

  static MarkovCell bindCell(CellSpec cell, long masterSeed) {
    int v = cell.getInt("model_size");
    int order = cell.getInt("order");
    int sequenceLength = cell.getInt("sequence_length");
    int heldout = cell.getInt("heldout_tokens");
    ContextCodec codec = new ContextCodec(v, order);
    MarkovTruth truth;
    if ("text".equals(cell.getString("truth.source"))) {
      String sha = cell.getString("truth.file_sha256");
      long truthHash =
          StreamKeys.hash(
              TRUTH_SALT,
              v,
              order,
              Long.parseUnsignedLong(sha.substring(0, 16), 16),
              "words".equals(cell.getString("truth.tokens")) ? 1 : 0);
      int[] tokens = cell.truthData(TextFile.class).tokens().clone();
      if (tokens == null) {
        throw new IllegalArgumentException(
            "cell " + cell.index() + ": truth.source text but no tokens were read");
      }
      truth =
          MarkovTruth.text(
              codec, tokens, StreamKeys.truth(masterSeed, truthHash), heldout, sequenceLength);
    } else {
      double concentration = cell.getDouble("truth.concentration");
      int support = cell.getInt("truth.row_support");
      long truthHash =
          StreamKeys.hash(TRUTH_SALT, v, order, Double.doubleToLongBits(concentration), support);
      truth =
          MarkovTruth.dirichlet(
              codec,
              concentration,
              support,
              StreamKeys.truth(masterSeed, truthHash),
              heldout,
              sequenceLength);
    }
    double addK = "add-k".equals(cell.getString("estimator")) ? cell.getDouble("add_k") : 0.0;
    RowDecoding decoding =
        new RowDecoding(
            cell.getDouble("temperature"),
            cell.has("top_k") ? cell.getInt("top_k") : 0,
            cell.getDouble("top_p"));
    return new MarkovCell(truth, sequenceLength, addK, decoding, cell.getDouble("kl_eps"));
  }
}
