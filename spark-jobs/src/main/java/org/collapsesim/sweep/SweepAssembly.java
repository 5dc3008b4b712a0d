// Slightly over 400 lines: the sort-then-reduce assembly of every small table shares its
// helpers here; contrasts.arrow has its own class (ContrastsAssembly).
package org.collapsesim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.Column;
import org.collapsesim.io.ColumnType;
import org.collapsesim.io.FsPath;
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
 *   <li>summary: the generation rows sorted by (cell, generation, replicate), so that each (cell,
 *       generation) group is a run of consecutive rows in replicate order, reduced by {@link
 *       GenerationSummary#of}, the code the in-process writer uses;
 *   <li>chains: the chain records sorted by (cell, replicate, attempt); per chain the ok record,
 *       else the latest attempt's;
 *   <li>cells: computed on the driver while the chains stream past it, cell by cell in replicate
 *       order, by {@link CellSummary#of}.
 * </ul>
 *
 * Why sort-then-reduce: the tables must reach the driver in (cell, generation or replicate) order.
 * A group-by followed by a global sort cost a shuffle, a sampling job for the range partitioner and
 * one job per partition for each table (15 Spark jobs for a small sweep on local[2]), which
 * dominated small sweeps. Sorting once by the full key groups and orders in one shuffle; a table
 * that fits in one partition ({@value #ROWS_PER_PARTITION} input rows) is sorted there without a
 * range partitioner and fetched by a single job; larger ones are range-partitioned on the group
 * key, which never splits a group. The cells table needs no Spark job at all. The numbers are those
 * of the same reductions over the same rows in the same order, so the files are unchanged.
 *
 * <p>The small tables are streamed to the driver with {@code toLocalIterator}, one partition at a
 * time, into the Arrow and CSV appenders.
 */
public final class SweepAssembly {

  /**
   * Input rows per partition of the sort that groups and orders a small table: sized so that a
   * partition's sort and its result fetched to the driver stay well within memory.
   */
  static final long ROWS_PER_PARTITION = 1_000_000;

  /**
   * Spark setting overriding {@link #ROWS_PER_PARTITION}, so that tests take the range-partitioned
   * path with a small sweep.
   */
  public static final String ROWS_PER_PARTITION_CONF = "spark.collapse.sweep.rowsPerPartition";

  private SweepAssembly() {}

  /**
   * Writes every output table of the config's formats into {@code outputDir}.
   *
   * @return the variance reduction of the paired contrasts ({@link ContrastReduction}), or null
   *     when the sweep asks for none
   */
  public static ContrastReduction assemble(
      SparkSession spark,
      SweepSource source,
      SweepConfig config,
      FsPath outputDir,
      List<FsPath> committedParts,
      Map<String, String> arrowMetadata)
      throws IOException {
    OutputLayout layout = OutputLayout.of(config);
    StructType genStruct = SparkRows.structType(WorkParts.generationsPartSchema(layout));
    StructType chainStruct = SparkRows.structType(WorkParts.chainsPartSchema(layout));
    // The committed parts by name, not a glob: on a store without rename an unfinished part sits
    // beside them under its final name.
    Dataset<Row> generations =
        spark.read().schema(genStruct).parquet(files(committedParts, WorkParts.GENERATIONS_FILE));
    Dataset<Row> chainRecords =
        spark.read().schema(chainStruct).parquet(files(committedParts, WorkParts.CHAINS_FILE));

    if (config.output().writes("parquet")) {
      writeGenerations(generations.drop(WorkParts.CELL_INDEX), outputDir.resolve("generations"));
    }
    if (!(config.output().writes("arrow") || config.output().writes("csv"))) {
      return null;
    }
    TableSchema summaryWithIndex = withCellIndex(layout.summarySchema());
    long generationRows = config.chainCount() * (config.generations() + 1L); // at most
    long rowsPerPartition =
        spark.sparkContext().getConf().getLong(ROWS_PER_PARTITION_CONF, ROWS_PER_PARTITION);
    Dataset<Row> summary =
        sortedByGroup(
                generations,
                generationRows,
                rowsPerPartition,
                WorkParts.CELL_INDEX,
                "generation",
                "replicate")
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    rows ->
                        reduceRuns(
                            rows,
                            r ->
                                groupKey(
                                    r.getInt(r.fieldIndex(WorkParts.CELL_INDEX)),
                                    r.getInt(r.fieldIndex("generation"))),
                            group -> summaryRow(source, group)),
                Encoders.row(SparkRows.structType(summaryWithIndex)));
    write(outputDir, "summary", config, layout.summarySchema(), arrowMetadata, summary, r -> {});
    ContrastReduction reduction = null;
    if (config.variants().compareTo() != null) {
      reduction = new ContrastReduction(layout, config.generations());
      Dataset<Row> contrasts =
          ContrastsAssembly.contrasts(
              spark, source, config, generations, generationRows, rowsPerPartition);
      write(
          outputDir,
          "contrasts",
          config,
          layout.contrastsSchema(),
          arrowMetadata,
          contrasts,
          reduction::accept);
    }

    Dataset<Row> chains =
        sortedByGroup(
                chainRecords,
                config.chainCount(),
                rowsPerPartition,
                WorkParts.CELL_INDEX,
                "replicate",
                WorkParts.ATTEMPT)
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    rows ->
                        reduceRuns(
                            rows,
                            r ->
                                groupKey(
                                    r.getInt(r.fieldIndex(WorkParts.CELL_INDEX)),
                                    r.getInt(r.fieldIndex("replicate"))),
                            group ->
                                group.stream()
                                    .reduce(SweepAssembly::preferredRecord)
                                    .orElseThrow()),
                Encoders.row(chainStruct));
    CellsOfChains cells = new CellsOfChains(layout, config.generations());
    write(outputDir, "chains", config, layout.chainsSchema(), arrowMetadata, chains, cells::accept);
    SweepTableFiles.write(
        outputDir,
        "cells",
        config.output(),
        layout.cellsSchema(),
        arrowMetadata,
        cells.finish().iterator());
    return reduction;
  }

  private static String[] files(List<FsPath> parts, String name) {
    return parts.stream().map(p -> p.resolve(name).uri()).toArray(String[]::new);
  }

  /**
   * {@code rows} sorted by {@code keys}, where all keys but the last name a group and the last
   * orders the rows inside it: in one partition when {@code expectedRows} fits {@code
   * rowsPerPartition} (no range partitioner, no sampling job), else range-partitioned on the group
   * keys, so that a group never spans two partitions.
   */
  static Dataset<Row> sortedByGroup(
      Dataset<Row> rows, long expectedRows, long rowsPerPartition, String... keys) {
    long partitions = (expectedRows + rowsPerPartition - 1) / rowsPerPartition;
    org.apache.spark.sql.Column[] all = new org.apache.spark.sql.Column[keys.length];
    for (int k = 0; k < keys.length; k++) {
      all[k] = rows.col(keys[k]);
    }
    org.apache.spark.sql.Column[] group = java.util.Arrays.copyOf(all, all.length - 1);
    Dataset<Row> partitioned =
        partitions <= 1
            ? rows.repartition(1)
            : rows.repartitionByRange((int) Math.min(Integer.MAX_VALUE, partitions), group);
    return partitioned.sortWithinPartitions(all);
  }

  /**
   * Reduces each run of consecutive rows with the same key (a group, when the rows are sorted by
   * it) to one row, lazily: one group in memory at a time.
   */
  static <T> Iterator<T> reduceRuns(
      Iterator<Row> rows, ToLongFunction<Row> key, Function<List<Row>, T> reduce) {
    return new Iterator<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public T next() {
        if (pending == null) {
          throw new NoSuchElementException();
        }
        long k = key.applyAsLong(pending);
        List<Row> group = new ArrayList<>();
        group.add(pending);
        pending = null;
        while (rows.hasNext()) {
          Row r = rows.next();
          if (key.applyAsLong(r) != k) {
            pending = r;
            break;
          }
          group.add(r);
        }
        return reduce.apply(group);
      }
    };
  }

  static long groupKey(int cellIndex, int second) {
    return ((long) cellIndex << 32) | (second & 0xFFFFFFFFL);
  }

  static TableSchema withCellIndex(TableSchema schema) {
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
      throw new IllegalStateException(
          "chain (cell "
              + a.getInt(a.fieldIndex(WorkParts.CELL_INDEX))
              + ", replicate "
              + a.getInt(a.fieldIndex("replicate"))
              + ") was committed ok twice; the work parts are inconsistent");
    }
    return a.getInt(a.fieldIndex(WorkParts.ATTEMPT)) >= b.getInt(b.fieldIndex(WorkParts.ATTEMPT))
        ? a
        : b;
  }

  /**
   * The summary row (with the cell index) of one (cell, generation) group, its rows in replicate
   * order.
   */
  static Row summaryRow(SweepSource source, List<Row> rows) {
    ExecutorContext context = ExecutorContext.of(source);
    OutputLayout layout = context.layout();
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
      values.add(SparkRows.doubles(r, positions));
    }
    GenerationSummary stats = GenerationSummary.of(generation, values, positions.length);
    Object[] out =
        layout.summaryRow(context.cell(cellIndex), context.metricIndexes(cellIndex), stats);
    return SparkRows.row(SparkRows.append(out, cellIndex));
  }

  /**
   * The cells table, built on the driver from the chains table's rows as they are written (in cell,
   * then replicate order): one cell's chain records in memory at a time.
   */
  static final class CellsOfChains {
    private final OutputLayout layout;
    private final int horizon;
    private final List<Object[]> cellRows = new ArrayList<>();
    private final List<ChainRecord> current = new ArrayList<>();
    private int currentCell = -1;

    CellsOfChains(OutputLayout layout, int horizon) {
      this.layout = layout;
      this.horizon = horizon;
    }

    void accept(Row chainRow) {
      int cellIndex = chainRow.getInt(chainRow.fieldIndex(WorkParts.CELL_INDEX));
      if (cellIndex != currentCell) {
        if (cellIndex < currentCell) {
          throw new IllegalStateException(
              "chain rows are not in cell order: cell " + cellIndex + " after " + currentCell);
        }
        flush();
        currentCell = cellIndex;
      }
      current.add(chainRecord(layout.metrics(), cellIndex, chainRow));
    }

    /** The cells table's rows, in cell order. */
    List<Object[]> finish() {
      flush();
      return cellRows;
    }

    private void flush() {
      if (!current.isEmpty()) {
        CellSummary stats = CellSummary.of(current, horizon, layout.metrics().size());
        cellRows.add(layout.cellRow(currentCell, stats));
        current.clear();
      }
    }
  }

  /**
   * A chains-table row (with the part columns) back as the {@link ChainRecord} it was written from.
   */
  private static ChainRecord chainRecord(List<String> metrics, int cellIndex, Row r) {
    boolean ok = "ok".equals(r.getString(r.fieldIndex("status")));
    double[] finals = null;
    if (ok) {
      finals = new double[metrics.size()];
      for (int m = 0; m < finals.length; m++) {
        int p = r.fieldIndex("final_" + metrics.get(m));
        if (r.isNullAt(p)) { // a diagnostic without a value (a metric always has one)
          finals[m] = Double.NaN;
          continue;
        }
        finals[m] = r.getDouble(p);
      }
    }
    int collapse = r.fieldIndex("collapse_generation");
    return new ChainRecord(
        r.getInt(r.fieldIndex("replicate")),
        r.getLong(r.fieldIndex("seed")),
        ok,
        r.isNullAt(r.fieldIndex("error")) ? null : r.getString(r.fieldIndex("error")),
        r.isNullAt(collapse) ? -1 : r.getInt(collapse),
        finals,
        r.getLong(r.fieldIndex("wall_ms")),
        r.isNullAt(r.fieldIndex("real_samples")) ? -1 : r.getLong(r.fieldIndex("real_samples")),
        r.isNullAt(r.fieldIndex("verifier_short_generations"))
            ? 0
            : r.getInt(r.fieldIndex("verifier_short_generations")));
  }

  /** Streams {@code sorted} into the table's files; {@code observer} sees each row on its way. */
  private static void write(
      FsPath outputDir,
      String name,
      SweepConfig config,
      TableSchema schema,
      Map<String, String> arrowMetadata,
      Dataset<Row> sorted,
      Consumer<Row> observer)
      throws IOException {
    write(outputDir, name, config, schema, arrowMetadata, sorted.toLocalIterator(), observer);
  }

  /**
   * Streams {@code rows} (in table order, each with the part columns after the table's) into the
   * table's files; {@code observer} sees each row on its way.
   */
  static void write(
      FsPath outputDir,
      String name,
      SweepConfig config,
      TableSchema schema,
      Map<String, String> arrowMetadata,
      Iterator<Row> rows,
      Consumer<Row> observer)
      throws IOException {
    int columns = schema.size();
    Iterator<Object[]> values =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return rows.hasNext();
          }

          @Override
          public Object[] next() {
            Row row = rows.next();
            observer.accept(row);
            return SparkRows.values(row, columns);
          }
        };
    SweepTableFiles.write(outputDir, name, config.output(), schema, arrowMetadata, values);
  }

  /** Writes the generations dataset with Spark's Parquet writer ({@link #replaceDirectory}). */
  private static void writeGenerations(Dataset<Row> rows, FsPath target) throws IOException {
    replaceDirectory(target, dir -> rows.write().parquet(dir.uri()));
  }

  /** Writes a directory's content, given where to write it. */
  interface DirectoryWriter {
    void writeInto(FsPath dir) throws IOException;
  }

  /**
   * Writes a directory with {@code writer} into a temporary directory and renames it onto {@code
   * target}; a previous directory there (a resumed sweep that had failures) is moved aside first
   * and deleted after. On a store without rename, the writer writes in place after the old one is
   * deleted (the manifest says {@code running} meanwhile).
   */
  static void replaceDirectory(FsPath target, DirectoryWriter writer) throws IOException {
    FsPath aside = null;
    if (target.exists()) {
      if (target.atomicRename()) {
        try (AtomicOutput.PendingFile reserve = AtomicOutput.begin(target)) {
          aside = reserve.temporary();
        }
        target.renameOnto(aside);
      } else {
        target.deleteRecursively();
      }
    }
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      writer.writeInto(pending.temporary());
      pending.commit();
    }
    if (aside != null) {
      aside.deleteRecursively();
    }
  }
}
