package org.collapsesim.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.collapsesim.io.FsPath;

/**
 * The {@code SPARK_HOME} a worker needs, made from the project's class path instead of a Spark
 * download: {@code jars/} holds a symbolic link to every jar of the class path (and a jar packed
 * from each class directory, as under a test runner), {@code conf/log4j2.properties} sets the
 * daemons' and executors' logging. A worker launches its executors with {@code conf/} and {@code
 * jars/*} as their class path (Spark's {@code WorkerCommandBuilder}), so the executors see the
 * project's classes without the application shipping any jar.
 */
public final class SparkHome {

  /**
   * The log configuration of the daemons and executors: INFO, so a worker's executor logs show its
   * tasks.
   */
  static final String LOG4J2 =
      """
      # collapse cluster: daemons and executors log at INFO (an executor logs each task it runs).
      rootLogger.level = info
      rootLogger.appenderRef.stderr.ref = console
      appender.console.type = Console
      appender.console.name = console
      appender.console.target = SYSTEM_ERR
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex
      logger.jetty.name = org.sparkproject.jetty
      logger.jetty.level = warn
      logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader
      logger.nativecode.level = error
      """;

  private final Path root;

  private SparkHome(Path root) {
    this.root = root;
  }

  /** The Spark home's directory. */
  public Path root() {
    return root;
  }

  /** {@code conf/}. */
  public Path conf() {
    return root.resolve("conf");
  }

  /** {@code jars/}. */
  public Path jars() {
    return root.resolve("jars");
  }

  /** The daemons' class path: {@code conf/} then every jar of {@code jars/}. */
  public String classPath() {
    return conf() + java.io.File.pathSeparator + jars().resolve("*");
  }

  /**
   * (Re)creates {@code root} from {@code classPath}: entries that do not exist are skipped (a class
   * path may name optional folders), jars are linked, directories are packed.
   */
  public static SparkHome create(Path root, List<Path> classPath) throws IOException {
    SparkHome home = new SparkHome(root.toAbsolutePath().normalize());
    FsPath.local(home.root).deleteRecursively();
    Files.createDirectories(home.jars());
    Files.createDirectories(home.conf());
    Files.writeString(home.conf().resolve("log4j2.properties"), LOG4J2);
    Set<String> names = new HashSet<>();
    int packed = 0;
    for (Path entry : classPath) {
      Path source = entry.toAbsolutePath().normalize();
      if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".jar")) {
        Files.createSymbolicLink(
            home.jars().resolve(unique(names, source.getFileName().toString())), source);
      } else if (Files.isDirectory(source)) {
        // target/classes of module m becomes m-classes.jar: a worker's class path takes jars only.
        Path parent = source.getParent() == null ? null : source.getParent().getParent();
        String base =
            (parent == null || parent.getFileName() == null
                    ? "dir" + packed
                    : parent.getFileName().toString())
                + "-"
                + source.getFileName()
                + ".jar";
        pack(source, home.jars().resolve(unique(names, base)));
        packed++;
      }
    }
    return home;
  }

  private static String unique(Set<String> names, String name) {
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      candidate = i + "-" + name;
    }
    return candidate;
  }

  private static void pack(Path dir, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (file.equals(dir)) {
          continue;
        }
        String name = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        boolean directory = Files.isDirectory(file);
        jarOut.putNextEntry(new JarEntry(directory ? name + "/" : name));
        if (!directory) {
          Files.copy(file, jarOut);
        }
        jarOut.closeEntry();
      }
    }
  }
}
