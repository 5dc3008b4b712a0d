package org.collapsesim.cluster;

import org.collapsesim.cli.CollapseCli;
import org.collapsesim.cli.SweepCommand;
import picocli.CommandLine;

/**
 * The {@code collapse} command line with {@code sweep} registered, as the main class of the driver
 * JVMs the cluster test starts (the test kills executors, never the JVM running JUnit).
 */
public final class SweepDriver {

  private SweepDriver() {}

  public static void main(String[] args) {
    CommandLine cli = CollapseCli.commandLine();
    if (!cli.getSubcommands().containsKey("sweep")) {
      cli.addSubcommand(new SweepCommand());
    }
    System.exit(cli.execute(args));
  }
}
