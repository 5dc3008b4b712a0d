package org.collapsesim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.collapsesim.report.Figure.HeatMap;
import org.collapsesim.report.Figure.Lines;
import org.collapsesim.report.Figure.Series;

/**
 * A {@link Figure} as a Vega-Lite 5 specification with its data inline ({@code data.values}, one
 * object per point, null for missing or infinite values), so that a plotting pipeline can restyle
 * the figure without collapse-sim: bands are {@code area} marks with {@code y2}, lines {@code line}
 * marks (theory dashed, the truth's own value of a level dotted), heat maps {@code rect} marks with
 * their values as {@code text}.
 */
final class VegaLite {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

  private VegaLite() {}

  /** Writes {@code dir/ID.vl.json}. */
  static void write(Figure figure, Path dir) throws IOException {
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve(figure.id() + ".vl.json").toFile(), spec(figure));
  }

  static ObjectNode spec(Figure figure) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("$schema", SCHEMA);
    spec.put("title", figure.title());
    spec.put("description", figure.caption());
    spec.put("width", 600);
    spec.put("height", 360);
    if (figure instanceof Lines lines) {
      lines(lines, spec);
    } else {
      heatMap((HeatMap) figure, spec);
    }
    return spec;
  }

  private static void lines(Lines f, ObjectNode spec) {
    List<String> field = f.fields();
    ArrayNode values = spec.putObject("data").putArray("values");
    for (Series s : f.series()) {
      double[][] columns = {
        s.x(), s.y(), s.outerLow(), s.outerHigh(), s.innerLow(), s.innerHigh(), s.theory()
      };
      for (int i = 0; i < s.x().length; i++) {
        ObjectNode row = values.addObject();
        row.put("series", s.name());
        row.put("cell_id", s.key());
        for (int c = 0; c < columns.length; c++) {
          if (!field.get(c).isEmpty() && (columns[c] != null || c == 6)) {
            put(row, field.get(c), columns[c] == null ? Double.NaN : columns[c][i]);
          }
        }
        if (!field.get(7).isEmpty()) {
          put(row, field.get(7), s.level());
        }
      }
    }
    ArrayNode layer = spec.putArray("layer");
    if (!field.get(2).isEmpty()) {
      band(layer, f, field.get(2), field.get(3), 0.15, f.bandNames().get(0));
      band(layer, f, field.get(4), field.get(5), 0.35, f.bandNames().get(1));
    }
    ObjectNode line = layer.addObject();
    ObjectNode mark = line.putObject("mark");
    mark.put("type", "line");
    if (f.step()) {
      mark.put("interpolate", "step-after");
    }
    encode(line, f, field.get(1), f.yLabel());
    if (f.series().stream().anyMatch(s -> s.theory() != null)) {
      ObjectNode theory = layer.addObject();
      ObjectNode dashed = theory.putObject("mark");
      dashed.put("type", "line");
      dashed.putArray("strokeDash").add(6).add(4);
      encode(theory, f, field.get(6), "theory");
    }
    if (f.series().stream().anyMatch(s -> !Double.isNaN(s.level()))) {
      ObjectNode level = layer.addObject();
      ObjectNode dotted = level.putObject("mark");
      dotted.put("type", "line");
      dotted.putArray("strokeDash").add(2).add(3);
      encode(level, f, field.get(7), "the truth's own value");
    }
  }

  private static void band(
      ArrayNode layer, Lines f, String low, String high, double opacity, String name) {
    ObjectNode band = layer.addObject();
    band.put("description", name);
    ObjectNode mark = band.putObject("mark");
    mark.put("type", "area");
    mark.put("opacity", opacity);
    ObjectNode encoding = encode(band, f, low, f.yLabel());
    encoding.putObject("y2").put("field", high);
  }

  private static ObjectNode encode(ObjectNode layer, Lines f, String yField, String yTitle) {
    ObjectNode encoding = layer.putObject("encoding");
    ObjectNode x = encoding.putObject("x");
    x.put("field", f.fields().get(0));
    x.put("type", "quantitative");
    x.put("title", f.xLabel());
    ObjectNode y = encoding.putObject("y");
    y.put("field", yField);
    y.put("type", "quantitative");
    y.put("title", yTitle);
    if (f.logY()) {
      y.putObject("scale").put("type", "log");
    } else {
      y.putObject("scale").put("zero", false);
    }
    ObjectNode color = encoding.putObject("color");
    color.put("field", "series");
    color.put("type", "nominal");
    return encoding;
  }

  private static void heatMap(HeatMap f, ObjectNode spec) {
    ArrayNode values = spec.putObject("data").putArray("values");
    for (int j = 0; j < f.yValues().size(); j++) {
      for (int i = 0; i < f.xValues().size(); i++) {
        if (f.labels()[j][i] == null) {
          continue;
        }
        ObjectNode row = values.addObject();
        row.put(f.xLabel(), f.xValues().get(i));
        row.put(f.yLabel(), f.yValues().get(j));
        put(row, "value", f.values()[j][i]);
        row.put("label", f.labels()[j][i]);
      }
    }
    ObjectNode encoding = spec.putObject("encoding");
    ordinal(encoding.putObject("x"), f.xLabel(), f.xValues());
    ordinal(encoding.putObject("y"), f.yLabel(), f.yValues());
    ArrayNode layer = spec.putArray("layer");
    ObjectNode rect = layer.addObject();
    rect.putObject("mark").put("type", "rect");
    ObjectNode color = rect.putObject("encoding").putObject("color");
    color.put("field", "value");
    color.put("type", "quantitative");
    color.put("title", f.valueLabel());
    color.putObject("scale").put("scheme", "viridis");
    ObjectNode text = layer.addObject();
    text.putObject("mark").put("type", "text");
    text.putObject("encoding").putObject("text").put("field", "label");
  }

  private static void ordinal(ObjectNode axis, String field, List<String> order) {
    axis.put("field", field);
    axis.put("type", "ordinal");
    ArrayNode sort = axis.putArray("sort");
    order.forEach(sort::add);
  }

  private static void put(ObjectNode row, String field, double v) {
    if (Double.isFinite(v)) {
      row.put(field, v);
    } else {
      row.putNull(field);
    }
  }
}
