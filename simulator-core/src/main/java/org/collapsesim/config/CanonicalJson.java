package org.collapsesim.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON of resolved configuration values: the text whose SHA-256 becomes a cell id, a
 * world key or the config hash. Canonical means: object keys sorted (by {@link String#compareTo}),
 * no whitespace, integers without a decimal point, doubles in the shortest form that reads back to
 * the same double (with at least one digit after the point: {@code 1.0}, {@code 0.1}, {@code
 * 1.0E-5}), strings with the minimal JSON escapes.
 *
 * <p>Written by hand because the hashes must not move: {@link Double#toString} changed its output
 * for some doubles in JDK 19 (JDK-4511638), so the shortest digits are found here with {@link
 * BigDecimal} arithmetic, whose results the JDK specifies exactly. The layout then follows {@code
 * Double.toString}: plain notation for magnitudes in [1e-3, 1e7), scientific otherwise.
 *
 * <p>Accepted values: {@code null}, {@link Boolean}, {@link String}, integral {@link Number}s
 * ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@link BigInteger}), finite {@code
 * Double}/{@code Float}, {@link Map} with string keys, {@link Collection}, {@code double[]}, {@code
 * long[]}, {@code int[]}, and {@link ExogenousSchedule} (as its canonical map). NaN and infinities
 * are rejected: configuration validation never lets them through.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}. */
  public static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  /** The first 8 bytes of the SHA-256 of {@code text}, big-endian, as a long. */
  public static long sha256Long(String text) {
    byte[] digest = sha256(text);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xFF);
    }
    return bits;
  }

  /**
   * The canonical text of a finite double: the shortest decimal that parses back to {@code d},
   * {@code Double.toString} layout; {@code -0.0} is written {@code 0.0}.
   *
   * @throws IllegalArgumentException if {@code d} is NaN or infinite
   */
  public static String formatDouble(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(d + " has no JSON form");
    }
    if (d == 0.0) {
      return "0.0";
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(rounded.toString()) == d) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String sign = shortest.signum() < 0 ? "-" : "";
    if (exponent >= -3 && exponent < 7) {
      String plain = shortest.abs().toPlainString();
      return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }
    String fraction = digits.length() == 1 ? "0" : digits.substring(1);
    return sign + digits.charAt(0) + "." + fraction + "E" + exponent;
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue() ? "true" : "false");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(formatDouble(((Number) value).doubleValue()));
    } else if (value instanceof Map<?, ?> map) {
      appendObject(out, map);
    } else if (value instanceof Collection<?> list) {
      appendArray(out, list);
    } else if (value instanceof double[] array) {
      List<Object> boxed = new ArrayList<>(array.length);
      for (double x : array) {
        boxed.add(x);
      }
      appendArray(out, boxed);
    } else if (value instanceof long[] array) {
      List<Object> boxed = new ArrayList<>(array.length);
      for (long x : array) {
        boxed.add(x);
      }
      appendArray(out, boxed);
    } else if (value instanceof int[] array) {
      List<Object> boxed = new ArrayList<>(array.length);
      for (int x : array) {
        boxed.add(x);
      }
      appendArray(out, boxed);
    } else if (value instanceof ExogenousSchedule schedule) {
      appendObject(out, schedule.canonicalForm());
    } else {
      throw new IllegalArgumentException(
          "no canonical JSON form for " + value.getClass().getName() + ": " + value);
    }
  }

  private static void appendObject(StringBuilder out, Map<?, ?> map) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String s)) {
        throw new IllegalArgumentException("JSON object keys must be strings, not " + key);
      }
      keys.add(s);
    }
    keys.sort(null);
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendString(out, keys.get(i));
      out.append(':');
      append(out, map.get(keys.get(i)));
    }
    out.append('}');
  }

  private static void appendArray(StringBuilder out, Collection<?> list) {
    out.append('[');
    boolean first = true;
    for (Object element : list) {
      if (!first) {
        out.append(',');
      }
      first = false;
      append(out, element);
    }
    out.append(']');
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
