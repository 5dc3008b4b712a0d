package org.collapsesim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collapse} command line (SPEC §7). */
@Command(
    name = "collapse",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "collapse-sim: a distributed simulator of model collapse.",
    subcommands = {
      SweepCommand.class,
      RunCommand.class,
      ValidateCommand.class,
      DescribeCommand.class,
      CtmCommand.class,
      ClusterCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CollapseCli implements Runnable {

  /** Exit code of a bad command line or config (SPEC §7). */
  static final int USAGE = 2;

  /** Exit code when a chain failed. */
  static final int CHAIN_FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The configured command line, for main and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new CollapseCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
