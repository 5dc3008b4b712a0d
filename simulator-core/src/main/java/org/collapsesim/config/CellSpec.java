package org.collapsesim.config;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One cell of a sweep grid: every resolved parameter of the cell, defaults included, with the keys
 * that identify it.
 *
 * <p>Values are normalized: integers are {@code Long}, other numbers {@code Double}, words {@code
 * String}, flags {@code Boolean}, {@code alpha} an {@link ExogenousSchedule}, vector and matrix
 * truths immutable {@code List}s of {@code Double} (or of such lists). A parameter that does not
 * apply to the cell (e.g. {@code window} with {@code regime: replace}) is absent, as is an optional
 * parameter left off ({@code top_k}). A counts file truth appears as {@code truth.file} (the path
 * as written) and {@code truth.file_sha256}; what the family read from it is {@link #truthData()}.
 *
 * @param index the position of the cell in the sweep, 0-based, in grid order
 * @param cellId first 16 hex digits of the SHA-256 of the canonical JSON of the family and every
 *     resolved parameter (README, Configuration); unchanged by seed, replicates, generations and
 *     output settings
 * @param family the family name
 * @param params every resolved parameter, sorted by key, unmodifiable
 * @param worldKey the 64-bit key of the cell's world (family, truth, model_size, samples) that
 *     random streams derive from (README, Random streams and determinism): cells differing only in
 *     mechanism share it
 * @param truthData what the family read from its {@code truth.file} (a type the family defines,
 *     immutable; {@link CellDraft#setTruthFromFile}), or null when the truth has no file. It is
 *     determined by {@code truth.file_sha256}, so equality compares the parameters, not this
 */
public record CellSpec(
    int index,
    String cellId,
    String family,
    SortedMap<String, Object> params,
    long worldKey,
    Object truthData) {

  public CellSpec {
    Objects.requireNonNull(cellId, "cellId");
    Objects.requireNonNull(family, "family");
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
  }

  /**
   * The family's truth data as {@code type}.
   *
   * @throws IllegalArgumentException if the cell has none or it is not a {@code type}
   */
  public <T> T truthData(Class<T> type) {
    if (!type.isInstance(truthData)) {
      throw new IllegalArgumentException(
          "cell " + index + " (" + cellId + ") has no truth data of type " + type.getSimpleName());
    }
    return type.cast(truthData);
  }

  /** Whether the cell has parameter {@code key}. */
  public boolean has(String key) {
    return params.containsKey(key);
  }

  /**
   * The value of parameter {@code key}.
   *
   * @throws IllegalArgumentException if the cell does not have it
   */
  public Object get(String key) {
    Object value = params.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "cell "
              + index
              + " ("
              + cellId
              + ") has no parameter "
              + key
              + "; it has "
              + params.keySet());
    }
    return value;
  }

  /** An integer parameter as an int (validation keeps integer parameters in the int range). */
  public int getInt(String key) {
    return Math.toIntExact(getLong(key));
  }

  /** An integer parameter. */
  public long getLong(String key) {
    Object value = get(key);
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    throw wrongType(key, value, "an integer");
  }

  /** A numeric parameter (integers are widened). */
  public double getDouble(String key) {
    Object value = get(key);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(key, value, "a number");
  }

  /** A word or path parameter. */
  public String getString(String key) {
    Object value = get(key);
    if (value instanceof String s) {
      return s;
    }
    throw wrongType(key, value, "a string");
  }

  /** A flag parameter. */
  public boolean getBoolean(String key) {
    Object value = get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, value, "a boolean");
  }

  /** The exogenous schedule ({@code alpha}); every cell has one. */
  public ExogenousSchedule alphaSchedule() {
    Object value = get("alpha");
    if (value instanceof ExogenousSchedule schedule) {
      return schedule;
    }
    throw wrongType("alpha", value, "a schedule");
  }

  private IllegalArgumentException wrongType(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "cell " + index + " parameter " + key + " = " + value + " is not " + expected);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CellSpec that
        && index == that.index
        && cellId.equals(that.cellId)
        && family.equals(that.family)
        && params.equals(that.params)
        && worldKey == that.worldKey;
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, cellId, family, params, worldKey);
  }

  @Override
  public String toString() {
    return "CellSpec[" + index + " " + cellId + " " + family + " " + params + "]";
  }
}
