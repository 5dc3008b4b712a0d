// Over 400 lines: one real-cluster scenario (start, lose a worker mid-task, compare the tables)
// with the event-log reading it needs to prove the loss happened; the fixed cost of a cluster is
// paid once, so the scenario is not split across classes.
package org.collapsesim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.collapsesim.cli.ClusterCommand;
import org.collapsesim.io.OutputTestSupport;
import org.collapsesim.io.OutputTestSupport.ReadTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real standalone cluster (a master and two workers of one core each, separate JVMs on
 * 127.0.0.1): both workers register; a sweep whose driver runs in its own JVM survives the loss of
 * a worker that was running its tasks (the worker and its executor are killed by process id, the
 * event log shows the executor lost and its task rerun elsewhere), and writes exactly the tables of
 * an undisturbed run; stopping the cluster leaves no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

  /**
   * 32 chains in 8 tasks of 4 chains: about 2 s per task once the JIT is warm, 6-8 s for an
   * executor's first task, so a kill at the first task seen running lands in the middle of it.
   */
  private static final String CONFIG =
      """
      name: cluster-kill
      seed: 20261126
      replicates: 16
      generations: 300
      record_every: 30
      sampling: explicit
      family: categorical
      truth: {distribution: zipf, exponent: 1.1}
      grid:
        alpha: [0.0, 0.1]
      params:
        model_size: 2000
        samples: 200000
      output:
        formats: [arrow, parquet]
      """;

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration SWEEP_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Kept when a test fails: the daemons', executors' (work/) and drivers' logs are the evidence.
   */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path tmp;

  private static Path clusterDir;
  private static ClusterState cluster;
  private static Thread stopOnExit;

  /** Every process the test started or killed, checked dead at the end. */
  private static final List<ProcessHandle> started = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    clusterDir = tmp.resolve("cluster");
    // If the JVM is ended before @AfterAll runs, the cluster is still stopped.
    stopOnExit = new Thread(StandaloneClusterTest::stopQuietly, "stop-test-cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    long t0 = System.nanoTime();
    cluster =
        StandaloneCluster.start(
            new ClusterSpec(clusterDir, 2, 1, "1g", ClusterSpec.currentClassPath(), START_TIMEOUT));
    System.out.printf(
        "cluster %s up in %.1f s%n", cluster.masterUrl(), (System.nanoTime() - t0) / 1e9);
    cluster.processes().forEach(p -> p.handle().ifPresent(started::add));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ProcessHandle p : started) {
      if (p.isAlive() && !isDaemon(p)) {
        ProcessTrees.kill(List.of(p)); // a driver left running by a failed test
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new ClusterCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("stop", "--dir", clusterDir.toString());
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
    assertEquals(0, exit, "cluster stop: " + out + err);
    assertFalse(Files.exists(clusterDir.resolve(ClusterState.FILE)), "the state file is removed");
    List<Long> alive =
        started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    assertEquals(List.of(), alive, "processes left running: " + alive);
    // Nothing else runs from this cluster's Spark home either (an executor the test did not see).
    String home = clusterDir.toAbsolutePath().toString();
    List<String> strays =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false))
            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
            .toList();
    assertEquals(List.of(), strays, "processes still running from " + home);
  }

  private static boolean isDaemon(ProcessHandle p) {
    return cluster != null && cluster.processes().stream().anyMatch(d -> d.pid() == p.pid());
  }

  private static void stopQuietly() {
    try {
      started.forEach(ProcessHandle::destroyForcibly);
      StandaloneCluster.stop(clusterDir, Duration.ofSeconds(2));
    } catch (IOException | InterruptedException | RuntimeException e) {
      // The JVM is exiting; the test already failed or was interrupted. Nothing more can be done.
      System.err.println("stopping the test cluster at exit failed: " + e);
    }
  }

  @Test
  @Order(1)
  void bothWorkersRegisterWithOneCoreAndOneGigabyte() throws Exception {
    MasterStatus status = MasterStatus.query(cluster.masterWebUi());
    assertEquals("ALIVE", status.status());
    assertEquals(cluster.masterUrl(), status.url());
    assertEquals(2, status.aliveWorkers().size(), "alive workers: " + status.workers());
    for (MasterStatus.Worker w : status.aliveWorkers()) {
      assertEquals(StandaloneCluster.HOST, w.host(), w.toString());
      assertEquals(1, w.cores(), w.toString());
      assertEquals(1024, w.memoryMb(), w.toString());
    }

    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new ClusterCommand())
            .setOut(new PrintWriter(out))
            .execute("status", "--dir", clusterDir.toString());
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains("2 of 2 workers alive"), out.toString());

    StringWriter err = new StringWriter();
    exit =
        new CommandLine(new ClusterCommand())
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute("start", "--dir", clusterDir.toString());
    assertEquals(1, exit, "a second start in the same directory is refused: " + err);
    assertTrue(err.toString().contains("already running"), err.toString());
  }

  @Test
  @Order(2)
  void sweepSurvivesTheLossOfAWorkerRunningItsTasksAndWritesTheUndisturbedTables()
      throws Exception {
    Path config = tmp.resolve("cluster-kill.yaml");
    Files.writeString(config, CONFIG);

    // The undisturbed run: embedded Spark, two cores (README, Random streams and determinism: the
    // same numbers in every mode).
    Path reference = tmp.resolve("reference");
    long t0 = System.nanoTime();
    Process undisturbed =
        startDriver(config, reference, "local[2]", List.of(), tmp.resolve("reference.log"));
    awaitSuccess(undisturbed, tmp.resolve("reference.log"));
    System.out.printf("undisturbed local[2] sweep: %.1f s%n", (System.nanoTime() - t0) / 1e9);

    // The disturbed run on the cluster, with its event log and web UI for the evidence. The
    // driver binds to 127.0.0.1 through SPARK_LOCAL_IP, as bin/collapse does for this cluster.
    Path events = Files.createDirectories(tmp.resolve("events"));
    int uiPort = StandaloneCluster.freePort();
    Path disturbedOut = tmp.resolve("disturbed");
    Path driverLog = tmp.resolve("disturbed.log");
    t0 = System.nanoTime();
    Process driver =
        startDriver(
            config,
            disturbedOut,
            cluster.masterUrl(),
            List.of(
                // Tasks start only once both executors are up, so each worker gets a share of them.
                "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "spark.ui.enabled=true",
                "spark.ui.port=" + uiPort,
                "spark.eventLog.enabled=true",
                "spark.eventLog.dir=" + events.toUri(),
                "spark.eventLog.compress=false"),
            driverLog);

    DaemonProcess victim = cluster.workers().get(0);
    ProcessHandle victimHandle =
        victim.handle().orElseThrow(() -> new AssertionError(victim + " is not running"));
    Busy busy = awaitBusyExecutor(driver, victim, "http://127.0.0.1:" + uiPort, driverLog);
    System.out.printf(
        "killing %s (pid %d) and its executor %s (pid %d): %d active task(s) after %.1f s%n",
        victim.role(),
        victim.pid(),
        busy.executorId(),
        busy.executor().pid(),
        busy.activeTasks(),
        (System.nanoTime() - t0) / 1e9);
    List<ProcessHandle> survivors = ProcessTrees.kill(List.of(victimHandle));
    assertEquals(List.of(), survivors, "killed processes still alive");
    assertFalse(busy.executor().isAlive(), "the executor was killed");

    awaitSuccess(driver, driverLog);
    System.out.printf("disturbed cluster sweep: %.1f s%n", (System.nanoTime() - t0) / 1e9);

    // The kill hit work in progress: the executor was removed, a task it was running failed
    // because of that, and the same task then succeeded on the other executor.
    EventLog log = EventLog.read(events);
    assertTrue(
        log.executorsRemoved().contains(busy.executorId()),
        "no SparkListenerExecutorRemoved for executor "
            + busy.executorId()
            + "; removed: "
            + log.executorsRemoved());
    List<TaskEnd> lost =
        log.taskEnds().stream()
            .filter(
                t ->
                    t.executorId().equals(busy.executorId())
                        && t.reason().equals("ExecutorLostFailure"))
            .toList();
    assertFalse(
        lost.isEmpty(),
        "no task of executor "
            + busy.executorId()
            + " ended with ExecutorLostFailure; its tasks: "
            + log.taskEnds().stream()
                .filter(t -> t.executorId().equals(busy.executorId()))
                .toList());
    for (TaskEnd failed : lost) {
      assertTrue(
          log.taskEnds().stream()
              .anyMatch(
                  t ->
                      t.stageId() == failed.stageId()
                          && t.index() == failed.index()
                          && t.reason().equals("Success")
                          && !t.executorId().equals(busy.executorId())),
          "task " + failed + " was not rerun successfully on another executor: " + log.taskEnds());
    }
    System.out.printf(
        "event log: executor %s removed, %d task(s) lost and rerun: %s%n",
        busy.executorId(), lost.size(), lost);

    assertSameTables(reference, disturbedOut);
  }

  // ---------------------------------------------------------------------------------------------
  // The driver JVM

  private static Process startDriver(
      Path config, Path out, String master, List<String> conf, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SweepDriver.class.getName());
    command.addAll(
        List.of("sweep", config.toString(), "--master", master, "--out", out.toString()));
    for (String c : conf) {
      command.add("--conf");
      command.add(c);
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("SPARK_"));
    builder.environment().put("SPARK_LOCAL_IP", StandaloneCluster.HOST);
    Process process = builder.start();
    process.getOutputStream().close();
    started.add(process.toHandle());
    return process;
  }

  private static void awaitSuccess(Process driver, Path log) throws Exception {
    if (!driver.waitFor(SWEEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      ProcessTrees.kill(List.of(driver.toHandle()));
      fail(
          "the sweep did not finish within "
              + SWEEP_TIMEOUT.toMinutes()
              + " min; its log ends:\n"
              + StandaloneCluster.tail(log, 40));
    }
    assertEquals(
        0,
        driver.exitValue(),
        "the sweep's exit code; its log ends:\n" + StandaloneCluster.tail(log, 40));
  }

  /** An executor of the victim worker, and how many tasks the driver reports running on it. */
  private record Busy(String executorId, ProcessHandle executor, int activeTasks) {}

  /**
   * Waits until the driver reports a running task on the executor that {@code worker} launched for
   * the sweep, and returns that executor (its id and process).
   */
  private static Busy awaitBusyExecutor(
      Process driver, DaemonProcess worker, String driverUi, Path driverLog) throws Exception {
    long deadline = System.nanoTime() + SWEEP_TIMEOUT.toNanos();
    String lastSeen = "nothing yet";
    while (System.nanoTime() < deadline) {
      if (!driver.isAlive()) {
        fail(
            "the sweep ended (exit "
                + driver.exitValue()
                + ") before "
                + worker.role()
                + " ran a task of it ("
                + lastSeen
                + "); its log ends:\n"
                + StandaloneCluster.tail(driverLog, 40));
      }
      Optional<ProcessHandle> executor =
          worker
              .handle()
              .flatMap(
                  w ->
                      w.descendants()
                          .filter(
                              p ->
                                  p.info()
                                      .commandLine()
                                      .map(c -> c.contains("CoarseGrainedExecutorBackend"))
                                      .orElse(false))
                          .findFirst());
      if (executor.isPresent()) {
        started.add(executor.get());
        String executorId = argument(executor.get(), "--executor-id");
        try {
          JsonNode apps = getJson(driverUi + "/api/v1/applications");
          String appId = apps.path(0).path("id").asText();
          for (JsonNode e : getJson(driverUi + "/api/v1/applications/" + appId + "/executors")) {
            if (e.path("id").asText().equals(executorId)) {
              int active = e.path("activeTasks").asInt();
              lastSeen =
                  "executor "
                      + executorId
                      + " of "
                      + worker.role()
                      + ": "
                      + active
                      + " active task(s)";
              if (active > 0) {
                return new Busy(executorId, executor.get(), active);
              }
            }
          }
        } catch (IOException e) {
          lastSeen = "the driver's web UI did not answer: " + e;
        }
      }
      Thread.sleep(100);
    }
    fail(
        "no task of the sweep ran on "
            + worker.role()
            + " within "
            + SWEEP_TIMEOUT.toMinutes()
            + " min: "
            + lastSeen);
    throw new AssertionError("unreachable");
  }

  private static String argument(ProcessHandle process, String name) {
    String[] args =
        process
            .info()
            .arguments()
            .orElseThrow(() -> new AssertionError("no arguments for " + process));
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    throw new AssertionError(name + " not in " + Arrays.toString(args));
  }

  private static JsonNode getJson(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  // ---------------------------------------------------------------------------------------------
  // The event log

  /** A finished task as the event log records it. */
  private record TaskEnd(int stageId, int index, int attempt, String executorId, String reason) {}

  private record EventLog(Set<String> executorsRemoved, List<TaskEnd> taskEnds) {
    static EventLog read(Path dir) throws IOException {
      // Spark 4 writes rolling event logs: DIR/eventlog_v2_APP/events_N_APP, N = 1, 2...
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files =
            walk.filter(
                    p -> Files.isRegularFile(p) && p.getFileName().toString().startsWith("events_"))
                .sorted(
                    Comparator.comparingInt(
                        p -> Integer.parseInt(p.getFileName().toString().split("_")[1])))
                .toList();
      }
      assertFalse(files.isEmpty(), "no event log under " + dir);
      Set<String> removed = new HashSet<>();
      List<TaskEnd> ends = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (Path file : files) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = JSON.readTree(line);
        switch (event.path("Event").asText()) {
          case "SparkListenerExecutorRemoved" -> removed.add(event.path("Executor ID").asText());
          case "SparkListenerTaskEnd" -> {
            JsonNode info = event.path("Task Info");
            ends.add(
                new TaskEnd(
                    event.path("Stage ID").asInt(),
                    info.path("Index").asInt(),
                    info.path("Attempt").asInt(),
                    info.path("Executor ID").asText(),
                    event.path("Task End Reason").path("Reason").asText()));
          }
          default -> {}
        }
      }
      return new EventLog(removed, ends);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The tables

  /**
   * Columns that may differ between runs (README, Random streams and determinism): wall-clock
   * times.
   */
  private static final Set<String> UNCOMPARED = Set.of("wall_ms");

  private static void assertSameTables(Path expectedDir, Path actualDir) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(expectedDir)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".arrow"))
          .sorted()
          .forEach(files::add);
    }
    assertFalse(files.isEmpty(), "no Arrow files in " + expectedDir);
    for (String name : files) {
      assertSameRows(
          name,
          OutputTestSupport.readArrow(expectedDir.resolve(name)),
          OutputTestSupport.readArrow(actualDir.resolve(name)));
    }
    assertSameRows(
        "generations/",
        OutputTestSupport.readParquetDir(expectedDir.resolve("generations")),
        OutputTestSupport.readParquetDir(actualDir.resolve("generations")));
    System.out.printf("identical tables: %s and generations/%n", files);
  }

  private static void assertSameRows(String table, ReadTable expected, ReadTable actual) {
    assertEquals(expected.columns(), actual.columns(), table + ": columns");
    assertFalse(expected.rows().isEmpty(), table + ": no rows");
    List<List<Object>> want = comparable(expected);
    List<List<Object>> got = comparable(actual);
    assertEquals(want.size(), got.size(), table + ": row count");
    for (int i = 0; i < want.size(); i++) {
      assertEquals(
          want.get(i),
          got.get(i),
          table
              + ": row "
              + i
              + " (sorted by cell_id, replicate, generation) of "
              + expected.columns());
    }
  }

  @SuppressWarnings("unchecked")
  private static int compareKeys(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  /**
   * The rows without the uncompared columns, sorted by (cell_id, replicate, generation) where
   * present.
   */
  private static List<List<Object>> comparable(ReadTable table) {
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      if (!UNCOMPARED.contains(table.columns().get(c))) {
        keep.add(c);
      }
    }
    Comparator<Object[]> order = Comparator.comparing(r -> 0);
    for (String key : List.of("cell_id", "replicate", "generation")) {
      int c = table.columns().indexOf(key);
      if (c >= 0) {
        order = order.thenComparing((a, b) -> compareKeys(a[c], b[c]));
      }
    }
    return table.rows().stream()
        .sorted(order)
        .map(r -> keep.stream().map(c -> r[c]).toList())
        .toList();
  }
}
