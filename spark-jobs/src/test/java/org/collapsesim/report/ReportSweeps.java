package org.collapsesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsesim.cli.CollapseCli;
import org.collapsesim.io.ArrowIpcWriter;
import org.collapsesim.io.Column;
import org.collapsesim.io.ColumnType;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.collapsesim.io.TableSchema;
import picocli.CommandLine;

/**
 * The two sweeps the report tests read, run once per test JVM under {@code target/report-tests/}
 * (kept for people to look at): the quickstart preset as it ships, with CSV copies and {@code
 * --report}; and a 12-cell grid whose name holds a {@code <script>} element, to which the fixture
 * adds what the anchoring work will write (a {@code real_samples} column in chains.arrow and a
 * contrasts.arrow of alpha 0.1 against alpha 0, computed here from generations/ exactly as README,
 * Output defines contrasts) before its report is made.
 */
final class ReportSweeps {

  /** The grid sweep's name: markup that must show as text. */
  static final String HOSTILE_NAME =
      "grid <script>window.__collapseInjected=1</script> & \"quotes\"";

  static final List<String> CONTRAST_METRICS = List.of("entropy", "gini_simpson");

  /** A command's exit code and what it printed. */
  record Run(int exitCode, String out, String err) {}

  private static Path quickstart;
  private static Run quickstartRun;
  private static Path grid;

  private ReportSweeps() {}

  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static Path testDir() {
    return moduleDir().resolve("target/report-tests");
  }

  /** Runs {@code collapse ARGS...} in this JVM. */
  static Run collapse(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CollapseCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The quickstart sweep's output directory, with its report. */
  static synchronized Path quickstart() {
    if (quickstart == null) {
      Path dir = testDir().resolve("quickstart");
      quickstartRun =
          collapse(
              "sweep",
              moduleDir().resolveSibling("configs").resolve("quickstart.yaml").toString(),
              "--out",
              dir.toString(),
              "--overwrite",
              "--set",
              "output.formats=[arrow,parquet,csv]",
              "--report");
      assertEquals(0, quickstartRun.exitCode(), quickstartRun.err());
      quickstart = dir;
    }
    return quickstart;
  }

  /** What the quickstart sweep printed. */
  static synchronized Run quickstartRun() {
    quickstart();
    return quickstartRun;
  }

  /** The grid sweep's output directory, with real_samples, contrasts.arrow and its report. */
  static synchronized Path grid() throws IOException {
    if (grid == null) {
      Path dir = testDir().resolve("grid");
      Files.createDirectories(testDir());
      Path config = testDir().resolve("grid.yaml");
      Files.writeString(
          config,
          """
          name: '%s'
          seed: 7
          replicates: 20
          generations: 40
          family: categorical
          truth: {distribution: zipf, exponent: 1.1}
          grid:
            model_size: [10, 50, 200]
            alpha: [0.0, 0.1]
            regime: [replace, accumulate]
          params:
            samples: 100
          output:
            formats: [arrow, parquet, csv]
          """
              .formatted(HOSTILE_NAME.replace("'", "''")));
      Run run = collapse("sweep", config.toString(), "--out", dir.toString(), "--overwrite");
      assertEquals(0, run.exitCode(), run.err());
      addRealSamples(dir, 100, 40);
      writeContrasts(dir);
      Run report = collapse("report", dir.toString());
      assertEquals(0, report.exitCode(), report.err());
      grid = dir;
    }
    return grid;
  }

  /** chains.arrow plus real_samples = M + G floor(alpha M + 0.5) (count mixing, constant alpha). */
  private static void addRealSamples(Path dir, int samples, int generations) throws IOException {
    ReadTable chains = OutputTestSupport.readArrow(dir.resolve("chains.arrow"));
    if (chains.columns().contains("real_samples")) {
      // the sweep writes it now (anchoring mechanisms): check the formula instead of adding it
      for (Object[] row : chains.rows()) {
        double alpha = (Double) row[chains.index("alpha")];
        assertEquals(
            samples + generations * (long) Math.floor(alpha * samples + 0.5),
            row[chains.index("real_samples")]);
      }
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object[] row : chains.rows()) {
      Object[] extended = java.util.Arrays.copyOf(row, row.length + 1);
      double alpha = (Double) row[chains.index("alpha")];
      extended[row.length] = samples + generations * (long) Math.floor(alpha * samples + 0.5);
      rows.add(extended);
    }
    List<String> names = new ArrayList<>(chains.columns());
    names.add("real_samples");
    write(dir.resolve("chains.arrow"), names, rows);
  }

  /**
   * contrasts.arrow of every alpha 0.1 cell against its alpha 0 baseline (same model_size and
   * regime: same world, same streams), per generation: n_pairs, and per metric the mean of the
   * paired differences, their sd / sqrt(n) and the unpaired se sqrt(sd_cell^2 / n + sd_base^2 / n).
   */
  private static void writeContrasts(Path dir) throws IOException {
    ReadTable gens = OutputTestSupport.readParquetDir(dir.resolve("generations"));
    Map<String, Map<String, double[]>> byKey = new HashMap<>(); // "ms|regime|alpha" -> "g|rep"
    Map<String, String> cellOf = new HashMap<>();
    for (Object[] r : gens.rows()) {
      String key =
          r[gens.index("model_size")]
              + "|"
              + r[gens.index("regime")]
              + "|"
              + r[gens.index("alpha")];
      cellOf.put(key, (String) r[gens.index("cell_id")]);
      double[] values = new double[CONTRAST_METRICS.size()];
      for (int m = 0; m < values.length; m++) {
        values[m] = (Double) r[gens.index(CONTRAST_METRICS.get(m))];
      }
      byKey
          .computeIfAbsent(key, k -> new HashMap<>())
          .put(r[gens.index("generation")] + "|" + r[gens.index("replicate")], values);
    }
    List<String> names =
        new ArrayList<>(
            List.of(
                "cell_id",
                "variant",
                "baseline_cell_id",
                "baseline_variant",
                "generation",
                "n_pairs"));
    for (String m : CONTRAST_METRICS) {
      names.addAll(List.of(m + "_diff_mean", m + "_diff_se", m + "_unpaired_se"));
    }
    List<Object[]> rows = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(byKey.keySet())) {
      if (!key.endsWith("|0.1")) {
        continue;
      }
      String baseKey = key.substring(0, key.length() - 3) + "0.0";
      Map<String, double[]> cell = byKey.get(key);
      Map<String, double[]> base = byKey.get(baseKey);
      for (int g = 0; g <= 40; g++) {
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int rep = 0; rep < 20; rep++) {
          a.add(cell.get(g + "|" + rep));
          b.add(base.get(g + "|" + rep));
        }
        List<Object> row =
            new ArrayList<>(
                List.of(
                    cellOf.get(key), "fresh-10pct", cellOf.get(baseKey), "closed-loop", g, 20L));
        for (int m = 0; m < CONTRAST_METRICS.size(); m++) {
          double[] x = new double[20];
          double[] y = new double[20];
          double[] d = new double[20];
          for (int i = 0; i < 20; i++) {
            x[i] = a.get(i)[m];
            y[i] = b.get(i)[m];
            d[i] = x[i] - y[i];
          }
          row.add(mean(d));
          row.add(sd(d) / Math.sqrt(20));
          row.add(Math.sqrt(sd(x) * sd(x) / 20 + sd(y) * sd(y) / 20));
        }
        rows.add(row.toArray());
      }
    }
    write(dir.resolve("contrasts.arrow"), names, rows);
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double sd(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }

  /** Writes rows as an Arrow file; column types from the first non-null value of each column. */
  static void write(Path file, List<String> names, List<Object[]> rows) throws IOException {
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      ColumnType type = ColumnType.STRING;
      for (Object[] row : rows) {
        if (row[c] != null) {
          type =
              switch (row[c].getClass().getSimpleName()) {
                case "Long" -> ColumnType.INT64;
                case "Integer" -> ColumnType.INT32;
                case "Double" -> ColumnType.FLOAT64;
                case "Boolean" -> ColumnType.BOOL;
                default -> ColumnType.STRING;
              };
          break;
        }
      }
      columns.add(Column.optional(names.get(c), type));
    }
    Path fresh = file.resolveSibling(file.getFileName() + ".new");
    try (ArrowIpcWriter.Appender out =
        ArrowIpcWriter.open(FsPath.local(fresh), new TableSchema(columns, new LinkedHashMap<>()))) {
      for (Object[] row : rows) {
        out.append(row);
      }
      out.commit();
    }
    Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
