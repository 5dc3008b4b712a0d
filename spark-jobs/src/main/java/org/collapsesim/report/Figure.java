package org.collapsesim.report;

import java.util.List;

/**
 * A figure of the report as data, before any drawing: what {@link ChartRenderer} draws with
 * JFreeChart, what {@link VegaLite} writes as a specification with its data, and what {@link
 * HtmlReport} places on the page. Missing values (null in the tables, or infinite) are NaN here and
 * are left out of every rendering.
 */
sealed interface Figure {

  /** The file stem under figures/ (letters, digits, '-', '_', '.'). */
  String id();

  String title();

  /** One or two sentences under the figure: what is plotted and how to read it. */
  String caption();

  /**
   * Lines against a common x: per series a central line, optionally an outer and an inner band, a
   * dashed theory line and a dotted level. Collapse curves (mean, q05-q95, the mean's 95% interval,
   * theory, the truth's own value of a level metric), survival curves (steps) and paired contrasts
   * (difference, unpaired and paired 95% intervals).
   *
   * @param fields the Vega-Lite data field names: x, y, outer low, outer high, inner low, inner
   *     high, theory, level ("" where the figure has none)
   * @param bandNames the legend's words for the outer and inner bands
   */
  record Lines(
      String id,
      String title,
      String caption,
      String xLabel,
      String yLabel,
      boolean logY,
      boolean step,
      List<String> fields,
      List<String> bandNames,
      List<Series> series)
      implements Figure {}

  /**
   * One series of {@link Lines}: {@code key} is the cell_id it draws (written beside each point of
   * the Vega-Lite data so it joins back to the tables); the band and theory arrays are null when
   * absent; {@code level} is a constant drawn across the x range (the truth's own value of a level
   * metric), NaN when absent.
   */
  record Series(
      String key,
      String name,
      double[] x,
      double[] y,
      double[] outerLow,
      double[] outerHigh,
      double[] innerLow,
      double[] innerHigh,
      double[] theory,
      double level) {}

  /**
   * A heat map over two grid axes: {@code values[j][i]} at x value i and y value j, NaN where no
   * cell has those values; {@code labels[j][i]} is the text printed in the block.
   */
  record HeatMap(
      String id,
      String title,
      String caption,
      String xLabel,
      List<String> xValues,
      String yLabel,
      List<String> yValues,
      String valueLabel,
      double[][] values,
      String[][] labels)
      implements Figure {}
}
