package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.io.FsPath;
import org.collapsesim.sweep.ExecutorContext;
import org.collapsesim.sweep.FaultInjection;
import org.collapsesim.sweep.LocalSweep;
import org.collapsesim.sweep.SparkSessions;
import org.collapsesim.sweep.SparkSweep;
import org.collapsesim.sweep.SweepDriver;
import org.collapsesim.sweep.SweepEngine;
import org.collapsesim.sweep.SweepRefusedException;
import org.collapsesim.sweep.SweepSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code collapse sweep CONFIG [--engine auto|local|spark] [--master URL] [--out DIR] [--resume |
 * --overwrite] [--set k=v]... [--allow-failures]} (README, Commands): runs every chain of a config,
 * in this JVM or on Spark ({@link EngineChoice}), and writes the tables of README, Output. Exit 0
 * when done, 1 when a chain failed (unless --allow-failures), 2 for a bad config, a refused output
 * directory or a resume with another config.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Runs a sweep (in this JVM when small, else on Spark: --engine) and writes its tables.")
public final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "the sweep's YAML config")
  Path config;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master: spark://host:port for a standalone cluster; default: the spark.master that"
              + " spark-submit sets, else local[*] (an embedded Spark on all cores)")
  String master;

  /** --master, else the master spark-submit passes as a system property, else local[*]. */
  private String resolvedMaster() {
    if (master != null) {
      return master;
    }
    String submitted = System.getProperty("spark.master");
    return submitted != null && !submitted.isBlank() ? submitted : "local[*]";
  }

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "auto (default): in this JVM for a small sweep with no --master, else Spark; local: in"
              + " this JVM, no Spark; spark: on Spark (--master, default local[*])")
  String engine = "auto";

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "threads of the in-process engine (default: every core); with Spark, use --master"
              + " local[N]")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "output directory (wins over output.dir): a local path, or a Hadoop file system URI"
              + " such as hdfs://namenode:8020/sweeps/a or s3a://bucket/sweeps/a")
  String out;

  @Option(names = "--resume", description = "continue an interrupted sweep in its output directory")
  boolean resume;

  @Option(names = "--overwrite", description = "replace a previous output in the directory")
  boolean overwrite;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "override a config key (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--allow-failures", description = "exit 0 even if some chains failed")
  boolean allowFailures;

  @Option(
      names = "--report",
      description =
          "write DIR/report.html and DIR/figures/ when the sweep ends (as collapse report)")
  boolean report;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "extra Spark configuration (repeatable)")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  /**
   * Checks {@value FaultInjection#PROPERTY} against the config: a fault that does not parse or
   * names no chain is a usage error, found before anything runs.
   *
   * @return the problem, or null
   */
  static String checkFaults(SweepConfig sweep) {
    try {
      return FaultInjection.fromSystemProperty()
          .problemWith(sweep.cells().size(), sweep.replicates(), sweep.generations());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * Whether the chains run in this JVM: in-process, or on Spark in local mode ({@code local} or
   * {@code local[N]}, the default), whose executor is this JVM. Not {@code local-cluster}, whose
   * executors are JVMs of their own.
   */
  private boolean chainsRunHere(String chosen) {
    if ("local".equals(chosen)) {
      return true;
    }
    scala.Option<SparkSession> session = SparkSession.getDefaultSession();
    String spark = session.isDefined() ? session.get().sparkContext().master() : resolvedMaster();
    return spark.equals("local") || spark.startsWith("local[");
  }

  /** Runs the sweep on {@code engine}. */
  private static SweepDriver.Result run(
      SweepEngine engine,
      SweepConfig sweep,
      SweepSource source,
      FsPath dir,
      SweepDriver.Preparation preparation,
      FaultInjection faults)
      throws IOException {
    return SweepDriver.run(
        engine,
        sweep,
        source,
        dir,
        preparation.startTime(),
        faults,
        System.err,
        System.console() != null);
  }

  /**
   * Runs the sweep on Spark. Inside a JVM that already runs Spark (tests, notebooks) the existing
   * session is used and kept.
   */
  private SweepDriver.Result runOnSpark(
      SweepConfig sweep,
      SweepSource source,
      FsPath dir,
      SweepDriver.Preparation preparation,
      FaultInjection faults)
      throws IOException {
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark =
        SparkSessions.create(resolvedMaster(), "collapse-sim " + sweep.name(), sparkConf);
    try {
      SweepEngine engine = new SparkSweep(spark, "spark " + spark.sparkContext().master());
      return run(engine, sweep, source, dir, preparation, faults);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (resume && overwrite) {
      err.println("collapse sweep: --resume and --overwrite exclude each other; choose one");
      return 2;
    }
    String text;
    try {
      text = Files.readString(config);
    } catch (IOException e) {
      err.println("collapse sweep: cannot read config " + config + ": " + e.getMessage());
      return 2;
    }
    Path baseDir = config.toAbsolutePath().getParent();
    SweepConfig sweep;
    try {
      sweep = ResourceLimits.enforce(ConfigLoader.parse(Families.catalogue(), text, baseDir, sets));
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      return 2;
    }
    String faultProblem = checkFaults(sweep);
    if (faultProblem != null) {
      err.println("collapse sweep: " + faultProblem);
      return 2;
    }
    FaultInjection faults = FaultInjection.fromSystemProperty();
    String chosen;
    try {
      chosen =
          EngineChoice.choose(
              engine,
              master,
              System.getProperty("spark.master"),
              SparkSession.getActiveSession().isDefined()
                  || SparkSession.getDefaultSession().isDefined(),
              sparkConf.keySet(),
              faults,
              sweep);
    } catch (EngineChoice.Refusal e) {
      err.println("collapse sweep: " + e.getMessage());
      return 2;
    }
    if (threads != null && (threads < 1 || "spark".equals(chosen))) {
      err.println(
          "collapse sweep: --threads "
              + threads
              + (threads < 1
                  ? " must be at least 1"
                  : " sets the in-process engine's threads, but this sweep runs on Spark ("
                      + EngineChoice.ALLOWED
                      + " with --engine; on Spark, --master local[N] sets the cores)"));
      return 2;
    }
    String location = out != null ? out : sweep.output().dir();
    if (location == null) {
      err.println(
          "collapse sweep: no output directory: give --out DIR or output.dir in the config");
      return 2;
    }
    FsPath dir;
    try {
      dir = FsPath.of(location, () -> SparkSessions.hadoopConfiguration(sparkConf));
    } catch (IOException | IllegalArgumentException e) {
      err.println("collapse sweep: --out " + location + ": cannot use it: " + e.getMessage());
      return 2;
    }
    if (chainsRunHere(chosen)) {
      // the chains then share these cells (ExecutorContext); on a cluster its executors prepare
      // them, and a cell that cannot be built stops the sweep with the same message
      ExecutorContext context = ExecutorContext.of(sweep);
      String unbuildable = CellPreparation.firstUnbuildable(sweep.cells().size(), context::cell);
      if (unbuildable != null) {
        err.println("collapse sweep: " + unbuildable);
        return 2;
      }
    }
    SweepDriver.Preparation preparation;
    try {
      preparation = SweepDriver.prepareOutput(sweep, dir, resume, overwrite);
    } catch (SweepRefusedException e) {
      err.println("collapse sweep: " + e.getMessage());
      return 2;
    }
    if (preparation.nothingToDo()) {
      err.println("collapse sweep: " + dir + " holds the finished sweep; nothing to do");
      return 0;
    }
    SweepSource source =
        new SweepSource(
            text, baseDir == null ? null : baseDir.toString(), sets, sweep.configHash());
    err.flush();
    SweepDriver.Result result =
        "local".equals(chosen)
            ? run(
                new LocalSweep(
                    threads != null ? threads : Runtime.getRuntime().availableProcessors()),
                sweep,
                source,
                dir,
                preparation,
                faults)
            : runOnSpark(sweep, source, dir, preparation, faults);
    err.println(
        "collapse sweep: "
            + result.chains()
            + " chains ("
            + result.chainsRun()
            + " run now), "
            + result.chainsOk()
            + " ok, "
            + result.chainsFailed()
            + " failed; output in "
            + dir);
    if (result.contrasts() != null) {
      err.println("collapse sweep: " + result.contrasts().describe());
    }
    err.flush();
    if (!ResultSummary.print(dir, report, spec.commandLine().getOut(), err)) {
      return CollapseCli.USAGE;
    }
    if (result.chainsFailed() > 0 && !allowFailures) {
      err.println(
          "collapse sweep: "
              + result.chainsFailed()
              + " chains failed (see chains.arrow status/error);"
              + " rerun them with --resume, or pass --allow-failures");
      return 1;
    }
    return 0;
  }
}
