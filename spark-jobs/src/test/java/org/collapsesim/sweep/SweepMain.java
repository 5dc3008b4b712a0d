package org.collapsesim.sweep;

import org.collapsesim.cli.SweepCommand;
import picocli.CommandLine;

/** Test support: {@code collapse sweep} as a main class, for sweeps in a child JVM. */
public final class SweepMain {

  private SweepMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new SweepCommand()).execute(args));
  }
}
