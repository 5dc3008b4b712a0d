package org.collapsesim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapsesim.report.ReportWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time {@code collapse report DIR} takes to read a finished sweep's tables and write every
 * figure (SVG, PNG, Vega-Lite) and report.html. Each run renders into a fresh copy of the tables,
 * so the previous report is never reused. {@code dir} names finished sweep outputs (run the sweeps
 * first, see REPORT.md); the score is the time of one whole report (single shot: a report is
 * seconds of work, rendered once per sweep in practice).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true") // + bin/jvm.flags, inherited
public class ReportBenchmark {

  /** Sweep output directories (relative to the working directory or absolute). */
  @Param({"results/quickstart", "results/entropy-decay"})
  public String dir;

  private Path copy;

  @Setup(Level.Invocation)
  public void copyTables() throws IOException {
    copy = Files.createTempDirectory("report-benchmark");
    for (String f : List.of("manifest.json", "summary.arrow", "chains.arrow", "cells.arrow")) {
      Files.copy(Path.of(dir).resolve(f), copy.resolve(f));
    }
  }

  @TearDown(Level.Invocation)
  public void deleteCopy() throws IOException {
    try (var files = Files.walk(copy)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public ReportWriter.Written render() throws IOException {
    return ReportWriter.write(copy, ReportWriter.Options.defaults());
  }
}
