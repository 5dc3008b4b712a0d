package org.collapsesim.cli;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code collapse} command line (README, Commands).
 *
 * <p>The subcommands are added in {@link #commandLine(String)} rather than listed in the
 * annotation, so that a start that names its command builds only that one: picocli reads every
 * option of a command by reflection on its annotations, and the whole tree cost about 30 ms of CPU
 * (of a 0.4 s run) that {@code collapse run} never uses (docs/internals.md, "Launcher and
 * start-up").
 */
@Command(
    name = "collapse",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "collapse-sim: a distributed simulator of model collapse.")
public final class CollapseCli implements Runnable {

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          SweepCommand.class,
          RunCommand.class,
          ValidateCommand.class,
          DescribeCommand.class,
          CtmCommand.class,
          ClusterCommand.class,
          ReportCommand.class,
          CommandLine.HelpCommand.class);

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

  /** The configured command line with every subcommand, for tests. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line that runs {@code args}: with only the subcommand that {@code args[0]} names,
   * else (no arguments, an option first, an unknown name, help) with all of them.
   */
  static CommandLine forArguments(String... args) {
    return commandLine(args.length > 0 ? args[0] : null);
  }

  /**
   * The configured command line with only the subcommand named {@code only}, or with all of them
   * when {@code only} is null or names none but help (which lists them all).
   */
  private static CommandLine commandLine(String only) {
    CommandLine cl = new CommandLine(new CollapseCli());
    List<Class<?>> chosen =
        SUBCOMMANDS.stream().filter(c -> nameOf(c).equals(only) && !"help".equals(only)).toList();
    for (Class<?> command : chosen.isEmpty() ? SUBCOMMANDS : chosen) {
      cl.addSubcommand(command);
    }
    // after the subcommands: picocli applies these settings to the commands present
    return cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new OutputFailure());
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /**
   * An I/O failure anywhere in the cause chain becomes one line and {@link #OUTPUT_FAILED}. A class
   * rather than a lambda: JDK 17 archives a Java 5 class file (picocli's) only if the archive's
   * dump did not link it, and a lambda's call site links its interface, so with a lambda this
   * interface and the handler picocli installs were read from the jar on every start.
   */
  private static final class OutputFailure implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
      return outputFailure(e, command);
    }
  }

  private static int outputFailure(Exception e, CommandLine command) throws Exception {
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
    // picocli looks for Groovy's closure class as it starts; the miss makes the JVM read the
    // directory of every jar on the class path (40: ~25 ms). Commands that read a config pay that
    // anyway (SnakeYAML's logger looks up a service), describe, ctm and help no longer do
    // (describe: 0.25-0.38 / 0.21-0.29 CPU s). collapse-sim has no Groovy.
    System.setProperty("picocli.disable.closures", "true");
    System.exit(forArguments(args).execute(args));
  }
}
