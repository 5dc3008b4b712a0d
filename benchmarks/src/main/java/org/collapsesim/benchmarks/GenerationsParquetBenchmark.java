package org.collapsesim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.ParquetTableWriter;
import org.collapsesim.io.RowSink;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.GenerationRecord;

/**
 * Rows per CPU-second of writing the generations table as Parquet, on one thread: the rows of a
 * preset's first cell (every generation recorded) are computed first and held in memory, then
 * written, row by row as {@code collapse run} writes them ({@link OutputLayout#writeGenerationRow}
 * to the {@link ParquetTableWriter}'s unboxed {@link RowSink}), {@code REPEATS} times; the best
 * repeat's thread CPU time is reported. With {@code boxed}, each row is built as an {@code
 * Object[]} and appended ({@link OutputLayout#generationRow}), as the Spark sweep's parts are.
 *
 * <p>Usage: {@code GenerationsParquetBenchmark CONFIG [ROWS] [REPEATS] [boxed]} (defaults 500000,
 * 5).
 */
public final class GenerationsParquetBenchmark {

  private GenerationsParquetBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: GenerationsParquetBenchmark CONFIG [ROWS] [REPEATS] [boxed]");
      System.exit(2);
    }
    int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean boxed = args.length > 3 && args[3].equals("boxed");
    SweepConfig config =
        ConfigLoader.load(Families.catalogue(), Path.of(args[0]), List.of("record_every=1"));
    OutputLayout layout = OutputLayout.of(config);
    PreparedCell cell = PreparedCell.prepare(config, config.cells().get(0));
    int[] metricIndexes = layout.metricIndexes(cell.metricNames());
    List<GenerationRecord> rows = new ArrayList<>(wanted);
    for (int replicate = 0; rows.size() < wanted; replicate++) {
      cell.runChain(replicate, rows::add, BlockRunner.SEQUENTIAL);
    }
    rows.subList(wanted, rows.size()).clear();

    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Path dir = Files.createTempDirectory("generations-parquet");
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < repeats; rep++) {
      FsPath target = FsPath.local(dir.resolve("part-" + rep + ".parquet"));
      long start = cpu.getCurrentThreadCpuTime();
      try (ParquetTableWriter.Appender out =
          ParquetTableWriter.open(target, layout.generationsSchema())) {
        RowSink row = out.rows();
        for (GenerationRecord r : rows) {
          if (boxed) {
            out.append(layout.generationRow(cell, metricIndexes, r));
          } else {
            layout.writeGenerationRow(row, cell, metricIndexes, r);
            row.endRow();
          }
        }
        out.commit();
      }
      double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
      best = Math.min(best, seconds);
      System.out.printf(
          "repeat %d: %d rows in %.3f CPU s = %.3f M rows/s, %d bytes%n",
          rep,
          rows.size(),
          seconds,
          rows.size() / seconds / 1e6,
          Files.size(target.localFile().toPath()));
      Files.delete(target.localFile().toPath());
    }
    System.out.printf(
        "best: %.3f M rows/s per core (%d columns)%n",
        rows.size() / best / 1e6, layout.generationsSchema().size());
  }
}
