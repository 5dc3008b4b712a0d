package org.collapsesim.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for {@code manifest.json}, the metric definitions and the Arrow schema metadata, written and
 * read back (resume) with Jackson.
 *
 * <p>What can be written: null, {@link String}, {@link Boolean}, integers ({@link Long}, {@link
 * Integer}, {@link Short}, {@link Byte}, {@link BigInteger}; exact), {@link Double} and {@link
 * Float} (shortest text that parses back to the same double), {@link BigDecimal}, enums (by name),
 * {@link Map}s with String keys (in the map's iteration order; pass a {@code LinkedHashMap} for a
 * stable order), {@link Iterable}s, object arrays and {@code double[]}, {@code long[]}, {@code
 * int[]}. JSON has no infinities, so {@code ±Infinity} is written as the strings {@code "Infinity"}
 * and {@code "-Infinity"} ({@link #toDouble(Object)} maps them back); NaN is rejected (the SPEC
 * never writes NaN; use null). Anything else is rejected with its path.
 *
 * <p>What reading gives: {@code LinkedHashMap}s (document order), {@code ArrayList}s, String,
 * Boolean, null, {@link Long} for every integer that fits (BigInteger beyond), {@link Double} for
 * every other number. Duplicate keys and trailing content are errors.
 */
public final class ManifestJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ManifestJson() {}

  /** The value as pretty-printed JSON text (two-space indent, no trailing newline). */
  public static String toJson(Object value) {
    JsonNode tree = toTree(value, "$");
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson failed to write a tree it built itself", e);
    }
  }

  /** The value as compact JSON text on one line (for Arrow schema metadata). */
  public static String toCompactJson(Object value) {
    JsonNode tree = toTree(value, "$");
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson failed to write a tree it built itself", e);
    }
  }

  /**
   * Writes the value as pretty-printed JSON (UTF-8, final newline) to {@code target}, atomically.
   */
  public static void write(Object value, Path target) throws IOException {
    String text = toJson(value) + "\n";
    AtomicOutput.writeAtomically(
        target,
        temporary -> {
          try (Writer out =
              Files.newBufferedWriter(
                  temporary,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE)) {
            out.write(text);
          }
        });
  }

  /**
   * Parses JSON text into plain Java values (see the class comment).
   *
   * @throws IOException if the text is not one well-formed JSON value
   */
  public static Object parse(String json) throws IOException {
    return fromTree(MAPPER.readTree(json));
  }

  /**
   * Reads a JSON file whose top level is an object, such as a manifest.
   *
   * @throws IOException if the file cannot be read, is not well-formed, or is not an object
   */
  public static Map<String, Object> read(Path file) throws IOException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException("malformed JSON in " + file + ": " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IOException(
          "expected a JSON object at the top of "
              + file
              + ", found "
              + (tree == null ? "nothing" : tree.getNodeType()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) fromTree(tree);
    return map;
  }

  /**
   * A number read back from JSON as a double: a {@link Number}, or one of the strings {@code
   * "Infinity"} / {@code "-Infinity"} that {@link #toJson} writes for infinities.
   *
   * @throws IllegalArgumentException for null or anything else
   */
  public static double toDouble(Object jsonValue) {
    if (jsonValue instanceof Number) {
      return ((Number) jsonValue).doubleValue();
    }
    if ("Infinity".equals(jsonValue)) {
      return Double.POSITIVE_INFINITY;
    }
    if ("-Infinity".equals(jsonValue)) {
      return Double.NEGATIVE_INFINITY;
    }
    throw new IllegalArgumentException(
        "not a JSON number or \"Infinity\"/\"-Infinity\": " + jsonValue);
  }

  private static Object fromTree(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw new IllegalArgumentException("no JSON value");
    }
    switch (node.getNodeType()) {
      case NULL:
        return null;
      case BOOLEAN:
        return node.booleanValue();
      case STRING:
        return node.textValue();
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.doubleValue();
      case ARRAY:
        {
          List<Object> list = new ArrayList<>(node.size());
          for (JsonNode element : node) {
            list.add(fromTree(element));
          }
          return list;
        }
      case OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> e : node.properties()) {
            map.put(e.getKey(), fromTree(e.getValue()));
          }
          return map;
        }
      default:
        throw new IllegalArgumentException("unexpected JSON node " + node.getNodeType());
    }
  }

  private static JsonNode toTree(Object value, String path) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return doubleNode(((Number) value).doubleValue(), path);
    }
    if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    }
    if (value instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) value);
    }
    if (value instanceof Enum<?>) {
      return NODES.textNode(((Enum<?>) value).name());
    }
    if (value instanceof Map<?, ?>) {
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(
              "JSON object keys must be strings; at "
                  + path
                  + " found key "
                  + e.getKey()
                  + (e.getKey() == null ? "" : " (" + e.getKey().getClass().getName() + ")"));
        }
        String key = (String) e.getKey();
        node.set(key, toTree(e.getValue(), path + "." + key));
      }
      return node;
    }
    if (value instanceof Iterable<?>) {
      ArrayNode node = NODES.arrayNode();
      int i = 0;
      for (Object element : (Iterable<?>) value) {
        node.add(toTree(element, path + "[" + i++ + "]"));
      }
      return node;
    }
    if (value instanceof Object[]) {
      ArrayNode node = NODES.arrayNode();
      Object[] array = (Object[]) value;
      for (int i = 0; i < array.length; i++) {
        node.add(toTree(array[i], path + "[" + i + "]"));
      }
      return node;
    }
    if (value instanceof double[]) {
      ArrayNode node = NODES.arrayNode();
      double[] array = (double[]) value;
      for (int i = 0; i < array.length; i++) {
        node.add(doubleNode(array[i], path + "[" + i + "]"));
      }
      return node;
    }
    if (value instanceof long[]) {
      ArrayNode node = NODES.arrayNode();
      for (long v : (long[]) value) {
        node.add(v);
      }
      return node;
    }
    if (value instanceof int[]) {
      ArrayNode node = NODES.arrayNode();
      for (int v : (int[]) value) {
        node.add(v);
      }
      return node;
    }
    throw new IllegalArgumentException(
        "cannot write a "
            + value.getClass().getName()
            + " as JSON at "
            + path
            + "; allowed: null, String, Boolean, integers, Double, Float, BigDecimal, enums, Map<String, ?>,"
            + " Iterable, Object[], double[], long[], int[]");
  }

  private static JsonNode doubleNode(double v, String path) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException(
          "NaN at " + path + " cannot be written; use null for 'not applicable'");
    }
    if (v == Double.POSITIVE_INFINITY) {
      return NODES.textNode("Infinity");
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return NODES.textNode("-Infinity");
    }
    return NODES.numberNode(v);
  }
}
