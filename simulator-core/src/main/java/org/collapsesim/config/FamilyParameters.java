package org.collapsesim.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameter catalogue of one family: the loop parameters every family shares followed by the
 * family's own, the family's metric names (for {@code metrics:} and {@code collapse:}), and its
 * cell rules. Validation and grid expansion read only this table, so a new family adds a table and
 * one line in {@link #REGISTRY}, never validation code.
 */
public final class FamilyParameters {

  private static final Map<String, FamilyParameters> REGISTRY = new LinkedHashMap<>();

  /**
   * The families whose CellModel draws sufficient statistics exactly ({@code hasExactPath()}), so
   * {@code sampling: exact} is valid for them; a family adds itself here when it implements one
   * (FamilyCatalogueTest checks the two agree).
   */
  public static final java.util.Set<String> EXACT_SAMPLING_FAMILIES =
      java.util.Set.of("gaussian", "categorical");

  /**
   * The families that also thin statistics exactly ({@code thinsStats()}), so a verifier without
   * refill keeps their exact path (FamilyCatalogueTest checks the two agree).
   */
  public static final java.util.Set<String> EXACT_VERIFIER_FAMILIES =
      java.util.Set.of("categorical");

  static {
    register(
        new FamilyParameters(
            "gaussian",
            true,
            GaussianParameters.PARAMETERS,
            GaussianParameters.METRICS,
            GaussianParameters.RULES));
    register(
        new FamilyParameters(
            "categorical",
            true,
            CategoricalParameters.PARAMETERS,
            CategoricalParameters.METRICS,
            CategoricalParameters.RULES));
    register(
        new FamilyParameters(
            "markov",
            true,
            MarkovParameters.PARAMETERS,
            MarkovParameters.METRICS,
            MarkovParameters.RULES));
    register(
        new FamilyParameters(
            "gmm", true, GmmParameters.PARAMETERS, GmmParameters.METRICS, GmmParameters.RULES));
    register(
        new FamilyParameters(
            "linreg",
            true,
            LinregParameters.PARAMETERS,
            LinregParameters.METRICS,
            LinregParameters.RULES));
    register(
        new FamilyParameters(
            "sequence",
            true,
            SequenceParameters.PARAMETERS,
            SequenceParameters.METRICS,
            SequenceParameters.RULES));
  }

  private final String name;
  private final boolean implemented;
  private final List<ParameterSpec> parameters;
  private final Map<String, ParameterSpec> byName = new LinkedHashMap<>();
  private final List<String> metrics;
  private final List<CellRule> rules;

  private FamilyParameters(
      String name,
      boolean implemented,
      List<ParameterSpec> own,
      List<String> metrics,
      List<CellRule> ownRules) {
    this.name = name;
    this.implemented = implemented;
    List<ParameterSpec> all = new ArrayList<>(CommonParameters.PARAMETERS);
    all.addAll(own);
    for (ParameterSpec spec : all) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalStateException(
            "family " + name + " defines parameter " + spec.name() + " twice");
      }
    }
    this.parameters = List.copyOf(all);
    this.metrics = List.copyOf(metrics);
    List<CellRule> allRules = new ArrayList<>(ownRules);
    allRules.addAll(CommonParameters.RULES);
    this.rules = List.copyOf(allRules);
  }

  private static void register(FamilyParameters family) {
    REGISTRY.put(family.name, family);
  }

  /** Every family name, implemented or not, in catalogue order. */
  public static List<String> familyNames() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** The names of the families that can run. */
  public static List<String> implementedFamilyNames() {
    return REGISTRY.values().stream().filter(f -> f.implemented).map(f -> f.name).toList();
  }

  /**
   * The table of family {@code name}.
   *
   * @throws IllegalArgumentException if there is no such family
   */
  public static FamilyParameters of(String name) {
    FamilyParameters family = REGISTRY.get(Objects.requireNonNull(name, "name"));
    if (family == null) {
      throw new IllegalArgumentException("family " + name + " is not one of " + familyNames());
    }
    return family;
  }

  /** The families other than this one that define parameter {@code key}. */
  List<String> otherFamiliesWith(String key) {
    return REGISTRY.values().stream()
        .filter(f -> f != this && f.byName.containsKey(key))
        .map(f -> f.name)
        .toList();
  }

  /** Whether any family defines parameter {@code key}. */
  static boolean isParameterOfAnyFamily(String key) {
    return REGISTRY.values().stream().anyMatch(f -> f.byName.containsKey(key));
  }

  public String name() {
    return name;
  }

  /**
   * Whether the family's sampler, estimator and metrics exist; an unimplemented family cannot be
   * configured.
   */
  public boolean implemented() {
    return implemented;
  }

  /** Every parameter, the shared loop parameters first. */
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  /** The parameter {@code key}, or null when the family has none by that name. */
  public ParameterSpec parameter(String key) {
    return byName.get(key);
  }

  /** The family's metric names, in output order. */
  public List<String> metrics() {
    return metrics;
  }

  List<CellRule> rules() {
    return rules;
  }
}
