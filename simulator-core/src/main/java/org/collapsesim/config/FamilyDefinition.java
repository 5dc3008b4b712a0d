package org.collapsesim.config;

import java.util.List;
import java.util.Set;

/**
 * What the config layer needs of a model family: the service-provider interface a family implements
 * in its own package (beside its sampler, estimator and theory) and that a {@link FamilyCatalogue}
 * collects. Validation and grid expansion read only this, so adding a family never touches config
 * code.
 */
public interface FamilyDefinition {

  /** The name used in configs ({@code family: NAME}). */
  String name();

  /**
   * The family's own parameters (the shared loop parameters come first, added by the catalogue),
   * with their parsing, defaults and applicability; truth parameters are marked {@link
   * ParameterSpec#asWorld() world}.
   */
  List<ParameterSpec> parameters();

  /**
   * Checks and completions across the family's parameters of one cell, run after defaults are
   * filled; a file-backed truth is read here and handed to the family with {@link
   * CellDraft#setTruthFromFile}. None by default.
   */
  default List<CellRule> rules() {
    return List.of();
  }

  /** The metrics, in output order: the one list metric names (and indexes) derive from. */
  List<MetricDefinition> metrics();

  /**
   * Whether the family can draw sufficient statistics exactly ({@code sampling: exact}), where the
   * regime and the mechanisms allow it.
   */
  boolean hasExactPath();

  /**
   * Whether the family's exact path can also thin its sufficient statistics exactly through a
   * filter (a verifier without refill), so that filter keeps the exact path. False by default.
   */
  default boolean thinsStats() {
    return false;
  }

  /**
   * The shared anchoring mechanisms the family implements; their keys and rules join its table. Its
   * own keys of them (a reservoir's distribution, a verifier's correctness predicate) are among
   * {@link #parameters()}, applicable {@link SharedMechanism#whenOn when on}.
   */
  Set<SharedMechanism> mechanisms();

  /**
   * What shared mechanism {@code mechanism} is in this family, for {@code describe} (the
   * reservoir's distribution, the verifier's correctness predicate, the weighted statistics), or ""
   * for nothing more than the shared formula.
   */
  default String mechanismNote(SharedMechanism mechanism) {
    return "";
  }

  /**
   * The family's own mechanisms (keys among {@link #parameters()}, rules among {@link #rules()}),
   * for {@code describe}; none by default.
   */
  default List<MechanismInfo> ownMechanisms() {
    return List.of();
  }
}
