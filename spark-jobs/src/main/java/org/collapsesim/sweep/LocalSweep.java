package org.collapsesim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.LocalOutput;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.ParquetTableWriter;
import org.collapsesim.io.TableSchema;

/**
 * The in-process engine of a sweep: no Spark session, so none of its start-up (about 5 seconds of a
 * small sweep). The batches run on a pool of threads in this JVM through the same {@link
 * ChainBatchRunner} as Spark's tasks, committing the same work parts, and the tables are assembled
 * from those parts by the same row functions as {@link SweepAssembly}'s ({@link
 * SweepAssembly#summaryRow}, {@link ContrastsAssembly#contrastRow}, {@link
 * SweepAssembly#preferredRecord}, {@link SweepAssembly.CellsOfChains}), over the same rows in the
 * same order: the tables hold the same values bit for bit. Only {@code generations/}'s file layout
 * differs (one Parquet file, in cell, replicate, generation order, against Spark's part files).
 *
 * <p>Memory: the assembly reads the parts one cell at a time (a part holds one cell's chains), so
 * it holds one cell's generation rows (two for a cell with a {@code compare_to} baseline), never
 * the sweep's. A batch that throws (not a chain: a failed chain is a row) fails the sweep; there is
 * no retry, and nothing half-written remains (parts commit atomically; {@code --resume} goes on).
 */
public final class LocalSweep implements SweepEngine {

  private final int threads;
  private final LongAdder chainsDone = new LongAdder();

  /** The engine on {@code threads} threads. */
  public LocalSweep(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public String description() {
    return "local " + threads + (threads == 1 ? " thread" : " threads");
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public int fixedBatchSize() {
    return 0;
  }

  @Override
  public LongSupplier chainsDone() {
    return chainsDone::sum;
  }

  @Override
  public void runBatches(
      SweepSource source,
      List<ChainBatch> batches,
      FsPath partsDir,
      int blockThreads,
      FaultInjection faults)
      throws IOException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "collapse-sim-batch");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>(batches.size());
      for (ChainBatch batch : batches) {
        running.add(
            pool.submit(
                () -> {
                  ChainBatchRunner.run(
                      source, partsDir, batch, blockThreads, chainsDone::add, faults, 0);
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while chains ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("a batch of chains failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public ContrastReduction assemble(
      SweepSource source,
      SweepConfig config,
      FsPath outputDir,
      WorkParts.Committed committed,
      Map<String, String> arrowMetadata)
      throws IOException {
    return assembleHere(source, config, outputDir, committed, arrowMetadata);
  }

  /** Recorded generation rows of one cell above which the assembly here should not run. */
  public static final long MAX_HELD_ROWS = 500_000;

  /**
   * The most generation rows {@link #assembleHere} holds at once: a cell's recorded rows (every
   * record_every-th generation and the last), twice that for a cell with a baseline.
   */
  public static long heldRows(SweepConfig config) {
    return config.variants().compareTo() != null ? 2 * cellRows(config) : cellRows(config);
  }

  /** The recorded generation rows of the whole sweep, at most (as {@link #heldRows} counts). */
  public static long sweepRows(SweepConfig config) {
    return config.cells().size() * cellRows(config);
  }

  /** A cell's recorded generation rows, at most: every record_every-th generation and the last. */
  private static long cellRows(SweepConfig config) {
    return config.replicates() * (config.generations() / config.recordEvery() + 2L);
  }

  /**
   * {@link SweepEngine#assemble} in this JVM, one cell at a time (the class comment): this engine's
   * assembly, and the Spark engine's for a small sweep ({@link SparkSweep#assemble}).
   */
  static ContrastReduction assembleHere(
      SweepSource source,
      SweepConfig config,
      FsPath outputDir,
      WorkParts.Committed committed,
      Map<String, String> arrowMetadata)
      throws IOException {
    OutputLayout layout = OutputLayout.of(config);
    TableSchema generationsPart = WorkParts.generationsPartSchema(layout);
    TableSchema chainsPart = WorkParts.chainsPartSchema(layout);
    int cells = config.cells().size();
    if (config.output().writes("parquet")) {
      int columns = layout.generationsSchema().size();
      SweepAssembly.replaceDirectory(
          outputDir.resolve("generations"),
          dir -> {
            dir.mkdirs();
            try (ParquetTableWriter.Appender out =
                ParquetTableWriter.open(
                    dir.resolve(LocalOutput.PART_FILE), layout.generationsSchema())) {
              for (int c = 0; c < cells; c++) {
                for (Row r :
                    sorted(
                        read(committed, c, WorkParts.GENERATIONS_FILE, generationsPart),
                        "replicate",
                        "generation")) {
                  out.append(SparkRows.values(r, columns));
                }
              }
              out.commit();
            }
          });
    }
    if (!(config.output().writes("arrow") || config.output().writes("csv"))) {
      return null;
    }
    StructType summary = SparkRows.structType(SweepAssembly.withCellIndex(layout.summarySchema()));
    SweepAssembly.write(
        outputDir,
        "summary",
        config,
        layout.summarySchema(),
        arrowMetadata,
        perCell(
            cells,
            c ->
                reduceGroups(
                    read(committed, c, WorkParts.GENERATIONS_FILE, generationsPart),
                    group -> withSchema(SweepAssembly.summaryRow(source, group), summary),
                    "generation",
                    "replicate")),
        r -> {});
    ContrastReduction reduction = null;
    if (config.variants().compareTo() != null) {
      StructType contrastsOut =
          SparkRows.structType(SweepAssembly.withCellIndex(layout.contrastsSchema()));
      reduction = new ContrastReduction(layout, config.generations());
      SweepAssembly.write(
          outputDir,
          "contrasts",
          config,
          layout.contrastsSchema(),
          arrowMetadata,
          perCell(
              cells, c -> contrasts(source, config, committed, generationsPart, contrastsOut, c)),
          reduction::accept);
    }
    SweepAssembly.CellsOfChains cellRows =
        new SweepAssembly.CellsOfChains(layout, config.generations());
    SweepAssembly.write(
        outputDir,
        "chains",
        config,
        layout.chainsSchema(),
        arrowMetadata,
        perCell(
            cells,
            c ->
                reduceGroups(
                    read(committed, c, WorkParts.CHAINS_FILE, chainsPart),
                    group -> group.stream().reduce(SweepAssembly::preferredRecord).orElseThrow(),
                    "replicate",
                    WorkParts.ATTEMPT)),
        cellRows::accept);
    org.collapsesim.io.SweepTableFiles.write(
        outputDir,
        "cells",
        config.output(),
        layout.cellsSchema(),
        arrowMetadata,
        cellRows.finish().iterator());
    return reduction;
  }

  /**
   * The contrasts rows of cell {@code c} against its baseline (none without one): its rows (role 0)
   * and its baseline's (role 1) sorted by (generation, replicate, role), reduced per generation by
   * {@link ContrastsAssembly#contrastRow}, as the Spark assembly's join and sort arrange them.
   */
  private static Iterator<Row> contrasts(
      SweepSource source,
      SweepConfig config,
      WorkParts.Committed committed,
      TableSchema generationsPart,
      StructType contrastsOut,
      int c) {
    int b = config.variants().baseline(c);
    if (b < 0) {
      return java.util.Collections.emptyIterator();
    }
    StructType linked =
        SparkRows.structType(generationsPart)
            .add(ContrastsAssembly.CONTRAST_CELL, DataTypes.IntegerType, false)
            .add(ContrastsAssembly.ROLE, DataTypes.IntegerType, false);
    List<Row> rows = new ArrayList<>();
    for (int role = 0; role < 2; role++) {
      for (Row r :
          read(committed, role == 0 ? c : b, WorkParts.GENERATIONS_FILE, generationsPart)) {
        Object[] values = SparkRows.append(SparkRows.values(r, r.length()), c, role);
        rows.add(new GenericRowWithSchema(values, linked));
      }
    }
    return reduceGroups(
        rows,
        group -> withSchema(ContrastsAssembly.contrastRow(source, group), contrastsOut),
        "generation",
        "replicate",
        ContrastsAssembly.ROLE);
  }

  /**
   * Every row of cell {@code c}'s parts' {@code file} (generations or chains), of {@code schema}.
   */
  private static List<Row> read(
      WorkParts.Committed committed, int c, String file, TableSchema schema) {
    List<Row> rows = new ArrayList<>();
    try {
      for (FsPath part : committed.partsOf(c)) {
        rows.addAll(PartRows.read(part.resolve(file), schema));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * A reduced row with its column names, as Spark's encoder gives them (the observers find columns
   * by name).
   */
  private static Row withSchema(Row row, StructType schema) {
    return new GenericRowWithSchema(SparkRows.values(row, row.length()), schema);
  }

  /**
   * {@code rows} sorted by the integer columns {@code keys}, each run of rows with the same first
   * key reduced to one row, lazily: the in-memory twin of {@link SweepAssembly#sortedByGroup}
   * followed by {@link SweepAssembly#reduceRuns}.
   */
  private static Iterator<Row> reduceGroups(
      List<Row> rows, java.util.function.Function<List<Row>, Row> reduce, String... keys) {
    if (rows.isEmpty()) {
      return java.util.Collections.emptyIterator();
    }
    int group = rows.get(0).fieldIndex(keys[0]);
    return SweepAssembly.reduceRuns(sorted(rows, keys).iterator(), r -> r.getInt(group), reduce);
  }

  /** {@code rows}, sorted in place by the integer columns {@code keys}. */
  private static List<Row> sorted(List<Row> rows, String... keys) {
    if (rows.isEmpty()) {
      return rows;
    }
    Comparator<Row> order = null;
    for (String key : keys) {
      int k = rows.get(0).fieldIndex(key);
      Comparator<Row> byKey = Comparator.comparingInt(r -> r.getInt(k));
      order = order == null ? byKey : order.thenComparing(byKey);
    }
    rows.sort(order);
    return rows;
  }

  /** The rows of every cell in cell order, each cell's produced only when reached. */
  private static Iterator<Row> perCell(
      int cells, java.util.function.IntFunction<Iterator<Row>> of) {
    return new Iterator<>() {
      private int next;
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next < cells) {
          current = of.apply(next++);
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
