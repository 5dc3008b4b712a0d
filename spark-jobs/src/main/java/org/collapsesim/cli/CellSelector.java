package org.collapsesim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.SweepConfig;

/**
 * Chooses one cell of a config for {@code collapse run}: by index ({@code --cell 3}) or by the
 * values of its parameters ({@code --cell model_size=100,alpha=0.1}).
 */
final class CellSelector {

  private CellSelector() {}

  /** The chosen cell, or an error message naming what is allowed. */
  static Object select(SweepConfig config, String selector) {
    List<CellSpec> cells = config.cells();
    if (selector == null) {
      if (cells.size() == 1) {
        return cells.get(0);
      }
      return "the config has "
          + cells.size()
          + " cells (grid axes: "
          + String.join(", ", config.axes())
          + "); choose one with --cell INDEX (0.."
          + (cells.size() - 1)
          + ") or --cell key=value,...";
    }
    if (selector.matches("\\d+")) {
      int index = Integer.parseInt(selector);
      if (index >= cells.size()) {
        return "--cell: " + index + " is not in [0, " + (cells.size() - 1) + "]";
      }
      return cells.get(index);
    }
    List<CellSpec> matching = new ArrayList<>();
    for (CellSpec cell : cells) {
      if (matches(cell, selector)) {
        matching.add(cell);
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    return "--cell: "
        + selector
        + " matches "
        + matching.size()
        + " of the "
        + cells.size()
        + " cells; name values of the grid axes ("
        + String.join(", ", config.axes())
        + ") so that one cell matches";
  }

  private static boolean matches(CellSpec cell, String selector) {
    for (String pair : selector.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      String key = pair.substring(0, eq).trim();
      String wanted = pair.substring(eq + 1).trim();
      if (!cell.has(key) || !sameValue(cell.get(key), wanted)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(Object value, String wanted) {
    if (value instanceof ExogenousSchedule s) {
      Double constant = s.constantValue();
      return constant != null ? sameNumber(constant, wanted) : s.describe().equals(wanted);
    }
    if (value instanceof Number n) {
      return sameNumber(n.doubleValue(), wanted);
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return String.valueOf(value).equals(wanted);
    }
    return String.valueOf(value).equals(wanted);
  }

  private static boolean sameNumber(double value, String wanted) {
    try {
      return Double.parseDouble(wanted) == value;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
