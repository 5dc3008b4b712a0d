// Over 400 lines: every table's columns and rows are built here, once, so that the Spark sweep
// and the in-process writer cannot disagree on a schema.
package org.collapsesim.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.collapsesim.config.CanonicalJson;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.Mechanisms;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.loop.Verifier;
import org.collapsesim.result.CellSummary;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.ContrastSummary;
import org.collapsesim.result.GenerationRecord;
import org.collapsesim.result.GenerationSummary;
import org.collapsesim.stats.MeanInterval;
import org.collapsesim.stats.PairedContrast;
import org.collapsesim.stats.ReplicateSummary;

/**
 * The columns of every table of a sweep's output (README, Output), built once from a {@link
 * SweepConfig} and shared by the Spark sweep and the in-process {@code collapse run --out}, so both
 * write the same tables.
 *
 * <p>Column order: identity columns first (cell_id, family, model_size, samples, alpha (null unless
 * the schedule is constant), alpha_schedule, regime, mixing, estimator, then every other parameter
 * of the sweep's cells sorted by key, dotted names in snake_case ({@code truth.exponent} becomes
 * {@code truth_exponent}), null where a cell lacks it), then the table's own columns:
 *
 * <ul>
 *   <li>generations: replicate, seed, generation, alpha_t, n_train, the recorded metrics, then
 *       theory_&lt;metric&gt;;
 *   <li>summary: generation, alpha_t, n, then per metric &lt;m&gt;_mean, _sd, _se, _q05, _q50,
 *       _q95, then &lt;metric&gt;_truth for each metric that is a level (better: truth), its value
 *       on the truth itself, then theory_&lt;metric&gt;;
 *   <li>chains: replicate, seed, final_&lt;metric&gt;, collapse_generation, status, error, wall_ms;
 *   <li>cells: chains_ok, chains_failed, fraction_collapsed, km_median_collapse_generation, then
 *       per metric final_&lt;m&gt;_mean, final_&lt;m&gt;_lower, final_&lt;m&gt;_upper.
 * </ul>
 *
 * <p>A parameter's column type is the narrowest that holds every cell's value: INT64 for integers,
 * FLOAT64 when any value is fractional, BOOL for flags, STRING for words; lists (vector truths) and
 * mixed kinds are written as their canonical JSON text. Immutable and thread-safe.
 */
public final class OutputLayout {

  /** The leading identity columns, in order, before the other parameters. */
  public static final List<String> LEADING_IDENTITY =
      List.of(
          "cell_id",
          "family",
          "model_size",
          "samples",
          "alpha",
          "alpha_schedule",
          "regime",
          "mixing",
          "estimator");

  /** Summary statistic suffixes, in column order. */
  public static final List<String> SUMMARY_STATISTICS =
      List.of("mean", "sd", "se", "q05", "q50", "q95");

  /** Contrast statistic suffixes, in column order. */
  public static final List<String> CONTRAST_STATISTICS =
      List.of("diff_mean", "diff_se", "unpaired_se");

  private static final Set<String> LEADING_PARAMETERS =
      Set.of("model_size", "samples", "alpha", "regime", "mixing", "estimator");

  private final SweepConfig config;
  private final List<Column> identityColumns;
  private final List<String> identityParameters; // the parameter (or identity) key per column
  private final List<String> metrics; // the recorded metrics, then the diagnostics
  private final int familyMetricCount;
  private final List<String> levelMetrics; // recorded family metrics whose better way is TRUTH
  private final TableSchema generations;
  private final TableSchema summary;
  private final TableSchema chains;
  private final TableSchema cells;
  private final TableSchema contrasts;
  private final List<Object[]> identityValues;

  private OutputLayout(SweepConfig config) {
    this.config = config;
    List<String> recorded = new ArrayList<>(config.recordedMetrics());
    this.familyMetricCount = recorded.size();
    for (CellSpec cell : config.cells()) { // the mechanisms' diagnostics, after the metrics
      for (String d :
          Mechanisms.settings(cell, config.generations(), config.recordEvery(), config.sampling())
              .diagnostics()) {
        if (!recorded.contains(d)) {
          recorded.add(d);
        }
      }
    }
    this.metrics = List.copyOf(recorded);
    this.levelMetrics =
        metricDefinitions().subList(0, familyMetricCount).stream()
            .filter(d -> d.better() == MetricDefinition.Better.TRUTH)
            .map(MetricDefinition::name)
            .toList();
    List<Column> identity = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    identity.add(Column.required("cell_id", ColumnType.STRING));
    keys.add("cell_id");
    if (config.variants().any()) {
      identity.add(Column.optional("variant", ColumnType.STRING));
      keys.add("variant");
    }
    identity.add(Column.required("family", ColumnType.STRING));
    keys.add("family");
    identity.add(Column.optional("model_size", parameterType(config, "model_size")));
    keys.add("model_size");
    identity.add(Column.optional("samples", parameterType(config, "samples")));
    keys.add("samples");
    identity.add(Column.optional("alpha", ColumnType.FLOAT64));
    keys.add("alpha");
    identity.add(Column.required("alpha_schedule", ColumnType.STRING));
    keys.add("alpha_schedule");
    for (String key : List.of("regime", "mixing", "estimator")) {
      identity.add(Column.optional(key, parameterType(config, key)));
      keys.add(key);
    }
    Set<String> others = new TreeSet<>();
    for (CellSpec cell : config.cells()) {
      others.addAll(cell.params().keySet());
    }
    others.removeAll(LEADING_PARAMETERS);
    for (String key : others) {
      identity.add(Column.optional(columnName(key), parameterType(config, key)));
      keys.add(key);
    }
    this.identityColumns = List.copyOf(identity);
    this.identityParameters = List.copyOf(keys);

    List<Column> gen = new ArrayList<>(identity);
    gen.add(Column.required("replicate", ColumnType.INT32));
    gen.add(Column.required("seed", ColumnType.INT64));
    gen.add(Column.required("generation", ColumnType.INT32));
    gen.add(Column.required("alpha_t", ColumnType.FLOAT64));
    gen.add(Column.required("n_train", ColumnType.INT64));
    for (String m : metrics) {
      gen.add(Column.optional(m, ColumnType.FLOAT64));
    }
    addTheory(gen);
    this.generations = new TableSchema(gen, Map.of());

    List<Column> sum = new ArrayList<>(identity);
    sum.add(Column.required("generation", ColumnType.INT32));
    sum.add(Column.required("alpha_t", ColumnType.FLOAT64));
    sum.add(Column.required("n", ColumnType.INT64));
    for (String m : metrics) {
      for (String s : SUMMARY_STATISTICS) {
        sum.add(Column.optional(m + "_" + s, ColumnType.FLOAT64));
      }
    }
    for (String m : levelMetrics) {
      sum.add(Column.required(m + "_truth", ColumnType.FLOAT64));
    }
    addTheory(sum);
    this.summary = new TableSchema(sum, Map.of());

    List<Column> ch = new ArrayList<>(identity);
    ch.add(Column.required("replicate", ColumnType.INT32));
    ch.add(Column.required("seed", ColumnType.INT64));
    for (String m : metrics) {
      ch.add(Column.optional("final_" + m, ColumnType.FLOAT64));
    }
    ch.add(Column.optional("collapse_generation", ColumnType.INT32));
    ch.add(Column.required("status", ColumnType.STRING));
    ch.add(Column.optional("error", ColumnType.STRING));
    ch.add(Column.required("wall_ms", ColumnType.INT64));
    ch.add(Column.optional("real_samples", ColumnType.INT64));
    ch.add(Column.optional("verifier_short_generations", ColumnType.INT32));
    this.chains = new TableSchema(ch, Map.of());

    List<Column> ce = new ArrayList<>(identity);
    ce.add(Column.required("chains_ok", ColumnType.INT64));
    ce.add(Column.required("chains_failed", ColumnType.INT64));
    ce.add(Column.optional("fraction_collapsed", ColumnType.FLOAT64));
    ce.add(Column.optional("km_median_collapse_generation", ColumnType.INT32));
    for (String m : metrics) {
      ce.add(Column.optional("final_" + m + "_mean", ColumnType.FLOAT64));
      ce.add(Column.optional("final_" + m + "_lower", ColumnType.FLOAT64));
      ce.add(Column.optional("final_" + m + "_upper", ColumnType.FLOAT64));
    }
    ce.add(Column.optional("real_samples_mean", ColumnType.FLOAT64));
    for (String m : metrics) {
      ce.add(Column.optional("final_" + m + "_per_real_sample", ColumnType.FLOAT64));
    }
    this.cells = new TableSchema(ce, Map.of());

    List<Column> co = new ArrayList<>(identity);
    co.add(Column.required("baseline_cell_id", ColumnType.STRING));
    co.add(Column.optional("baseline_variant", ColumnType.STRING));
    co.add(Column.required("generation", ColumnType.INT32));
    co.add(Column.required("n_pairs", ColumnType.INT64));
    for (String m : metrics) {
      for (String s : CONTRAST_STATISTICS) {
        co.add(Column.optional(m + "_" + s, ColumnType.FLOAT64));
      }
    }
    this.contrasts = new TableSchema(co, Map.of());

    List<Object[]> values = new ArrayList<>(config.cells().size());
    for (CellSpec cell : config.cells()) {
      values.add(computeIdentity(cell));
    }
    this.identityValues = Collections.unmodifiableList(values);
  }

  /** The layout of {@code config}'s tables. */
  public static OutputLayout of(SweepConfig config) {
    return new OutputLayout(config);
  }

  /** The snake_case column name of a parameter key: dots become underscores. */
  public static String columnName(String parameterKey) {
    return parameterKey.replace('.', '_').replace('-', '_');
  }

  private void addTheory(List<Column> columns) {
    for (String m : metrics.subList(0, familyMetricCount)) {
      columns.add(Column.optional("theory_" + m, ColumnType.FLOAT64));
    }
  }

  private static ColumnType parameterType(SweepConfig config, String key) {
    boolean anyLong = false;
    boolean anyDouble = false;
    boolean anyBoolean = false;
    boolean anyString = false;
    boolean anyOther = false;
    for (CellSpec cell : config.cells()) {
      Object v = cell.params().get(key);
      if (v == null) {
        continue;
      }
      if (v instanceof ExogenousSchedule schedule) {
        // a constant fraction (reservoir.fraction: 0.05) is a number column like alpha
        anyDouble |= schedule.constantValue() != null;
        anyOther |= schedule.constantValue() == null;
      } else if (v instanceof Long || v instanceof Integer) {
        anyLong = true;
      } else if (v instanceof Double) {
        anyDouble = true;
      } else if (v instanceof Boolean) {
        anyBoolean = true;
      } else if (v instanceof String) {
        anyString = true;
      } else {
        anyOther = true;
      }
    }
    int kinds =
        (anyLong || anyDouble ? 1 : 0)
            + (anyBoolean ? 1 : 0)
            + (anyString ? 1 : 0)
            + (anyOther ? 1 : 0);
    if (kinds != 1 || anyOther || anyString) {
      return ColumnType.STRING;
    }
    if (anyBoolean) {
      return ColumnType.BOOL;
    }
    return anyDouble ? ColumnType.FLOAT64 : ColumnType.INT64;
  }

  private Object[] computeIdentity(CellSpec cell) {
    Object[] out = new Object[identityColumns.size()];
    for (int i = 0; i < out.length; i++) {
      String key = identityParameters.get(i);
      ColumnType type = identityColumns.get(i).type();
      if (key.equals("cell_id")) {
        out[i] = cell.cellId();
      } else if (key.equals("variant")) {
        out[i] = config.variants().name(cell.index());
      } else if (key.equals("family")) {
        out[i] = cell.family();
      } else if (key.equals("alpha")) {
        out[i] = cell.alphaSchedule().constantValue();
      } else if (key.equals("alpha_schedule")) {
        out[i] = cell.alphaSchedule().describe();
      } else {
        out[i] = convert(cell.params().get(key), type);
      }
    }
    return out;
  }

  private static Object convert(Object value, ColumnType type) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case INT64:
        return ((Number) value).longValue();
      case FLOAT64:
        return value instanceof ExogenousSchedule schedule
            ? schedule.constantValue()
            : ((Number) value).doubleValue();
      case BOOL:
        return value;
      case STRING:
        if (value instanceof String s) {
          return s;
        }
        if (value instanceof ExogenousSchedule schedule) {
          return schedule.describe();
        }
        return CanonicalJson.write(value);
      default:
        throw new AssertionError(type);
    }
  }

  /** The config this layout was built from. */
  public SweepConfig config() {
    return config;
  }

  /** The recorded metrics, in column order. */
  public List<String> metrics() {
    return metrics;
  }

  /** The identity columns shared by every table. */
  public List<Column> identityColumns() {
    return identityColumns;
  }

  /** The generations dataset's columns (no metadata). */
  public TableSchema generationsSchema() {
    return generations;
  }

  /** summary.arrow's columns (no metadata). */
  public TableSchema summarySchema() {
    return summary;
  }

  /** chains.arrow's columns (no metadata). */
  public TableSchema chainsSchema() {
    return chains;
  }

  /** cells.arrow's columns (no metadata). */
  public TableSchema cellsSchema() {
    return cells;
  }

  /** contrasts.arrow's columns (no metadata). */
  public TableSchema contrastsSchema() {
    return contrasts;
  }

  /** A row of contrasts.arrow: cell {@code cellIndex} against {@code baselineIndex}. */
  public Object[] contrastRow(int cellIndex, int baselineIndex, ContrastSummary stats) {
    Object[] row = startRow(cellIndex, contrasts.size());
    int at = identityColumns.size();
    row[at++] = config.cells().get(baselineIndex).cellId();
    row[at++] = config.variants().name(baselineIndex);
    row[at++] = stats.generation();
    row[at++] = (long) stats.nPairs();
    for (PairedContrast c : stats.metrics()) {
      row[at++] = c.diffMean();
      row[at++] = c.diffSe();
      row[at++] = c.unpairedSe();
    }
    return row;
  }

  /**
   * The definitions of the recorded metrics and then the mechanisms' diagnostics, in column order.
   */
  public List<MetricDefinition> metricDefinitions() {
    Map<String, MetricDefinition> byName = new LinkedHashMap<>();
    for (MetricDefinition d : Families.of(config.family()).metrics()) {
      byName.put(d.name(), d);
    }
    for (MetricDefinition d : Mechanisms.diagnostics(Families.of(config.family()))) {
      byName.put(d.name(), d);
    }
    List<MetricDefinition> out = new ArrayList<>();
    for (String m : metrics) {
      MetricDefinition d = byName.get(m);
      out.add(d == null ? new MetricDefinition(m, "", MetricDefinition.Better.NEITHER) : d);
    }
    return out;
  }

  /**
   * The metadata written into every Arrow file's schema: the manifest JSON and the metric
   * definitions JSON.
   */
  public Map<String, String> arrowMetadata(Map<String, Object> manifest) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(TableSchema.MANIFEST_KEY, ManifestJson.toCompactJson(manifest));
    meta.put(
        TableSchema.METRIC_DEFINITIONS_KEY, ManifestJson.toCompactJson(metricDefinitionsJson()));
    return meta;
  }

  /**
   * The metric definitions as JSON-ready maps {name, definition[, unit], better}: better is higher
   * (less collapsed), lower (closer to the truth), truth (a level: closer to the truth's own value,
   * summary.arrow's &lt;m&gt;_truth) or neither.
   */
  public List<Map<String, Object>> metricDefinitionsJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MetricDefinition d : metricDefinitions()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", d.name());
      entry.put("definition", d.definition());
      if (d.unit() != null) {
        entry.put("unit", d.unit());
      }
      entry.put("better", d.better().json());
      out.add(entry);
    }
    return out;
  }

  /**
   * For each recorded metric, its index in the family's metric order {@code familyMetricNames} (as
   * {@link PreparedCell#metricNames()} gives it), or -1 when the family lacks it.
   */
  public int[] metricIndexes(List<String> familyMetricNames) {
    int[] out = new int[metrics.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = familyMetricNames.indexOf(metrics.get(i));
    }
    return out;
  }

  /** The recorded metrics of a family-ordered metric array; null where the family lacks one. */
  public Double[] project(double[] familyMetrics, int[] metricIndexes) {
    Double[] out = new Double[metricIndexes.length];
    for (int i = 0; i < out.length; i++) {
      // a diagnostic is NaN where it is null (no candidate, say); metrics are never NaN
      out[i] = metricIndexes[i] < 0 ? null : nullIfNaN(familyMetrics[metricIndexes[i]]);
    }
    return out;
  }

  private Object[] startRow(int cellIndex, int size) {
    Object[] row = new Object[size];
    Object[] id = identityValues.get(cellIndex);
    System.arraycopy(id, 0, row, 0, id.length);
    return row;
  }

  private int theoryInto(
      Object[] row, int at, PreparedCell cell, int[] metricIndexes, int generation) {
    for (int i = 0; i < familyMetricCount; i++) {
      row[at++] = nullIfNaN(theory(cell, metricIndexes[i], generation));
    }
    return at;
  }

  /** The theory value of family metric {@code idx} at {@code generation}; NaN where it has none. */
  private static double theory(PreparedCell cell, int idx, int generation) {
    double[] series = idx < 0 ? null : cell.theory()[idx];
    return series == null || generation >= series.length ? Double.NaN : series[generation];
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** A row of the generations dataset, boxed ({@link #writeGenerationRow} is the definition). */
  public Object[] generationRow(PreparedCell cell, int[] metricIndexes, GenerationRecord record) {
    ArrayRowSink row = new ArrayRowSink(generations.size());
    writeGenerationRow(row, cell, metricIndexes, record);
    return row.row();
  }

  /**
   * Writes the values of a row of the generations dataset to {@code out}, numbers unboxed: the
   * cell's identity, replicate, seed, generation, alpha_t, n_train, the recorded metrics, then
   * their theory values (null where a metric or its theory does not apply). The caller ends the row
   * ({@link RowSink#endRow}), after any columns of its own.
   */
  public void writeGenerationRow(
      RowSink out, PreparedCell cell, int[] metricIndexes, GenerationRecord record) {
    for (Object id : identityValues.get(cell.cell().index())) {
      out.value(id);
    }
    out.int32(record.replicate());
    out.int64(record.seed());
    out.int32(record.generation());
    out.float64(record.alphaT());
    out.int64(record.nTrain());
    double[] metrics = record.metrics();
    for (int idx : metricIndexes) {
      out.float64OrNull(idx < 0 ? Double.NaN : metrics[idx]); // a diagnostic's null is NaN
    }
    for (int i = 0; i < familyMetricCount; i++) {
      out.float64OrNull(theory(cell, metricIndexes[i], record.generation()));
    }
  }

  /** A row of summary.arrow; alpha_t comes from the cell's schedule. */
  public Object[] summaryRow(PreparedCell cell, int[] metricIndexes, GenerationSummary stats) {
    Object[] row = startRow(cell.cell().index(), summary.size());
    int at = identityColumns.size();
    row[at++] = stats.generation();
    row[at++] = cell.settings().alpha(stats.generation());
    row[at++] = (long) stats.n();
    for (ReplicateSummary s : stats.metrics()) {
      row[at++] = s.mean();
      row[at++] = s.sd();
      row[at++] = s.se();
      row[at++] = s.q05();
      row[at++] = s.q50();
      row[at++] = s.q95();
    }
    for (String m : levelMetrics) {
      row[at++] = cell.truthValues()[cell.metricNames().indexOf(m)];
    }
    theoryInto(row, at, cell, metricIndexes, stats.generation());
    return row;
  }

  /**
   * A chain as the statistics see it: its final metrics projected onto the recorded metrics (a
   * metric the family lacks cannot occur within one family's sweep and is an error).
   */
  public ChainRecord projectChain(ChainRecord chain, int[] metricIndexes) {
    if (!chain.ok()) {
      return chain;
    }
    double[] finals = new double[metricIndexes.length];
    for (int i = 0; i < finals.length; i++) {
      if (metricIndexes[i] < 0 && i < familyMetricCount) {
        throw new IllegalStateException(
            "metric " + metrics.get(i) + " is not a metric of family " + config.family());
      }
      finals[i] = metricIndexes[i] < 0 ? Double.NaN : chain.finalMetrics()[metricIndexes[i]];
    }
    return new ChainRecord(
        chain.replicate(),
        chain.seed(),
        true,
        null,
        chain.collapseGeneration(),
        finals,
        chain.wallMs(),
        chain.realSamples(),
        chain.verifierShortGenerations());
  }

  /** A row of chains.arrow from a chain whose final metrics are in family order. */
  public Object[] chainRow(PreparedCell cell, int[] metricIndexes, ChainRecord chain) {
    Object[] row = startRow(cell.cell().index(), chains.size());
    int at = identityColumns.size();
    row[at++] = chain.replicate();
    row[at++] = chain.seed();
    if (chain.ok()) {
      for (Double v : project(chain.finalMetrics(), metricIndexes)) {
        row[at++] = v;
      }
    } else {
      at += metricIndexes.length;
    }
    row[at++] = chain.ok() && chain.collapseGeneration() >= 0 ? chain.collapseGeneration() : null;
    row[at++] = chain.status();
    row[at++] = chain.error();
    row[at++] = chain.wallMs();
    row[at++] = chain.ok() ? chain.realSamples() : null;
    row[at] =
        chain.ok() && cell.settings().diagnostics().contains(Verifier.EXHAUSTED)
            ? chain.verifierShortGenerations()
            : null;
    return row;
  }

  /** A row of cells.arrow. */
  public Object[] cellRow(int cellIndex, CellSummary stats) {
    Object[] row = startRow(cellIndex, cells.size());
    int at = identityColumns.size();
    row[at++] = stats.chainsOk();
    row[at++] = stats.chainsFailed();
    row[at++] = stats.fractionCollapsed();
    row[at++] = stats.kmMedianCollapseGeneration();
    for (MeanInterval interval : stats.finalMetrics()) {
      row[at++] = interval.mean();
      row[at++] = interval.lower();
      row[at++] = interval.upper();
    }
    Double real = stats.realSamplesMean();
    row[at++] = real;
    for (MeanInterval interval : stats.finalMetrics()) {
      Double mean = interval.mean();
      row[at++] = mean == null || real == null || !Double.isFinite(mean) ? null : mean / real;
    }
    return row;
  }
}
