package org.collapsesim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of a family's catalogue: what it is, what values it allows, its default, how a
 * value is checked and resolved, and when it applies. The catalogue (see {@link FamilyParameters})
 * drives validation, grid expansion and the {@code describe} command alike, so a parameter is
 * described in exactly one place.
 *
 * @param name the key as written under {@code grid} or {@code params} ({@code truth.exponent} for
 *     truth parameters)
 * @param description one sentence: what the parameter does
 * @param allowedValues what is allowed, as a user reads it ({@code an integer >= 1})
 * @param defaultValue the resolved default, or null when the parameter is absent unless given
 *     ("off", e.g. {@code top_k}) or required
 * @param required whether every cell it applies to must have a value
 * @param world whether the parameter is part of the cell's world key (family, truth, model_size,
 *     samples: README, Random streams and determinism) rather than of its mechanism
 * @param parser checks one value and resolves it
 * @param applicability when the parameter applies to a cell
 */
public record ParameterSpec(
    String name,
    String description,
    String allowedValues,
    Object defaultValue,
    boolean required,
    boolean world,
    ValueParser parser,
    Applicability applicability) {

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(allowedValues, "allowedValues");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(applicability, "applicability");
  }

  /**
   * An optional parameter with no default that applies always; refine with the {@code with...}
   * copies.
   */
  public static ParameterSpec of(
      String name, String description, String allowedValues, ValueParser parser) {
    return new ParameterSpec(
        name, description, allowedValues, null, false, false, parser, Applicability.ALWAYS);
  }

  /** A copy with default {@code value} (in resolved form: Long, Double, String, Boolean, ...). */
  public ParameterSpec withDefault(Object value) {
    return new ParameterSpec(
        name, description, allowedValues, value, required, world, parser, applicability);
  }

  /** A copy that must have a value in every cell it applies to. */
  public ParameterSpec asRequired() {
    return new ParameterSpec(
        name, description, allowedValues, defaultValue, true, world, parser, applicability);
  }

  /** A copy that is part of the world key. */
  public ParameterSpec asWorld() {
    return new ParameterSpec(
        name, description, allowedValues, defaultValue, required, true, parser, applicability);
  }

  /** A copy that applies only when {@code when} holds. */
  public ParameterSpec withApplicability(Applicability when) {
    return new ParameterSpec(
        name, description, allowedValues, defaultValue, required, world, parser, when);
  }

  /** Whether this is a truth parameter ({@code truth.X}). */
  public boolean isTruth() {
    return name.startsWith("truth.");
  }

  /**
   * Checks one value.
   *
   * @return the message of the first problem with {@code value} (e.g. {@code 0 is not > 0}), or
   *     null when it is allowed
   */
  public String problemWith(Object value) {
    if (value == null) {
      return "is empty (" + allowedValues + ")";
    }
    List<ConfigProblem> problems = new ArrayList<>();
    parser.parse(value, name, problems);
    return problems.isEmpty() ? null : problems.get(0).message();
  }

  /** Resolves one value, adding problems under {@code path}; null when a problem was added. */
  public Object parse(Object value, String path, List<ConfigProblem> problems) {
    if (value == null) {
      problems.add(new ConfigProblem(path, "is empty (" + allowedValues + ")"));
      return null;
    }
    return parser.parse(value, path, problems);
  }
}
