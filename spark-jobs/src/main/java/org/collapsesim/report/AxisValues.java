package org.collapsesim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.collapsesim.report.ReportData.Cell;

/** The values of a grid axis in display order, and compact number formatting for labels. */
final class AxisValues {

  private AxisValues() {}

  /**
   * The distinct values of {@code axis} among {@code cells}: ascending when every value is a
   * number, else in the cells' order.
   */
  static List<String> ordered(List<Cell> cells, String axis) {
    Set<String> seen = new LinkedHashSet<>();
    cells.forEach(c -> seen.add(c.axisValues().get(axis)));
    List<String> values = new ArrayList<>(seen);
    if (values.stream().allMatch(AxisValues::isNumber)) {
      values.sort(Comparator.comparingDouble(Double::parseDouble));
    }
    return values;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Four significant digits, scientific below 1e-3 or from 1e5. */
  static String compact(double v) {
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    return a < 1e-3 || a >= 1e5
        ? String.format(Locale.ROOT, "%.3e", v)
        : String.format(Locale.ROOT, "%.4g", v)
            .replaceAll("(\\.\\d*?)0+$", "$1")
            .replaceAll("\\.$", "");
  }
}
