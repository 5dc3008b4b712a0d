package org.collapsesim.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One JVM of the cluster, as recorded in the state file: its role ({@code master}, {@code
 * worker-1}...), process id and start time (together they identify the process even after its id is
 * reused), its log and its web UI port.
 *
 * @param role {@code master} or {@code worker-N}
 * @param pid the operating system's process id
 * @param startMillis the process's start time, epoch milliseconds, as the OS reports it
 * @param log the file that receives the process's stdout and stderr
 * @param webUiPort the port of its web UI on 127.0.0.1
 */
public record DaemonProcess(String role, long pid, long startMillis, Path log, int webUiPort) {

  /** The live process this record names, or empty when it has ended (or its id was reused). */
  public Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h -> h.info().startInstant().map(i -> i.toEpochMilli() == startMillis).orElse(false));
  }

  /** Whether this is a worker. */
  @JsonIgnore
  public boolean isWorker() {
    return role.startsWith("worker-");
  }

  static DaemonProcess of(String role, ProcessHandle handle, Path log, int webUiPort) {
    long start =
        handle
            .info()
            .startInstant()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the OS does not report the start time of " + handle.pid()))
            .toEpochMilli();
    return new DaemonProcess(role, handle.pid(), start, log, webUiPort);
  }
}
