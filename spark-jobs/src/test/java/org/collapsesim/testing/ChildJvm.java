package org.collapsesim.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM for the tests of what a process does on its own (killed mid-sweep, another kernel
 * choice, another class path): this JVM's java and flags (Surefire's argLine: Spark's module flags
 * and the Vector API, as bin/collapse gives them) with a class path and system properties of the
 * test's choosing, both output streams to one log file.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** This JVM's class path. */
  public static String thisClassPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * Starts {@code mainClass} with {@code args} on {@code classPath}; {@code properties} ("-Dk=v")
   * replace this JVM's settings of the same keys. Output to {@code log}.
   */
  public static Process start(
      Path log, String classPath, List<String> properties, Class<?> mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      boolean agent = flag.startsWith("-agentlib") || flag.startsWith("-javaagent");
      if (!agent && properties.stream().noneMatch(p -> sameProperty(p, flag))) {
        command.add(flag);
      }
    }
    command.addAll(properties);
    command.addAll(List.of("-cp", classPath, mainClass.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Runs as {@link #start} does and waits (at most 300 s): the exit code. */
  public static int run(
      Path log, String classPath, List<String> properties, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    Process child = start(log, classPath, properties, mainClass, args);
    if (!child.waitFor(300, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("the child JVM did not finish in 300 s:\n" + read(log));
    }
    return child.exitValue();
  }

  /** A child's log, for a failure's message. */
  public static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean sameProperty(String property, String flag) {
    int eq = property.indexOf('=');
    return property.startsWith("-D") && eq > 0 && flag.startsWith(property.substring(0, eq + 1));
  }
}
