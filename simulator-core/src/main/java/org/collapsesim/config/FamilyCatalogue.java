package org.collapsesim.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * The anchoring mechanisms for {@code describe}: the exogenous data, the shared mechanisms with
   * the families that implement them (and their notes), then each family's own.
   */
  public List<MechanismInfo> mechanisms() {
    List<MechanismInfo> out = new ArrayList<>();
    out.add(CommonParameters.exogenousData(names()));
    for (SharedMechanism mechanism : SharedMechanism.values()) {
      Map<String, String> notes = new LinkedHashMap<>();
      for (FamilyParameters f : families.values()) {
        if (f.definition().mechanisms().contains(mechanism)) {
          notes.put(f.name(), f.definition().mechanismNote(mechanism));
        }
      }
      if (!notes.isEmpty()) {
        out.add(mechanism.describe(notes));
      }
    }
    for (FamilyParameters f : families.values()) {
      out.addAll(f.definition().ownMechanisms());
    }
    return out;
  }

  /**
   * The mechanism groups of every family (the prefixes of their dotted keys other than truth),
   * which a config may write as nested maps.
   */
  Set<String> mechanismGroups() {
    Set<String> groups = new TreeSet<>();
    for (FamilyParameters f : families.values()) {
      for (ParameterSpec p : f.parameters()) {
        String group = SharedMechanism.group(p.name());
        if (group != null) {
          groups.add(group);
        }
      }
    }
    return groups;
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
