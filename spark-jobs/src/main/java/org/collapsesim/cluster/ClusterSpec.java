package org.collapsesim.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to start: the cluster directory (state, logs, the Spark home and the workers' work
 * directories), the number of workers, each worker's cores and executor memory, and the class path
 * the daemons and executors run from.
 *
 * @param dir the cluster directory
 * @param workers the number of workers, at least 1
 * @param coresPerWorker cores each worker offers, at least 1
 * @param memoryPerWorker memory each worker offers to executors, in Spark's notation ({@code 1g},
 *     {@code 1536m}); an executor takes {@code spark.executor.memory} (default 1g) of it
 * @param classPath jars and class directories; directories are packed into jars (see {@link
 *     SparkHome})
 * @param startTimeout how long to wait for every worker to register with the master
 */
public record ClusterSpec(
    Path dir,
    int workers,
    int coresPerWorker,
    String memoryPerWorker,
    List<Path> classPath,
    Duration startTimeout) {

  private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*[kmgtKMGT]");

  public ClusterSpec {
    if (dir == null) {
      throw new IllegalArgumentException("dir: required");
    }
    if (!(workers >= 1 && workers <= 16)) {
      throw new IllegalArgumentException("workers: " + workers + " is not in [1, 16]");
    }
    if (!(coresPerWorker >= 1)) {
      throw new IllegalArgumentException("coresPerWorker: " + coresPerWorker + " is not >= 1");
    }
    if (memoryPerWorker == null || !MEMORY.matcher(memoryPerWorker).matches()) {
      throw new IllegalArgumentException(
          "memoryPerWorker: " + memoryPerWorker + " is not a size like 1g or 1536m");
    }
    if (classPath == null || classPath.isEmpty()) {
      throw new IllegalArgumentException("classPath: empty");
    }
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout: " + startTimeout + " is not positive");
    }
    classPath = List.copyOf(classPath);
  }

  /** This JVM's class path: the jars (and, under a test runner, class directories) it runs from. */
  public static List<Path> currentClassPath() {
    return Pattern.compile(Pattern.quote(java.io.File.pathSeparator))
        .splitAsStream(System.getProperty("java.class.path"))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .toList();
  }
}
