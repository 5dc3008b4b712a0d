package org.collapsesim.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter table of one family of a {@link FamilyCatalogue}: the loop parameters every family
 * shares, the keys of the shared mechanisms it implements, then the family's own, the family's
 * metric names (for {@code metrics:} and {@code collapse:}), and its cell rules followed by the
 * loop's and the shared mechanisms'. Validation and grid expansion read only this table.
 */
public final class FamilyParameters {

  private final FamilyDefinition definition;
  private final List<ParameterSpec> parameters;
  private final Map<String, ParameterSpec> byName = new LinkedHashMap<>();
  private final List<String> metrics;
  private final List<CellRule> rules;

  FamilyParameters(FamilyDefinition definition) {
    this.definition = definition;
    List<ParameterSpec> all = new ArrayList<>(CommonParameters.PARAMETERS);
    for (SharedMechanism mechanism : SharedMechanism.values()) {
      if (definition.mechanisms().contains(mechanism)) {
        all.addAll(mechanism.parameters());
      }
    }
    all.addAll(definition.parameters());
    for (ParameterSpec spec : all) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalStateException(
            "family " + definition.name() + " defines parameter " + spec.name() + " twice");
      }
    }
    this.parameters = List.copyOf(all);
    this.metrics = definition.metrics().stream().map(MetricDefinition::name).toList();
    List<CellRule> allRules = new ArrayList<>(definition.rules());
    allRules.addAll(CommonParameters.RULES);
    for (SharedMechanism mechanism : SharedMechanism.values()) {
      if (definition.mechanisms().contains(mechanism)) {
        allRules.addAll(mechanism.rules());
      }
    }
    this.rules = List.copyOf(allRules);
  }

  public String name() {
    return definition.name();
  }

  /** The family as it registered itself. */
  public FamilyDefinition definition() {
    return definition;
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

  /**
   * The keys of its mechanisms' shares of D_new ({@code reservoir.fraction}, {@code
   * program.fraction}), in the order the shares are taken after alpha_t.
   */
  List<String> sharesOfNew() {
    return parameters.stream()
        .map(ParameterSpec::name)
        .filter(SharedMechanism::isShareOfNew)
        .toList();
  }
}
