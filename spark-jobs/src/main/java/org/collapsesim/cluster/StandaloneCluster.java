package org.collapsesim.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.launcher.JavaModuleOptions;
import org.collapsesim.io.FsPath;

/**
 * Starts and stops a standalone Spark cluster on 127.0.0.1: one master and N workers, each a JVM
 * launched from the project's class path (see {@link SparkHome}), on free ports. The cluster
 * directory holds the state file ({@link ClusterState}), {@code logs/} and the workers' work
 * directories ({@code work/worker-N/APP/EXECUTOR/stderr} are the executors' logs).
 *
 * <p>Everything binds to the loopback address: this is for trying the cluster path on one machine,
 * not for serving other hosts.
 */
public final class StandaloneCluster {

  /** The only address the cluster binds to. */
  public static final String HOST = "127.0.0.1";

  private static final String SPARK_HOME = "spark-home";
  private static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  private static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";

  /**
   * The daemons only coordinate (executors get their own JVMs): a small heap, a cheap JIT and GC.
   */
  private static final List<String> DAEMON_JVM =
      List.of(
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          // A killed worker is declared dead after 15 s without a heartbeat (Spark's default: 60
          // s).
          // Master and workers must agree: a worker sends a heartbeat every quarter of its own
          // setting.
          "-Dspark.worker.timeout=15");

  private StandaloneCluster() {}

  /**
   * Starts a master and {@code spec.workers()} workers and waits until every worker has registered.
   * On failure every process started is stopped again and the exception names the process and
   * quotes the end of its log.
   *
   * @throws ClusterException if a cluster is already running in the directory, or the cluster did
   *     not come up within the timeout
   */
  public static ClusterState start(ClusterSpec spec) throws IOException, InterruptedException {
    Path dir = spec.dir().toAbsolutePath().normalize();
    Optional<ClusterState> previous = ClusterState.read(dir);
    if (previous.isPresent()
        && previous.get().processes().stream().anyMatch(p -> p.handle().isPresent())) {
      throw new ClusterException(
          "a cluster is already running in "
              + dir
              + " (master "
              + previous.get().masterUrl()
              + "); stop it first");
    }
    Files.createDirectories(dir);
    Path logs = dir.resolve("logs");
    Path work = dir.resolve("work");
    FsPath.local(logs).deleteRecursively();
    FsPath.local(work).deleteRecursively();
    Files.createDirectories(logs);
    SparkHome home = SparkHome.create(dir.resolve(SPARK_HOME), spec.classPath());

    int masterPort = freePort();
    int masterUiPort = freePort();
    String masterUrl = "spark://" + HOST + ":" + masterPort;
    String masterWebUi = "http://" + HOST + ":" + masterUiPort;
    List<DaemonProcess> started = new ArrayList<>();
    try {
      started.add(
          launch(
              home,
              "master",
              logs,
              masterUiPort,
              List.of(
                  // The REST submission server listens on a fixed port (6066): off, so clusters can
                  // run side by side.
                  "-Dspark.master.rest.enabled=false",
                  MASTER_CLASS,
                  "--host",
                  HOST,
                  "--port",
                  Integer.toString(masterPort),
                  "--webui-port",
                  Integer.toString(masterUiPort))));
      new ClusterState(masterUrl, masterWebUi, started).write(dir);
      for (int i = 1; i <= spec.workers(); i++) {
        int uiPort = freePort();
        Path workDir = work.resolve("worker-" + i);
        Files.createDirectories(workDir);
        started.add(
            launch(
                home,
                "worker-" + i,
                logs,
                uiPort,
                List.of(
                    WORKER_CLASS,
                    "--host",
                    HOST,
                    "--port",
                    "0",
                    "--webui-port",
                    Integer.toString(uiPort),
                    "--cores",
                    Integer.toString(spec.coresPerWorker()),
                    "--memory",
                    spec.memoryPerWorker(),
                    "--work-dir",
                    workDir.toString(),
                    masterUrl)));
        new ClusterState(masterUrl, masterWebUi, started).write(dir);
      }
      ClusterState state = new ClusterState(masterUrl, masterWebUi, started);
      awaitWorkers(state, spec.workers(), spec.startTimeout());
      return state;
    } catch (Throwable t) {
      // Whatever went wrong (even an Error), nothing started may outlive the failed start.
      try {
        stopProcesses(started, Duration.ofSeconds(5));
      } catch (Throwable suppressed) {
        t.addSuppressed(suppressed);
      }
      throw t;
    }
  }

  /**
   * Stops the cluster recorded in {@code dir}: workers (with their executors) first, then the
   * master; SIGTERM, then SIGKILL after {@code grace}. Removes the state file and the generated
   * Spark home; the logs and the workers' work directories stay.
   *
   * @return one line per process: its role, id and what happened
   * @throws ClusterException if a process could not be ended
   */
  public static List<String> stop(Path dir, Duration grace)
      throws IOException, InterruptedException {
    Path absolute = dir.toAbsolutePath().normalize();
    Optional<ClusterState> state = ClusterState.read(absolute);
    if (state.isEmpty()) {
      return List.of("no cluster recorded in " + absolute);
    }
    List<String> report = stopProcesses(state.get().processes(), grace);
    Files.deleteIfExists(absolute.resolve(ClusterState.FILE));
    // The Spark home is only links made at start; logs/ and work/ (executor logs) stay for reading.
    FsPath.local(absolute.resolve(SPARK_HOME)).deleteRecursively();
    return report;
  }

  /** The web UI of a worker on its port, for its {@code /json/} (executors, cores used). */
  public static String webUi(DaemonProcess process) {
    return "http://" + HOST + ":" + process.webUiPort();
  }

  private static List<String> stopProcesses(List<DaemonProcess> processes, Duration grace)
      throws InterruptedException {
    List<String> report = new ArrayList<>();
    List<DaemonProcess> order = new ArrayList<>(processes);
    // Workers before the master, so no worker re-registers or tries to reconnect in between.
    order.sort((a, b) -> Boolean.compare(!a.isWorker(), !b.isWorker()));
    List<ProcessHandle> live = new ArrayList<>();
    for (DaemonProcess p : order) {
      Optional<ProcessHandle> handle = p.handle();
      handle.ifPresent(live::add);
      report.add(
          p.role()
              + " (pid "
              + p.pid()
              + "): "
              + (handle.isPresent() ? "stopped" : "was not running"));
    }
    List<ProcessHandle> workers = live.stream().filter(h -> !isMaster(h, processes)).toList();
    List<ProcessHandle> left = new ArrayList<>(ProcessTrees.terminate(workers, grace));
    left.addAll(
        ProcessTrees.terminate(live.stream().filter(h -> isMaster(h, processes)).toList(), grace));
    if (!left.isEmpty()) {
      throw new ClusterException(
          "could not end processes " + left.stream().map(ProcessHandle::pid).toList());
    }
    return report;
  }

  private static boolean isMaster(ProcessHandle handle, List<DaemonProcess> processes) {
    return processes.stream().anyMatch(p -> !p.isWorker() && p.pid() == handle.pid());
  }

  private static DaemonProcess launch(
      SparkHome home, String role, Path logs, int webUiPort, List<String> mainAndArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    command.addAll(DAEMON_JVM);
    command.add("-cp");
    command.add(home.classPath());
    command.addAll(mainAndArgs);
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(home.root().toFile()).redirectErrorStream(true);
    Path log = logs.resolve(role + ".log");
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    // The daemons (and the executors, which inherit the worker's environment) see only our SPARK_*.
    env.keySet().removeIf(k -> k.startsWith("SPARK_"));
    env.put("SPARK_HOME", home.root().toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    env.put("SPARK_LOCAL_HOSTNAME", HOST);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    return DaemonProcess.of(role, process.toHandle(), log, webUiPort);
  }

  private static void awaitWorkers(ClusterState state, int workers, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastSeen = "the master's web UI did not answer";
    while (System.nanoTime() < deadline) {
      for (DaemonProcess p : state.processes()) {
        if (p.handle().isEmpty()) {
          throw new ClusterException(
              p.role()
                  + " (pid "
                  + p.pid()
                  + ") exited while the cluster was starting; "
                  + "the end of "
                  + p.log()
                  + ":\n"
                  + tail(p.log(), 30));
        }
      }
      try {
        MasterStatus status = MasterStatus.query(state.masterWebUi());
        if (status.aliveWorkers().size() >= workers) {
          return;
        }
        lastSeen = status.aliveWorkers().size() + " of " + workers + " workers registered";
      } catch (IOException e) {
        // Not listening yet: keep polling until the deadline.
        lastSeen = "the master's web UI did not answer: " + e;
      }
      Thread.sleep(250);
    }
    throw new ClusterException(
        "the cluster did not start within "
            + timeout.toSeconds()
            + " s ("
            + lastSeen
            + "); the end of "
            + state.master().log()
            + ":\n"
            + tail(state.master().log(), 30));
  }

  /** The last {@code lines} lines of a log, for error messages. */
  public static String tail(Path log, int lines) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** A free TCP port on the loopback address (free now; the daemon binds it a moment later). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }
}
