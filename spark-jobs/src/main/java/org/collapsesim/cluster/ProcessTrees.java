package org.collapsesim.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ending processes together with their descendants (a worker and the executors it launched). */
public final class ProcessTrees {

  private ProcessTrees() {}

  /**
   * Asks each process and its descendants to end (SIGTERM), waits up to {@code grace} for them,
   * then kills what is left (SIGKILL) and waits for that too.
   *
   * @return the processes still alive at the end: empty unless the OS refused to end them
   */
  public static List<ProcessHandle> terminate(List<ProcessHandle> roots, Duration grace)
      throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle root : roots) {
      // Descendants first: once the root is gone they are re-parented and no longer found.
      root.descendants().forEach(all::add);
      all.add(root);
    }
    all.forEach(ProcessHandle::destroy);
    awaitExit(all, grace);
    all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    awaitExit(all, Duration.ofSeconds(10));
    return all.stream().filter(ProcessHandle::isAlive).toList();
  }

  /**
   * Kills (SIGKILL) each process and its descendants at once, with no grace, and waits for them.
   */
  public static List<ProcessHandle> kill(List<ProcessHandle> roots) throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle root : roots) {
      root.descendants().forEach(all::add);
      all.add(root);
    }
    all.forEach(ProcessHandle::destroyForcibly);
    awaitExit(all, Duration.ofSeconds(10));
    return all.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static void awaitExit(List<ProcessHandle> handles, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle handle : handles) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        exit.get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return; // the caller looks at who is still alive
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "waiting for process " + handle.pid() + " failed", e.getCause());
      }
    }
  }
}
