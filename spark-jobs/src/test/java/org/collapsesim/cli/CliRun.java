package org.collapsesim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code collapse} command line with its exit code and captured output,
 * for the command tests: the command line main builds for these arguments.
 */
record CliRun(int code, String out, String err) {

  static CliRun execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CollapseCli.forArguments(args);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
