package org.collapsesim.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collapse} command line (README, Commands). */
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

  /** Exit code of a bad command line or config (README, Commands). */
  static final int USAGE = 2;

  /** Exit code when a chain failed. */
  static final int CHAIN_FAILED = 1;

  /**
   * Exit code when the output could not be written or read (a disk that is full, a path that is not
   * a directory, a store that fails): nothing half-written is left visible, and a rerun (with
   * --resume for a sweep) finishes the work once the cause is fixed.
   */
  static final int OUTPUT_FAILED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The configured command line, for main and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new CollapseCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(CollapseCli::outputFailure);
  }

  /** An I/O failure anywhere in the cause chain becomes one line and {@link #OUTPUT_FAILED}. */
  private static int outputFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        command
            .getErr()
            .println(
                "collapse "
                    + command.getCommandName()
                    + ": the output could not be written or read: "
                    + io.getClass().getSimpleName()
                    + ": "
                    + io.getMessage()
                    + " (nothing half-written is visible; fix the cause and run again, with"
                    + " --resume for a sweep)");
        command.getErr().flush();
        return OUTPUT_FAILED;
      }
    }
    throw e;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
