package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The CONFIG argument and {@code --set} overrides shared by the commands that read a config. */
final class ConfigInput {

  @Parameters(index = "0", paramLabel = "CONFIG", description = "the sweep definition (YAML)")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "override any key of the config, e.g. --set grid.alpha=[0,0.5] --set replicates=1000")
  List<String> sets = new ArrayList<>();

  /**
   * Loads and validates the config; on failure prints every problem to {@code err} and returns null
   * (the caller exits 2 with nothing written).
   */
  SweepConfig load(PrintWriter err) {
    if (!Files.isRegularFile(config)) {
      err.println(config + ": no such config file");
      return null;
    }
    try {
      return ResourceLimits.enforce(ConfigLoader.load(Families.catalogue(), config, sets));
    } catch (ConfigException e) {
      err.println(config + ": " + e.problems().size() + " problem(s):");
      for (ConfigProblem p : e.problems()) {
        err.println("  " + p);
      }
      return null;
    } catch (IOException e) {
      err.println(config + ": cannot read: " + e.getMessage());
      return null;
    }
  }
}
