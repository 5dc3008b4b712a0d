package org.collapsesim.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * JSON for {@code manifest.json}, the metric definitions and the Arrow schema metadata, written and
 * read back (resume) by Jackson data binding.
 *
 * <p>What can be written: what Jackson binds (null, strings, booleans, numbers, enums by name,
 * {@link Map}s with String keys in their iteration order, collections and arrays), with one rule of
 * our own in one serializer: JSON has no infinities, so {@code ±Infinity} (boxed or in a {@code
 * double[]}) is written as the strings {@code "Infinity"} and {@code "-Infinity"} ({@link
 * #toDouble(Object)} maps them back), and NaN is rejected with its path (the outputs never hold
 * NaN; "not applicable" is null). A value Jackson cannot bind, or a non-String map key, is rejected
 * with its path.
 *
 * <p>What reading gives: {@code LinkedHashMap}s (document order), {@code ArrayList}s, String,
 * Boolean, null, {@link Long} for every integer that fits (BigInteger beyond), {@link Double} for
 * every other number. Duplicate keys and trailing content are errors.
 *
 * <p>The config hash is not computed here but by {@code CanonicalJson} in simulator-core, whose
 * byte-exact canonical form (sorted keys, fixed number spelling) must never change with a Jackson
 * upgrade or setting.
 */
public final class ManifestJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(
              new SimpleModule("collapse-sim")
                  .addSerializer(Double.class, new FiniteOrInfiniteSerializer<>(Double.class))
                  .addSerializer(double[].class, new FiniteOrInfiniteSerializer<>(double[].class))
                  .addKeySerializer(Object.class, new StringKeysOnly()))
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ManifestJson() {}

  /** The value as pretty-printed JSON text (two-space indent, no trailing newline). */
  public static String toJson(Object value) {
    return write(MAPPER.writer(), value);
  }

  /** The value as compact JSON text on one line (for Arrow schema metadata). */
  public static String toCompactJson(Object value) {
    return write(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT), value);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException(
          "cannot write JSON at " + path(e.getPath()) + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson failed to write JSON text", e);
    }
  }

  /** The path of a failed value as {@code $.key[index]...}. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        out.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /**
   * Writes the value as pretty-printed JSON (UTF-8, final newline) to {@code target}, atomically.
   */
  public static void write(Object value, FsPath target) throws IOException {
    byte[] text = (toJson(value) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicOutput.writeFile(target, out -> out.write(text));
  }

  /**
   * Parses JSON text into plain Java values (see the class comment).
   *
   * @throws IOException if the text is not one well-formed JSON value
   */
  public static Object parse(String json) throws IOException {
    return longIntegers(MAPPER.readValue(json, Object.class));
  }

  /** Jackson reads small integers as Integer: every integer that fits becomes a Long. */
  private static Object longIntegers(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      m.replaceAll((k, v) -> longIntegers(v));
    } else if (value instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) list;
      l.replaceAll(ManifestJson::longIntegers);
    }
    return value;
  }

  /**
   * Reads a JSON file whose top level is an object, such as a manifest.
   *
   * @throws IOException if the file cannot be read, is not well-formed, or is not an object
   */
  public static Map<String, Object> read(FsPath file) throws IOException {
    Object value;
    try (InputStream in = file.open()) {
      value = longIntegers(MAPPER.readValue(in, Object.class));
    } catch (JsonProcessingException e) {
      throw new IOException("malformed JSON in " + file + ": " + e.getOriginalMessage(), e);
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new IOException(
          "expected a JSON object at the top of "
              + file
              + ", found "
              + (value == null
                  ? "nothing"
                  : value instanceof List ? "an array" : "a " + value.getClass().getSimpleName()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
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
    if (INFINITY.equals(jsonValue)) {
      return Double.POSITIVE_INFINITY;
    }
    if (MINUS_INFINITY.equals(jsonValue)) {
      return Double.NEGATIVE_INFINITY;
    }
    throw new IllegalArgumentException(
        "not a JSON number or \"Infinity\"/\"-Infinity\": " + jsonValue);
  }

  private static final String INFINITY = "Infinity";
  private static final String MINUS_INFINITY = "-Infinity";

  /**
   * The one rule for doubles, boxed or in a {@code double[]}: a finite double as Jackson writes it
   * (the shortest text that parses back to it), an infinity as a string, NaN refused.
   */
  private static final class FiniteOrInfiniteSerializer<T> extends StdSerializer<T> {
    FiniteOrInfiniteSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value instanceof double[] array) {
        gen.writeStartArray(array, array.length);
        for (int i = 0; i < array.length; i++) {
          writeDouble(array[i], gen, i);
        }
        gen.writeEndArray();
      } else {
        writeDouble((Double) value, gen, -1);
      }
    }

    private static void writeDouble(double v, JsonGenerator gen, int index) throws IOException {
      if (Double.isNaN(v)) {
        JsonMappingException e =
            JsonMappingException.from(gen, "NaN cannot be written; use null for 'not applicable'");
        if (index >= 0) {
          e.prependPath(new JsonMappingException.Reference(null, index));
        }
        throw e;
      }
      if (Double.isInfinite(v)) {
        gen.writeString(v > 0 ? INFINITY : MINUS_INFINITY);
      } else {
        gen.writeNumber(v);
      }
    }
  }

  /** JSON object keys are strings; a map with other keys is a mistake, not something to coerce. */
  private static final class StringKeysOnly extends StdSerializer<Object> {
    StringKeysOnly() {
      super(Object.class);
    }

    @Override
    public void serialize(Object key, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (!(key instanceof String s)) {
        throw JsonMappingException.from(
            gen,
            "JSON object keys must be strings, found "
                + key
                + (key == null ? "" : " (" + key.getClass().getName() + ")"));
      }
      gen.writeFieldName(s);
    }
  }
}
