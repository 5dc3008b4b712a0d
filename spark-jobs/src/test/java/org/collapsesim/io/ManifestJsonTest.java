package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {

  @TempDir Path dir;

  enum Kernel {
    VECTOR,
    SCALAR
  }

  @Test
  void roundTripsAManifestExactly() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zeta_first", "order is kept");
    m.put("seed", Long.MIN_VALUE);
    m.put("big_seed", Long.MAX_VALUE);
    m.put("beyond_double", (1L << 53) + 1);
    m.put("small", 3);
    m.put("alpha", 0.1);
    m.put("tiny", Double.MIN_VALUE);
    m.put("neg_zero", -0.0);
    m.put("upper", Double.POSITIVE_INFINITY);
    m.put("lower", Double.NEGATIVE_INFINITY);
    m.put("ok", true);
    m.put("nothing", null);
    m.put("kernels", Kernel.VECTOR);
    m.put("escapes", "\"quote\" \\back\\ /slash\n\t\r\u0000\u001f é ∞ \uD83D\uDE00");
    m.put("grid", List.of(Map.of("model_size", 8), List.of(1, 2.5, "x")));
    m.put("samples", new long[] {1, Long.MAX_VALUE});
    m.put("alphas", new double[] {0.0, 0.5, Double.POSITIVE_INFINITY});

    Path file = dir.resolve("manifest.json");
    ManifestJson.write(m, FsPath.local(file));
    String text = Files.readString(file);
    assertTrue(text.endsWith("}\n"), text);
    assertTrue(text.contains("\"upper\" : \"Infinity\""), text);
    assertTrue(text.contains("9007199254740993"), "longs are written with every digit");

    Map<String, Object> back = ManifestJson.read(FsPath.local(file));
    assertEquals(new ArrayList<>(m.keySet()), new ArrayList<>(back.keySet()), "key order");
    assertEquals(Long.MIN_VALUE, back.get("seed"));
    assertEquals(Long.MAX_VALUE, back.get("big_seed"));
    assertEquals((1L << 53) + 1, back.get("beyond_double"));
    assertEquals(3L, back.get("small"), "every integer reads back as a Long");
    assertEquals(0.1, back.get("alpha"));
    assertEquals(Double.MIN_VALUE, back.get("tiny"));
    assertEquals(-0.0, back.get("neg_zero"));
    assertEquals(Double.POSITIVE_INFINITY, ManifestJson.toDouble(back.get("upper")));
    assertEquals(Double.NEGATIVE_INFINITY, ManifestJson.toDouble(back.get("lower")));
    assertEquals(0.1, ManifestJson.toDouble(back.get("alpha")));
    assertEquals(true, back.get("ok"));
    assertTrue(back.containsKey("nothing") && back.get("nothing") == null);
    assertEquals("VECTOR", back.get("kernels"));
    assertEquals(m.get("escapes"), back.get("escapes"));
    assertEquals(List.of(Map.of("model_size", 8L), List.of(1L, 2.5, "x")), back.get("grid"));
    assertEquals(List.of(1L, Long.MAX_VALUE), back.get("samples"));
    assertEquals(List.of(0.0, 0.5, "Infinity"), back.get("alphas"));
  }

  @Test
  void rejectsNaNAndUnknownTypesWithTheirPath() {
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> ManifestJson.toJson(Map.of("metrics", List.of(1.0, Double.NaN))));
    assertTrue(
        nan.getMessage().contains("$.metrics[1]") && nan.getMessage().contains("NaN"),
        nan.getMessage());
    IllegalArgumentException type =
        assertThrows(
            IllegalArgumentException.class,
            () -> ManifestJson.toJson(Map.of("when", new Object())));
    assertTrue(type.getMessage().contains("$.when"), type.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ManifestJson.toJson(Map.of(1, "x")));
  }

  @Test
  void readingIsStrict() throws IOException {
    Path dup = Files.writeString(dir.resolve("dup.json"), "{\"a\": 1, \"a\": 2}");
    assertThrows(IOException.class, () -> ManifestJson.read(FsPath.local(dup)));
    Path trailing = Files.writeString(dir.resolve("trailing.json"), "{\"a\": 1} {");
    assertThrows(IOException.class, () -> ManifestJson.read(FsPath.local(trailing)));
    Path array = Files.writeString(dir.resolve("array.json"), "[1]");
    IOException notObject =
        assertThrows(IOException.class, () -> ManifestJson.read(FsPath.local(array)));
    assertTrue(notObject.getMessage().contains("JSON object"), notObject.getMessage());
    Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"a\": [1, 2");
    assertThrows(IOException.class, () -> ManifestJson.read(FsPath.local(truncated)));
    assertEquals(
        new BigInteger("123456789012345678901234567890"),
        ManifestJson.parse("123456789012345678901234567890"));
  }

  @Test
  void compactFormIsOneLine() {
    String s = ManifestJson.toCompactJson(TestTables.manifest());
    assertTrue(!s.contains("\n") && s.startsWith("{\"version\":"), s);
  }
}
