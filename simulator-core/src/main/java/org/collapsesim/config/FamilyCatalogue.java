package org.collapsesim.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The families a config may name, each with its parameter table ({@link FamilyParameters}: the
 * shared loop parameters, then the family's own). Built once from the registered families and
 * passed to {@link ConfigLoader}; immutable.
 */
public final class FamilyCatalogue {

  private final Map<String, FamilyParameters> families = new LinkedHashMap<>();

  private FamilyCatalogue(List<? extends FamilyDefinition> definitions) {
    for (FamilyDefinition definition : definitions) {
      if (families.put(definition.name(), new FamilyParameters(definition)) != null) {
        throw new IllegalStateException("family " + definition.name() + " is registered twice");
      }
    }
  }

  /** The catalogue of {@code definitions}, in their order. */
  public static FamilyCatalogue of(List<? extends FamilyDefinition> definitions) {
    return new FamilyCatalogue(definitions);
  }

  /** Every family name, in catalogue order. */
  public List<String> names() {
    return List.copyOf(families.keySet());
  }

  /**
   * The parameter table of family {@code name}.
   *
   * @throws IllegalArgumentException if there is no such family
   */
  public FamilyParameters family(String name) {
    FamilyParameters family = families.get(Objects.requireNonNull(name, "name"));
    if (family == null) {
      throw new IllegalArgumentException("family " + name + " is not one of " + names());
    }
    return family;
  }

  /** Whether the catalogue has a family named {@code name}. */
  public boolean has(String name) {
    return families.containsKey(name);
  }

  /** The families that can draw sufficient statistics exactly, in catalogue order. */
  public List<String> exactPathFamilies() {
    return families.values().stream()
        .filter(f -> f.definition().hasExactPath())
        .map(FamilyParameters::name)
        .toList();
  }

  /**
   * The families whose exact path also thins its statistics through a verifier without refill, in
   * catalogue order.
   */
  public List<String> exactVerifierFamilies() {
    return families.values().stream()
        .filter(f -> f.definition().thinsStats())
        .map(FamilyParameters::name)
        .toList();
  }

  /** The families other than {@code family} that define parameter {@code key}. */
  List<String> otherFamiliesWith(FamilyParameters family, String key) {
    return families.values().stream()
        .filter(f -> f != family && f.parameter(key) != null)
        .map(FamilyParameters::name)
        .toList();
  }

  /** Whether any family defines parameter {@code key}. */
  boolean isParameterOfAnyFamily(String key) {
    return families.values().stream().anyMatch(f -> f.parameter(key) != null);
  }
}
