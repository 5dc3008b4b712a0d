package org.collapsesim.ctm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped CTM tables: published D(5) values, completeness, and D(4) against D(5). */
class CtmTableTest {

  /** Published to 7 decimals (Soler-Toscano et al. 2014). */
  @ParameterizedTest
  @CsvSource({
    "0, 2.5142767",
    "01, 3.3274392",
    "010, 5.5053828",
    "0000, 7.9308280",
    "0110, 8.4067135",
    "01011100, 22.0030069",
    "111111111111, 25.6104137"
  })
  void dFiveHoldsThePublishedValues(String s, double bits) {
    assertEquals(bits, CtmTable.d5().bits(s), 5e-8, s);
  }

  @Test
  void dFiveHoldsEveryBinaryStringOfOneToTwelveSymbols() {
    CtmTable d5 = CtmTable.d5();
    assertEquals((1 << 13) - 2, d5.entries().size());
    for (int length = 1; length <= 12; length++) {
      for (int v = 0; v < 1 << length; v++) {
        String s = Integer.toBinaryString((1 << length) | v).substring(1);
        assertTrue(d5.contains(s), s);
      }
    }
  }

  /** Both tables rank short strings alike: Spearman about 0.92 on their common strings. */
  @Test
  void dFourAndDFiveAgreeInRank() {
    Map<String, Double> d4 = CtmTable.d4().entries();
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Map.Entry<String, Double> e : d4.entrySet()) {
      if (CtmTable.d5().contains(e.getKey())) {
        x.add(e.getValue());
        y.add(CtmTable.d5().bits(e.getKey()));
      }
    }
    double rho = spearman(x, y);
    assertTrue(x.size() > 1000, "common strings: " + x.size());
    assertTrue(rho >= 0.9, "Spearman of D(4) and D(5) bits on " + x.size() + " strings: " + rho);
  }

  @Test
  void aStringTheTableLacksGetsItsLargestValuePlusOneBit() {
    CtmTable d4 = CtmTable.d4();
    String absent = "010011010111"; // twelve symbols, no 4-state machine writes it
    assertFalse(d4.contains(absent));
    double max =
        d4.entries().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertEquals(max + 1, d4.bits(absent));
  }

  @Test
  void nonBinaryStringsAreRejectedNamingTheSymbol() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CtmTable.d5().bits("0120"));
    assertEquals("string '0120': symbol '2' at 2 is not binary (0 or 1 allowed)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CtmTable.d5().bits(""));
  }

  /** Spearman's rho: Pearson correlation of the ranks, ties given their average rank. */
  static double spearman(List<Double> x, List<Double> y) {
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    int n = rx.length;
    double mx = Arrays.stream(rx).sum() / n;
    double my = Arrays.stream(ry).sum() / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (rx[i] - mx) * (ry[i] - my);
      sxx += (rx[i] - mx) * (rx[i] - mx);
      syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double[] ranks(List<Double> v) {
    Integer[] order = new Integer[v.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(v.get(a), v.get(b)));
    double[] rank = new double[v.size()];
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j + 1 < order.length && v.get(order[j + 1]).equals(v.get(order[i]))) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        rank[order[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return rank;
  }
}
