package org.collapsesim.config;

/**
 * The estimator parameters the count-based families share (categorical, markov, sequence): {@code
 * estimator} (maximum likelihood, or add-k smoothing: Laplace's rule for k = 1,
 * Krichevsky-Trofimov's for k = 1/2) and its {@code add_k}. Each family states its own formula.
 */
public final class CountEstimator {

  private CountEstimator() {}

  /** {@code estimator}: one of mle, add-k, default mle; {@code formula} says what each fits. */
  public static ParameterSpec estimator(String formula) {
    return ParameterSpec.of(
            "estimator", formula, "one of mle, add-k", ValueParsers.oneOf("mle", "add-k"))
        .withDefault("mle");
  }

  /**
   * {@code add_k}: k of the add-k estimator, default 1, applicable with {@code estimator: add-k}.
   */
  public static final ParameterSpec ADD_K =
      ParameterSpec.of(
              "add_k", "k of the add-k estimator", "a number > 0", ValueParsers.positiveNumber())
          .withDefault(1.0)
          .withApplicability(Applicability.whenEquals("estimator", "add-k"));
}
