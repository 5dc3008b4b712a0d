package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: exit codes, messages, and what run / validate / describe print. */
class CliTest {

  @TempDir Path dir;

  private static CliRun execute(String... args) {
    return CliRun.execute(args);
  }

  private Path config(String yaml) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static final String GRID =
      "name: t\nseed: 4\nreplicates: 20\ngenerations: 9\nfamily: categorical\n"
          + "truth: {distribution: uniform}\n"
          + "grid: {model_size: [10, 20], alpha: [0.0, 0.5]}\nparams: {samples: 100}\n";

  @Test
  void runPrintsMeasuredMeansBesideTheTheory() throws IOException {
    CliRun r = execute("run", config(GRID).toString(), "--cell", "model_size=10,alpha=0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("gini_simpson mean +- sd"), r.out());
    assertTrue(r.out().contains("theory"), r.out());
    // docs/theory.md: uniform over 10, M = 100, generation 9: E[GS] = 0.81394
    assertTrue(
        r.out().lines().anyMatch(l -> l.trim().startsWith("9 ") && l.contains("0.81394")), r.out());
  }

  @Test
  void runSelectsACellByIndex() throws IOException {
    CliRun r = execute("run", config(GRID).toString(), "--cell", "3", "--set", "generations=2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("model_size=20"), r.out());
    assertTrue(r.out().contains("alpha=0.5"), r.out());
  }

  /**
   * A cell whose truth its parameters cannot build (a random markov table reaching more than its
   * 2^20 contexts) is a usage error with the parameters to change, before anything is written: for
   * validate, for run, and for a sweep whose chains run in this JVM (in-process, or on Spark in
   * local mode), which prepares its cells before it touches the output.
   */
  @Test
  void aTruthTheParametersCannotBuildIsAUsageErrorBeforeAnythingIsWritten() throws IOException {
    Path file =
        config(
            "name: big\nseed: 1\nreplicates: 1\ngenerations: 1\nfamily: markov\n"
                + "params: {model_size: 2000, order: 2, samples: 100}\n");
    String why = "cell 0: the random truth reaches more than 1048576 contexts (model_size 2000";
    CliRun validate = execute("validate", file.toString());
    assertEquals(2, validate.code(), validate.out());
    assertTrue(validate.err().contains(why), validate.err());
    Path out = dir.resolve("out");
    CliRun run = execute("run", file.toString(), "--out", out.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(why), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    for (String engine : new String[] {"local", "spark"}) { // spark: local[*], this JVM
      CliRun sweep = execute("sweep", file.toString(), "--engine", engine, "--out", out.toString());
      assertEquals(2, sweep.code(), sweep.err());
      assertTrue(sweep.err().contains("collapse sweep: " + why), sweep.err());
      assertFalse(Files.exists(out), "nothing written");
    }
  }

  @Test
  void runOfAMultiCellConfigWithoutCellNamesTheAxes() throws IOException {
    CliRun r = execute("run", config(GRID).toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("4 cells") && r.err().contains("model_size, alpha"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "model_size=30", "alpha=0.5"})
  void aSelectorThatDoesNotNameOneCellIsRejected(String selector) throws IOException {
    CliRun r = execute("run", config(GRID).toString(), "--cell", selector);
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("--cell: "), r.err());
  }

  @Test
  void everyConfigProblemIsReportedWithItsKeyAndNothingIsWritten() throws IOException {
    Path out = dir.resolve("out");
    Path file =
        config(
            "name: t\nseed: 4\ngenerations: 9\nfamily: categorical\n"
                + "grid: {alpha: [0.0, 0.5, 1.5]}\nparams: {samples: -3, model_size: 10, colour: red}\n");
    for (String command : new String[] {"validate", "run"}) {
      CliRun r =
          command.equals("run")
              ? execute("run", file.toString(), "--out", out.toString())
              : execute("validate", file.toString());
      assertEquals(2, r.code(), command);
      assertTrue(r.err().contains("grid.alpha[2]: 1.5"), r.err());
      assertTrue(r.err().contains("params.samples: -3"), r.err());
      assertTrue(r.err().contains("params.colour"), r.err());
    }
    assertFalse(Files.exists(out));
  }

  @Test
  void validatePrintsCellsChainsSamplesAndCost() throws IOException {
    CliRun r = execute("validate", config(GRID).toString(), "--set", "replicates=30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("cells         4"), r.out());
    assertTrue(r.out().contains("chains        120"), r.out());
    assertTrue(
        r.out().contains("samples       1.20e+05"), r.out()); // 120 chains x 10 generations x 100
    assertTrue(r.out().contains("core-seconds"), r.out());
  }

  @Test
  void describeListsFamiliesAndAFamilysMetrics() {
    CliRun all = execute("describe");
    assertEquals(0, all.code());
    assertTrue(all.out().contains("gaussian") && all.out().contains("categorical"), all.out());
    CliRun one = execute("describe", "categorical");
    assertEquals(0, one.code());
    assertTrue(
        one.out().contains("gini_simpson") && one.out().contains("1 - sum p_i^2"), one.out());
    assertTrue(one.out().contains("temperature"), one.out());
    CliRun sequence = execute("describe", "sequence");
    assertEquals(0, sequence.code());
    for (String part :
        List.of(
            "program: {fraction, prior, fit, gate, margin, max_period}",
            "Gamma(k+1/2) Gamma(n-k+1/2) / (pi Gamma(n+1))",
            "Krichevsky-Trofimov",
            "Soler-Toscano, Zenil",
            "BDM",
            "anchor_on, program_correct",
            "program.max_period")) {
      assertTrue(sequence.out().contains(part), part + " in\n" + sequence.out());
    }
    assertFalse(one.out().contains("program:"), "categorical has no program anchor");
    CliRun bad = execute("describe", "poisson");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("poisson is not a family"), bad.err());
  }

  @Test
  void runWritesTheOutputFilesAndRefusesANonEmptyDirectory() throws IOException {
    Path out = dir.resolve("out");
    Path file =
        config(
            GRID.replace(
                "params: {samples: 100}",
                "params: {samples: 100}\n" + "output: {formats: [arrow, parquet, csv]}"));
    CliRun first = execute("run", file.toString(), "--cell", "0", "--out", out.toString());
    assertEquals(0, first.code(), first.err());
    for (String name :
        new String[] {
          "manifest.json",
          "summary.arrow",
          "chains.arrow",
          "cells.arrow",
          "summary.csv",
          "chains.csv",
          "cells.csv",
          "generations"
        }) {
      assertTrue(Files.exists(out.resolve(name)), name + " missing: " + first.out());
    }
    CliRun again = execute("run", file.toString(), "--cell", "0", "--out", out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("not empty"), again.err());
    assertEquals(
        0,
        execute("run", file.toString(), "--cell", "0", "--out", out.toString(), "--overwrite")
            .code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "validate", "describe", "ctm"})
  void everyCommandHasHelp(String command) {
    CliRun r = execute(command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: collapse " + command), r.out());
  }

  /**
   * Main builds only the subcommand its first argument names; the top-level help, help COMMAND and
   * a mistyped command still see them all.
   */
  @Test
  void theTopLevelSeesEveryCommand() {
    List<String> all =
        List.of("sweep", "run", "validate", "describe", "ctm", "cluster", "report", "help");
    for (String[] args : new String[][] {{"--help"}, {"help"}}) {
      CliRun r = execute(args);
      assertEquals(0, r.code(), r.err());
      for (String command : all) {
        assertTrue(r.out().contains("\n  " + command + " "), command + " missing: " + r.out());
      }
    }
    CliRun help = execute("help", "cluster");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: collapse cluster"), help.out());
    assertEquals(
        List.of("run"), List.copyOf(CollapseCli.forArguments("run").getSubcommands().keySet()));
    CliRun typo = execute("rnu");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("'rnu'") && typo.err().contains("\n  run "), typo.err());
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    assertEquals(2, execute("run", "--bogus").code());
    assertEquals(2, execute().code());
  }
}
