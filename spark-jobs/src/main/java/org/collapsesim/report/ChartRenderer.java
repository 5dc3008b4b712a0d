package org.collapsesim.report;

import static java.util.Arrays.copyOf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapsesim.report.Figure.HeatMap;
import org.collapsesim.report.Figure.Lines;
import org.collapsesim.report.Figure.Series;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link Figure} with JFreeChart 1.5 and writes it as SVG (JFreeSVG's {@code
 * SVGGraphics2D}, coordinates rounded to 0.1 px) and PNG (Java2D through {@link ChartUtils}).
 * Headless: no display, no Node, no browser. Bands are {@link DeviationRenderer}s drawn under the
 * lines; heat maps are {@link XYBlockRenderer}s with a viridis scale and each block's value printed
 * on it.
 */
final class ChartRenderer {

  static final int WIDTH = 760;
  static final int HEIGHT = 460;

  /** Tableau 10: distinguishable, colour-blind tolerant series colours. */
  private static final Color[] PALETTE = {
    new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2),
    new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
    new Color(0x9c755f), new Color(0xbab0ac)
  };

  /** Viridis at nine stops (matplotlib's), interpolated linearly between them. */
  private static final int[] VIRIDIS = {
    0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaadc32, 0xfde725
  };

  /** The paint of a heat-map block without a value (a median not reached, a missing metric). */
  static final Color MISSING = new Color(0xf5d5b8);

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartRenderer() {}

  /** Writes {@code dir/ID.svg} and {@code dir/ID.png}. */
  static void write(Figure figure, Path dir) throws IOException {
    JFreeChart chart = chart(figure);
    SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
    svg.setGeomDoubleConverter(ChartRenderer::oneDecimal);
    svg.setDefsKeyPrefix("c"); // a fixed prefix: the same figure gives the same file
    chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    Files.writeString(dir.resolve(figure.id() + ".svg"), svg.getSVGDocument());
    try (OutputStream png = Files.newOutputStream(dir.resolve(figure.id() + ".png"))) {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    }
  }

  static JFreeChart chart(Figure figure) {
    return figure instanceof Lines lines ? lines(lines) : heatMap((HeatMap) figure);
  }

  private static JFreeChart lines(Lines f) {
    ValueAxis y = f.logY() ? new LogAxis(f.yLabel()) : new NumberAxis(f.yLabel());
    if (y instanceof NumberAxis n) {
      n.setAutoRangeIncludesZero(false);
    }
    NumberAxis x = new NumberAxis(f.xLabel());
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setLowerMargin(0);
    x.setUpperMargin(0);
    if (f.step()) {
      y.setRange(0, 1.02); // a survival fraction
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    YIntervalSeriesCollection outer = new YIntervalSeriesCollection();
    YIntervalSeriesCollection inner = new YIntervalSeriesCollection();
    XYSeriesCollection theory = new XYSeriesCollection();
    XYSeriesCollection levels = new XYSeriesCollection();
    DeviationRenderer outerRenderer = new DeviationRenderer(false, false);
    outerRenderer.setAlpha(0.12f);
    outerRenderer.setDefaultSeriesVisibleInLegend(false);
    DeviationRenderer innerRenderer = new DeviationRenderer(true, false);
    innerRenderer.setAlpha(0.35f);
    innerRenderer.setDrawSeriesLineAsPath(true);
    // Steps are drawn as one path through doubled points (an XYStepRenderer writes one SVG element
    // per segment: files ten times larger).
    XYLineAndShapeRenderer lineRenderer = f.step() ? pathRenderer() : innerRenderer;
    XYLineAndShapeRenderer theoryRenderer = pathRenderer();
    theoryRenderer.setDefaultSeriesVisibleInLegend(false);
    XYLineAndShapeRenderer levelRenderer = pathRenderer();
    levelRenderer.setDefaultSeriesVisibleInLegend(false);
    BasicStroke dotted =
        new BasicStroke(
            1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f, 3f}, 0f);
    BasicStroke dashed =
        new BasicStroke(
            1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    List<Series> series = f.series();
    for (int s = 0; s < series.size(); s++) {
      Series in = series.get(s);
      Color color = PALETTE[s % PALETTE.length];
      YIntervalSeries o = new YIntervalSeries(in.name() + " (band)", false, true);
      YIntervalSeries m = new YIntervalSeries(in.name(), false, true);
      for (int i = 0; i < in.x().length; i++) {
        double v = in.y()[i];
        if (in.outerLow() != null && !Double.isNaN(in.outerLow()[i] + in.outerHigh()[i])) {
          o.add(
              in.x()[i],
              Double.isNaN(v) ? in.outerLow()[i] : v,
              in.outerLow()[i],
              in.outerHigh()[i]);
        }
        if (f.step() && i > 0 && !Double.isNaN(v) && !Double.isNaN(in.y()[i - 1])) {
          m.add(in.x()[i], in.y()[i - 1], in.y()[i - 1], in.y()[i - 1]);
        }
        if (!Double.isNaN(v)) {
          boolean band =
              in.innerLow() != null && !Double.isNaN(in.innerLow()[i] + in.innerHigh()[i]);
          m.add(in.x()[i], v, band ? in.innerLow()[i] : v, band ? in.innerHigh()[i] : v);
        }
      }
      outer.addSeries(o);
      inner.addSeries(m);
      outerRenderer.setSeriesFillPaint(s, color);
      outerRenderer.setSeriesPaint(s, color);
      lineRenderer.setSeriesPaint(s, color);
      lineRenderer.setSeriesFillPaint(s, color);
      lineRenderer.setSeriesStroke(s, new BasicStroke(1.8f));
      XYSeries t = new XYSeries(in.name() + " (theory)", false, true);
      if (in.theory() != null) {
        for (int i = 0; i < in.x().length; i++) {
          if (!Double.isNaN(in.theory()[i])) {
            t.add(in.x()[i], in.theory()[i]);
          }
        }
      }
      theory.addSeries(t);
      theoryRenderer.setSeriesPaint(s, color.darker());
      theoryRenderer.setSeriesStroke(s, dashed);
      XYSeries level = new XYSeries(in.name() + " (level)", false, true);
      if (!Double.isNaN(in.level()) && in.x().length > 0) {
        level.add(in.x()[0], in.level());
        level.add(in.x()[in.x().length - 1], in.level());
      }
      levels.addSeries(level);
      levelRenderer.setSeriesPaint(s, color.darker());
      levelRenderer.setSeriesStroke(s, dotted);
    }
    plot.setDataset(0, outer);
    plot.setRenderer(0, outerRenderer);
    plot.setDataset(1, inner);
    plot.setRenderer(1, lineRenderer);
    plot.setDataset(2, theory);
    plot.setRenderer(2, theoryRenderer);
    plot.setDataset(3, levels);
    plot.setRenderer(3, levelRenderer);
    return decorate(new JFreeChart(f.title(), FONT.deriveFont(Font.BOLD, 15f), plot, true));
  }

  private static JFreeChart heatMap(HeatMap f) {
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int count = 0;
    for (double[] row : f.values()) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
          count++;
        }
      }
    }
    // Blocks without a value are drawn too, at -Infinity: below the scale, so in its default
    // paint (pale tan, outside viridis), with their label ("> G", "n/a") on them.
    int blocks = f.xValues().size() * f.yValues().size();
    double[][] xyz = new double[3][blocks];
    XYPlot plot = new XYPlot();
    int k = 0;
    for (int j = 0; j < f.yValues().size(); j++) {
      for (int i = 0; i < f.xValues().size(); i++) {
        double v = f.values()[j][i];
        if (f.labels()[j][i] != null) {
          xyz[0][k] = i;
          xyz[1][k] = j;
          xyz[2][k++] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }
        if (f.labels()[j][i] != null) {
          XYTextAnnotation text = new XYTextAnnotation(f.labels()[j][i], i, j);
          text.setFont(FONT.deriveFont(Font.BOLD, 13f));
          text.setPaint(
              Double.isNaN(v) || luminance(v, min, max) > 0.5 ? Color.BLACK : Color.WHITE);
          plot.addAnnotation(text);
        }
      }
    }
    dataset.addSeries(
        f.valueLabel(), new double[][] {copyOf(xyz[0], k), copyOf(xyz[1], k), copyOf(xyz[2], k)});
    if (!(max > min)) {
      max = Double.isInfinite(min) ? 1 : min + 1;
      min = Double.isInfinite(min) ? 0 : min;
    }
    LookupPaintScale scale = new LookupPaintScale(min, max, MISSING);
    int steps = 64;
    for (int s = 0; s < steps; s++) {
      double at = s / (double) (steps - 1);
      scale.add(min + (max - min) * s / steps, viridis(at));
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    plot.setDataset(dataset);
    plot.setRenderer(renderer);
    SymbolAxis x = new SymbolAxis(f.xLabel(), f.xValues().toArray(new String[0]));
    SymbolAxis y = new SymbolAxis(f.yLabel(), f.yValues().toArray(new String[0]));
    x.setGridBandsVisible(false);
    y.setGridBandsVisible(false);
    x.setRange(-0.5, f.xValues().size() - 0.5);
    y.setRange(-0.5, f.yValues().size() - 0.5);
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(f.title(), FONT.deriveFont(Font.BOLD, 15f), plot, false);
    NumberAxis legendAxis = new NumberAxis(f.valueLabel());
    legendAxis.setRange(min, max);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(8, 8, 8, 8);
    legend.setStripWidth(14);
    if (count > 0) {
      chart.addSubtitle(legend);
    }
    return decorate(chart);
  }

  private static XYLineAndShapeRenderer pathRenderer() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    return renderer;
  }

  private static JFreeChart decorate(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  private static double luminance(double v, double min, double max) {
    double at = max > min ? (v - min) / (max - min) : 0.5;
    Color c = viridis(at);
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
  }

  /** The viridis colour at {@code at} in [0, 1]. */
  static Color viridis(double at) {
    double p = Math.max(0, Math.min(1, at)) * (VIRIDIS.length - 1);
    int i = Math.min((int) p, VIRIDIS.length - 2);
    double w = p - i;
    Color a = new Color(VIRIDIS[i]);
    Color b = new Color(VIRIDIS[i + 1]);
    return new Color(
        (int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
  }

  /** A coordinate with at most one decimal and no trailing zeros (smaller SVG files). */
  private static String oneDecimal(double v) {
    if (!Double.isFinite(v)) {
      return "0";
    }
    return BigDecimal.valueOf(v)
        .setScale(1, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
