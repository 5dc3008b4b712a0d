package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void doublesTakeTheShortestFormThatReadsBack() {
    assertEquals("0.0", CanonicalJson.formatDouble(0.0));
    assertEquals("0.0", CanonicalJson.formatDouble(-0.0));
    assertEquals("1.0", CanonicalJson.formatDouble(1.0));
    assertEquals("0.1", CanonicalJson.formatDouble(0.1));
    assertEquals("-2.5", CanonicalJson.formatDouble(-2.5));
    assertEquals("0.30000000000000004", CanonicalJson.formatDouble(0.1 + 0.2));
    assertEquals("0.001", CanonicalJson.formatDouble(0.001));
    assertEquals("1.0E-4", CanonicalJson.formatDouble(1e-4));
    assertEquals("1234567.0", CanonicalJson.formatDouble(1234567.0));
    assertEquals("1.0E7", CanonicalJson.formatDouble(1e7));
    assertEquals("1.5E10", CanonicalJson.formatDouble(1.5e10));
    assertEquals("1.0E23", CanonicalJson.formatDouble(1e23));
    assertEquals("0.002", CanonicalJson.formatDouble(2e-3));
    // Truly shortest: one digit reads back (Double.toString keeps two here).
    assertEquals("5.0E-324", CanonicalJson.formatDouble(Double.MIN_VALUE));
    assertEquals("1.7976931348623157E308", CanonicalJson.formatDouble(Double.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.formatDouble(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> CanonicalJson.formatDouble(Double.POSITIVE_INFINITY));
  }

  @Test
  void everyFormattedDoubleReadsBackExactly() {
    double[] samples = {
      Math.PI, Math.E, 1.0 / 3, 2.0 / 3, 1e-300, 123456.789, 9007199254740993.0, 0.1 * 3
    };
    for (double d : samples) {
      assertEquals(d, Double.parseDouble(CanonicalJson.formatDouble(d)), Double.toString(d));
    }
  }

  @Test
  void objectsAreSortedWithoutWhitespace() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("samples", 1000L);
    map.put("alpha", new ExogenousSchedule.Constant(0.1));
    map.put("family", "categorical");
    map.put("top_p", 1.0);
    map.put("fixed_anchor", false);
    map.put("truth.mean", List.of(0.0, 1.5));
    assertEquals(
        "{\"alpha\":{\"alpha\":0.1,\"schedule\":\"constant\"},\"family\":\"categorical\","
            + "\"fixed_anchor\":false,\"samples\":1000,\"top_p\":1.0,\"truth.mean\":[0.0,1.5]}",
        CanonicalJson.write(map));
  }

  @Test
  void integersHaveNoDecimalPoint() {
    assertEquals(
        "[1,-2,3,18446744073709551615]",
        CanonicalJson.write(List.of(1, -2L, (short) 3, new BigInteger("18446744073709551615"))));
    assertEquals("[1,2]", CanonicalJson.write(new long[] {1, 2}));
    assertEquals("[0.5,2.0]", CanonicalJson.write(new double[] {0.5, 2}));
  }

  @Test
  void stringsAreEscapedMinimally() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001é\"", CanonicalJson.write("a\"b\\c\nd\u0001é"));
    assertEquals("null", CanonicalJson.write(null));
  }

  @Test
  void schedulesUseTheirCanonicalMaps() {
    assertEquals(
        "{\"alpha0\":0.5,\"exponent\":1.0,\"schedule\":\"power\"}",
        CanonicalJson.write(new ExogenousSchedule.Power(0.5, 1)));
    assertEquals(
        "{\"schedule\":\"list\",\"values\":[0.5,0.25]}",
        CanonicalJson.write(new ExogenousSchedule.ListSchedule(new double[] {0.5, 0.25})));
  }

  @Test
  void hashesAreStable() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        CanonicalJson.sha256Hex(""));
    assertEquals(0xe3b0c44298fc1c14L, CanonicalJson.sha256Long(""));
    assertThrows(
        IllegalArgumentException.class, () -> CanonicalJson.write(Arrays.asList(new Object())));
  }
}
