package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.collapsesim.cluster.ClusterException;
import org.collapsesim.cluster.ClusterSpec;
import org.collapsesim.cluster.ClusterState;
import org.collapsesim.cluster.DaemonProcess;
import org.collapsesim.cluster.MasterStatus;
import org.collapsesim.cluster.StandaloneCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collapse cluster start|stop|status}: a standalone Spark master and workers on 127.0.0.1,
 * started from the project's own jars, to try {@code collapse sweep --master spark://...} on one
 * machine.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Starts, stops or shows a standalone Spark cluster on 127.0.0.1: a master and workers",
      "run from the project's own jars (no Spark download). Then:",
      "  collapse sweep CONFIG --master <the master URL printed by start>"
    },
    subcommands = {
      ClusterCommand.Start.class,
      ClusterCommand.Stop.class,
      ClusterCommand.Status.class
    })
public final class ClusterCommand implements Runnable {

  /** Exit code when the cluster could not be started or stopped, or is not running. */
  static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "start, stop or status is required");
  }

  /**
   * The cluster directory default: state file, logs, the generated Spark home, work directories.
   */
  static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".collapse-sim", "cluster");
  }

  /** The option every subcommand shares. */
  static final class DirOption {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "the cluster directory: state, logs, work (default: ~/.collapse-sim/cluster)")
    Path dir = defaultDir();
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Starts a master and workers on 127.0.0.1 and waits until every worker has registered.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin DirOption dir = new DirOption();

    @Option(
        names = "--workers",
        paramLabel = "N",
        description = "number of workers (default: ${DEFAULT-VALUE})")
    int workers = 2;

    @Option(
        names = "--cores",
        paramLabel = "N",
        description = "cores per worker (default: ${DEFAULT-VALUE})")
    int cores = 1;

    @Option(
        names = "--memory",
        paramLabel = "SIZE",
        description = "executor memory per worker, like 1g or 1536m (default: ${DEFAULT-VALUE})")
    String memory = "1g";

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        description = "how long to wait for the workers to register (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = 120;

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ClusterSpec cluster;
      try {
        cluster =
            new ClusterSpec(
                dir.dir,
                workers,
                cores,
                memory,
                ClusterSpec.currentClassPath(),
                Duration.ofSeconds(timeoutSeconds));
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return CollapseCli.USAGE;
      }
      ClusterState state;
      try {
        state = StandaloneCluster.start(cluster);
      } catch (ClusterException e) {
        err.println("collapse cluster start: " + e.getMessage());
        return FAILED;
      }
      print(out, state);
      // bin/collapse binds the driver to 127.0.0.1 for a master on 127.0.0.1 (SPARK_LOCAL_IP).
      out.printf("%nrun a sweep on it:  collapse sweep CONFIG --master %s%n", state.masterUrl());
      out.printf(
          "stop it:            collapse cluster stop%s%n",
          dir.dir.equals(defaultDir()) ? "" : " --dir " + dir.dir);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stops the workers (and their executors), then the master, started by 'cluster start'.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin DirOption dir = new DirOption();

    @Option(
        names = "--grace",
        paramLabel = "SECONDS",
        description =
            "time to end cleanly before the processes are killed (default: ${DEFAULT-VALUE})")
    int graceSeconds = 10;

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      try {
        StandaloneCluster.stop(dir.dir, Duration.ofSeconds(graceSeconds)).forEach(out::println);
      } catch (ClusterException e) {
        spec.commandLine().getErr().println("collapse cluster stop: " + e.getMessage());
        return FAILED;
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Shows the cluster's processes and what the master reports; exit 0 when it is up.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin DirOption dir = new DirOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      Optional<ClusterState> state = ClusterState.read(dir.dir.toAbsolutePath());
      if (state.isEmpty()) {
        out.println("no cluster recorded in " + dir.dir.toAbsolutePath());
        out.flush();
        return FAILED;
      }
      print(out, state.get());
      boolean up = state.get().processes().stream().allMatch(p -> p.handle().isPresent());
      try {
        MasterStatus master = MasterStatus.query(state.get().masterWebUi());
        out.printf(
            "master reports %s: %d of %d workers alive, %d application(s) running%n",
            master.status(),
            master.aliveWorkers().size(),
            master.workers().size(),
            master.activeApps().size());
        for (MasterStatus.Worker w : master.workers()) {
          out.printf(
              "  %s %s:%d  %s  cores %d/%d used%n",
              w.id(), w.host(), w.port(), w.state(), w.coresUsed(), w.cores());
        }
      } catch (IOException e) {
        out.println("the master does not answer: " + e);
        up = false;
      }
      out.flush();
      return up ? 0 : FAILED;
    }
  }

  private static void print(PrintWriter out, ClusterState state) {
    out.printf("master    %s  (web UI %s)%n", state.masterUrl(), state.masterWebUi());
    for (DaemonProcess p : state.processes()) {
      out.printf(
          "%-9s pid %-8d %-8s web UI %s  log %s%n",
          p.role(),
          p.pid(),
          p.handle().isPresent() ? "running" : "ended",
          StandaloneCluster.webUi(p),
          p.log());
    }
  }
}
