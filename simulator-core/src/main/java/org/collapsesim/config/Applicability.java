package org.collapsesim.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * When a parameter applies to a cell, given the cell's family and its other resolved parameters
 * (defaults included). A parameter that does not apply to a cell is dropped from it (README,
 * Configuration), so {@code window} disappears from {@code regime: replace} cells and those cells
 * can merge.
 *
 * @param condition the condition as the user reads it, e.g. {@code regime = window}; empty for
 *     {@link #ALWAYS}
 * @param test whether the parameter applies, given (family, resolved parameters of the cell)
 */
public record Applicability(String condition, BiPredicate<String, Map<String, Object>> test) {

  /** Applies to every cell of the family. */
  public static final Applicability ALWAYS = new Applicability("", (family, params) -> true);

  public Applicability {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(test, "test");
  }

  /** Applies when parameter {@code key} resolves to {@code value}. */
  public static Applicability whenEquals(String key, String value) {
    return new Applicability(
        key + " = " + value, (family, params) -> value.equals(params.get(key)));
  }

  /** Whether the parameter applies to a cell of {@code family} with these resolved parameters. */
  public boolean appliesTo(String family, Map<String, Object> params) {
    return test.test(family, params);
  }
}
