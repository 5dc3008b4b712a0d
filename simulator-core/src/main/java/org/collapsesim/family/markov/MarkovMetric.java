package org.collapsesim.family.markov;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.MetricDefinition.Better;

/**
 * The metrics of the markov family, in output order: the one list their names (the constant in
 * lower case), definitions and indexes in a metric array (the ordinal) derive from.
 */
enum MarkovMetric {
  ENTROPY_RATE(
      "sum_c (N(c) / N) H(P_t(. | c)) in nats per token: the rows as fitted (mle or add-k) weighted by the"
          + " empirical context frequencies of the training data (the plug-in conditional entropy H(Y | C));"
          + " compared with the truth's sum_c pi*(c) H(P*(. | c)), pi* its stationary law",
      Better.TRUTH),
  KL_RATE(
      "sum_c pi*(c) KL(P*(. | c) || Q_t(. | c)) in nats per token, pi* the truth's stationary distribution,"
          + " Q_t the smoothed model (n(c, y) + eps) / (N(c) + V eps), eps = kl_eps",
      Better.LOWER),
  DISTINCT_NGRAMS(
      "distinct (k + 1)-grams (context, next token) in the training data", Better.HIGHER),
  PERPLEXITY(
      "exp of the mean negative log-likelihood per token of heldout_tokens of held-out truth text (drawn"
          + " once per cell from the truth, in sequences of sequence_length) under the smoothed model Q_t",
      Better.LOWER),
  UNIGRAM_ENTROPY(
      "Shannon entropy of the token frequencies of the training data, nats", Better.TRUTH),
  GINI_SIMPSON("1 - sum u_y^2 of the token frequencies u of the training data", Better.TRUTH),
  SUPPORT("tokens with a non-zero count in the training data", Better.HIGHER);

  /** Every metric's definition, in output order. */
  static final List<MetricDefinition> DEFINITIONS =
      Arrays.stream(values()).map(m -> m.definition).toList();

  /** Every metric's name, in output order. */
  static final List<String> NAMES = DEFINITIONS.stream().map(MetricDefinition::name).toList();

  private final MetricDefinition definition;

  MarkovMetric(String definition, Better better) {
    this.definition = new MetricDefinition(name().toLowerCase(Locale.ROOT), definition, better);
  }
}
