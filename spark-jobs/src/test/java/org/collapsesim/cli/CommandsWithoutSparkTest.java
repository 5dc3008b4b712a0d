package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.collapsesim.io.FsPath;
import org.collapsesim.testing.ChildJvm;
import org.collapsesim.testing.MiniHdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/collapse runs every command but {@code sweep} and {@code cluster} on target/lib alone,
 * without the 137 jars of target/lib-spark (docs/internals.md, "Launcher and start-up"). Here each
 * of those commands runs in a child JVM on exactly that class path, the runtime class path Maven
 * computes for spark-jobs (spark-sql is "provided"), and must succeed with no logging backend
 * missing: {@code run} writing every format to the local disk and to a real HDFS, {@code report}
 * drawing the local one, and {@code validate}, {@code describe}, {@code ctm}, {@code help}. A class
 * that only Spark's jars hold, reached on any of these paths, fails it.
 */
class CommandsWithoutSparkTest {

  private static final String CONFIG =
      "name: no-spark\nseed: 7\nreplicates: 3\ngenerations: 4\nfamily: categorical\n"
          + "params: {model_size: 20, samples: 100}\n"
          + "output: {formats: [csv, arrow, parquet]}\n";

  /** What a run with every format writes (the report adds report.html and figures/). */
  private static final Set<String> RUN_FILES =
      Set.of(
          "cells.arrow",
          "cells.csv",
          "chains.arrow",
          "chains.csv",
          "generations/part-00000.parquet",
          "manifest.json",
          "summary.arrow",
          "summary.csv");

  private static MiniDFSCluster hdfs;

  @TempDir static Path base;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    hdfs = MiniHdfs.start(base.resolve("hdfs"));
  }

  @AfterAll
  static void stop() {
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
  }

  /**
   * spark-jobs' classes, then its runtime class path as Maven wrote it (generate-test-resources).
   */
  private static List<String> classPath() throws IOException {
    Path file = Path.of("target", "runtime-classpath.txt");
    assertTrue(Files.exists(file), file + " is written by Maven's build-classpath: run via mvn");
    List<String> entries = new ArrayList<>();
    entries.add(Path.of("target", "classes").toAbsolutePath().toString());
    entries.addAll(List.of(Files.readString(file, StandardCharsets.UTF_8).trim().split(":")));
    return entries;
  }

  /** Runs {@code collapse ARGS} on the class path without Spark: the log, after exit code 0. */
  private String collapse(String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile(tmp, "child", ".log");
    int code = ChildJvm.run(log, String.join(":", classPath()), List.of(), CollapseCli.class, args);
    String output = ChildJvm.read(log);
    assertEquals(0, code, () -> String.join(" ", args) + " failed:\n" + output);
    for (String missing :
        List.of("NoClassDefFoundError", "ClassNotFoundException", "SLF4J", "StatusLogger")) {
      assertFalse(output.contains(missing), () -> String.join(" ", args) + ":\n" + output);
    }
    return output;
  }

  private Path config() throws IOException {
    Path config = tmp.resolve("config.yaml");
    Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
    return config;
  }

  /** The files under {@code dir} (local or on HDFS), as paths relative to it. */
  private static Set<String> files(String dir) throws IOException {
    return files(FsPath.of(dir, Configuration::new));
  }

  private static Set<String> files(FsPath dir) throws IOException {
    Set<String> out = new TreeSet<>();
    for (FsPath entry : dir.list()) {
      if (entry.isDirectory()) {
        for (String inner : files(entry)) {
          out.add(entry.name() + "/" + inner);
        }
      } else {
        out.add(entry.name());
      }
    }
    return out;
  }

  @Test
  void theClassPathHoldsNoSparkJarButTheHadoopClient() throws IOException {
    List<String> names =
        classPath().stream().map(e -> Path.of(e).getFileName().toString()).toList();
    assertTrue(names.stream().noneMatch(n -> n.startsWith("spark-")), names::toString);
    assertTrue(
        names.stream().anyMatch(n -> n.startsWith("hadoop-client-runtime-")), names::toString);
    assertTrue(names.stream().anyMatch(n -> n.startsWith("log4j-core-")), names::toString);
  }

  @Test
  void runWritesEveryFormatAndReportDrawsIt() throws Exception {
    Path out = tmp.resolve("out");
    collapse("run", config().toString(), "--out", out.toString());
    assertEquals(RUN_FILES, files(out.toString()));
    String report = collapse("report", out.toString());
    assertTrue(Files.size(out.resolve("report.html")) > 0, report);
    assertTrue(Files.isDirectory(out.resolve("figures")), report);
  }

  @Test
  void runWritesEveryFormatToHdfs() throws Exception {
    String out = MiniHdfs.uri(hdfs, "/runs/no-spark");
    collapse("run", config().toString(), "--out", out);
    assertEquals(RUN_FILES, files(out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "describe", "describe categorical", "ctm 0101", "help sweep"})
  void theOtherCommandsRunWithoutSpark(String command) throws Exception {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    if (command.equals("validate")) {
      args.add(config().toString());
    }
    String output = collapse(args.toArray(String[]::new));
    assertFalse(output.isBlank(), command);
  }
}
