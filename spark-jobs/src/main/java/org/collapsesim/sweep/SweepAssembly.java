package org.collapsesim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.Column;
import org.collapsesim.io.ColumnType;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.SweepTableFiles;
import org.collapsesim.io.TableSchema;
import org.collapsesim.result.CellSummary;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationSummary;

/**
 * Builds a sweep's output tables from its committed work parts, with Spark:
 *
 * <ul>
 *   <li>{@code generations/}: the parts' generation rows, rewritten by Spark's Parquet writer into
 *       a temporary directory renamed into place;
 *   <li>summary: grouped by (cell, generation), each group's rows sorted by replicate and reduced
 *       by {@link GenerationSummary#of}, the code the in-process writer uses;
 *   <li>chains: one record per (cell, replicate): the ok one, else the latest attempt's;
 *   <li>cells: those records grouped by cell, sorted by replicate, reduced by {@link CellSummary#of}.
 * </ul>
 *
 * The small tables are sorted by (cell index, generation or replicate) and streamed to the driver
 * with {@code toLocalIterator}, one partition at a time, into the Arrow and CSV appenders.
 */
public final class SweepAssembly {

  private SweepAssembly() {}

  /** Writes every output table of the config's formats into {@code outputDir}. */
  public static void assemble(
      SparkSession spark, SweepSource source, SweepConfig config, Path outputDir, Map<String, String> arrowMetadata)
      throws IOException {
    OutputLayout layout = OutputLayout.of(config);
    Path parts = WorkParts.partsDir(outputDir);
    StructType genStruct = SparkRows.structType(WorkParts.generationsPartSchema(layout));
    StructType chainStruct = SparkRows.structType(WorkParts.chainsPartSchema(layout));
    String genGlob = parts.toAbsolutePath().toUri() + "part-*/" + WorkParts.GENERATIONS_FILE;
    String chainGlob = parts.toAbsolutePath().toUri() + "part-*/" + WorkParts.CHAINS_FILE;
    Dataset<Row> generations = spark.read().schema(genStruct).parquet(genGlob);
    Dataset<Row> chainRecords = spark.read().schema(chainStruct).parquet(chainGlob);

    if (config.output().writes("parquet")) {
      writeGenerations(generations.drop(WorkParts.CELL_INDEX), outputDir.resolve("generations"));
    }
    if (!(config.output().writes("arrow") || config.output().writes("csv"))) {
      return;
    }
    TableSchema summaryWithIndex = withCellIndex(layout.summarySchema());
    Dataset<Row> summary = generations
        .groupByKey((MapFunction<Row, Long>) r -> groupKey(r.getInt(r.fieldIndex(WorkParts.CELL_INDEX)),
            r.getInt(r.fieldIndex("generation"))), Encoders.LONG())
        .flatMapGroups((FlatMapGroupsFunction<Long, Row, Row>) (key, rows) -> summarize(source, rows),
            Encoders.row(SparkRows.structType(summaryWithIndex)))
        .sort(WorkParts.CELL_INDEX, "generation");
    write(outputDir, "summary", config, layout.summarySchema(), arrowMetadata, summary);

    Dataset<Row> chains = chainRecords
        .groupByKey((MapFunction<Row, Long>) r -> groupKey(r.getInt(r.fieldIndex(WorkParts.CELL_INDEX)),
            r.getInt(r.fieldIndex("replicate"))), Encoders.LONG())
        .reduceGroups((ReduceFunction<Row>) SweepAssembly::preferredRecord)
        .map((MapFunction<scala.Tuple2<Long, Row>, Row>) t -> t._2(), Encoders.row(chainStruct));
    write(outputDir, "chains", config, layout.chainsSchema(), arrowMetadata,
        chains.sort(WorkParts.CELL_INDEX, "replicate"));

    TableSchema cellsWithIndex = withCellIndex(layout.cellsSchema());
    int horizon = config.generations();
    Dataset<Row> cells = chains
        .groupByKey((MapFunction<Row, Integer>) r -> r.getInt(r.fieldIndex(WorkParts.CELL_INDEX)), Encoders.INT())
        .flatMapGroups((FlatMapGroupsFunction<Integer, Row, Row>) (cell, rows) -> summarizeCell(source, cell, horizon, rows),
            Encoders.row(SparkRows.structType(cellsWithIndex)))
        .sort(WorkParts.CELL_INDEX);
    write(outputDir, "cells", config, layout.cellsSchema(), arrowMetadata, cells);
  }

  private static long groupKey(int cellIndex, int second) {
    return ((long) cellIndex << 32) | (second & 0xFFFFFFFFL);
  }

  private static TableSchema withCellIndex(TableSchema schema) {
    List<Column> columns = new ArrayList<>(schema.columns());
    columns.add(Column.required(WorkParts.CELL_INDEX, ColumnType.INT32));
    return new TableSchema(columns, Map.of());
  }

  /** Of two records of one chain: the ok one, else the later attempt's (a rerun of a failure). */
  static Row preferredRecord(Row a, Row b) {
    boolean aOk = "ok".equals(a.getString(a.fieldIndex("status")));
    boolean bOk = "ok".equals(b.getString(b.fieldIndex("status")));
    if (aOk != bOk) {
      return aOk ? a : b;
    }
    if (aOk) {
      throw new IllegalStateException("chain (cell " + a.getInt(a.fieldIndex(WorkParts.CELL_INDEX)) + ", replicate "
          + a.getInt(a.fieldIndex("replicate")) + ") was committed ok twice; the work parts are inconsistent");
    }
    return a.getInt(a.fieldIndex(WorkParts.ATTEMPT)) >= b.getInt(b.fieldIndex(WorkParts.ATTEMPT)) ? a : b;
  }

  private static List<Row> sortedByReplicate(Iterator<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    if (!list.isEmpty()) {
      int replicate = list.get(0).fieldIndex("replicate");
      list.sort(Comparator.comparingInt(r -> r.getInt(replicate)));
    }
    return list;
  }

  private static Iterator<Row> summarize(SweepSource source, Iterator<Row> group) {
    ExecutorContext context = ExecutorContext.of(source);
    OutputLayout layout = context.layout();
    List<Row> rows = sortedByReplicate(group);
    Row first = rows.get(0);
    int cellIndex = first.getInt(first.fieldIndex(WorkParts.CELL_INDEX));
    int generation = first.getInt(first.fieldIndex("generation"));
    List<String> metrics = layout.metrics();
    int[] positions = new int[metrics.size()];
    for (int m = 0; m < positions.length; m++) {
      positions[m] = first.fieldIndex(metrics.get(m));
    }
    List<Double[]> values = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Double[] v = new Double[positions.length];
      for (int m = 0; m < positions.length; m++) {
        v[m] = r.isNullAt(positions[m]) ? null : r.getDouble(positions[m]);
      }
      values.add(v);
    }
    GenerationSummary stats = GenerationSummary.of(generation, values, positions.length);
    Object[] out = layout.summaryRow(context.cell(cellIndex), context.metricIndexes(cellIndex), stats);
    return List.of(SparkRows.row(SparkRows.append(out, cellIndex))).iterator();
  }

  private static Iterator<Row> summarizeCell(SweepSource source, int cellIndex, int horizon, Iterator<Row> group) {
    ExecutorContext context = ExecutorContext.of(source);
    OutputLayout layout = context.layout();
    List<Row> rows = sortedByReplicate(group);
    List<String> metrics = layout.metrics();
    List<ChainRecord> chains = new ArrayList<>(rows.size());
    for (Row r : rows) {
      boolean ok = "ok".equals(r.getString(r.fieldIndex("status")));
      double[] finals = null;
      if (ok) {
        finals = new double[metrics.size()];
        for (int m = 0; m < finals.length; m++) {
          int p = r.fieldIndex("final_" + metrics.get(m));
          if (r.isNullAt(p)) {
            throw new IllegalStateException("ok chain " + r.getInt(r.fieldIndex("replicate")) + " of cell "
                + cellIndex + " has no final " + metrics.get(m));
          }
          finals[m] = r.getDouble(p);
        }
      }
      int collapse = r.fieldIndex("collapse_generation");
      chains.add(new ChainRecord(
          r.getInt(r.fieldIndex("replicate")), r.getLong(r.fieldIndex("seed")), ok,
          r.isNullAt(r.fieldIndex("error")) ? null : r.getString(r.fieldIndex("error")),
          r.isNullAt(collapse) ? -1 : r.getInt(collapse), finals, r.getLong(r.fieldIndex("wall_ms"))));
    }
    CellSummary stats = CellSummary.of(chains, horizon, metrics.size());
    return List.of(SparkRows.row(SparkRows.append(layout.cellRow(cellIndex, stats), cellIndex))).iterator();
  }

  private static void write(
      Path outputDir, String name, SweepConfig config, TableSchema schema, Map<String, String> arrowMetadata,
      Dataset<Row> sorted) throws IOException {
    int columns = schema.size();
    Iterator<Row> rows = sorted.toLocalIterator();
    Iterator<Object[]> values = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        return SparkRows.values(rows.next(), columns);
      }
    };
    SweepTableFiles.write(outputDir, name, config.output(), schema, arrowMetadata, values);
  }

  /**
   * Writes the generations dataset with Spark into a temporary directory and renames it onto
   * {@code target}; a previous dataset there (a resumed sweep that had failures) is moved aside
   * first and deleted after.
   */
  private static void writeGenerations(Dataset<Row> rows, Path target) throws IOException {
    Path aside = null;
    if (Files.exists(target)) {
      try (AtomicOutput.PendingFile reserve = AtomicOutput.begin(target)) {
        aside = reserve.temporary();
      }
      Files.move(target, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      rows.write().parquet(pending.temporary().toUri().toString());
      pending.commit();
    }
    if (aside != null) {
      AtomicOutput.deleteRecursively(aside);
    }
  }
}
