package org.collapsesim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.MechanismInfo;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.engine.Families;
import org.collapsesim.family.Family;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code collapse describe [FAMILY]}: families, their parameters and metric definitions. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description =
        "Lists the families, or one family's parameters (with defaults and allowed values) and metrics.")
final class DescribeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FAMILY", description = "a family name")
  String family;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (family == null) {
      out.println("families (family: NAME in a config; `collapse describe NAME` for details):");
      for (Family f : Families.all()) {
        out.printf("  %-12s %s%n", f.name(), f.description());
      }
      out.println();
      out.println("top-level keys:");
      for (ParameterSpec p : ConfigLoader.topLevelKeys(Families.catalogue())) {
        printParameter(out, p);
      }
      printMechanisms(out, null);
      out.flush();
      return 0;
    }
    if (!Families.catalogue().has(family)) {
      spec.commandLine()
          .getErr()
          .printf(
              "describe: %s is not a family; one of %s%n",
              family, String.join(", ", Families.catalogue().names()));
      return CollapseCli.USAGE;
    }
    Family f = Families.of(family);
    out.printf("%s: %s%n%n", f.name(), f.description());
    out.println("parameters (under grid: as a list to sweep, or under params: as one value):");
    for (ParameterSpec p : Families.catalogue().family(family).parameters()) {
      printParameter(out, p);
    }
    out.println();
    out.println("metrics (nats throughout):");
    for (MetricDefinition m : f.metrics()) {
      out.printf(
          "  %-16s %s%s%n",
          m.name(),
          m.definition(),
          switch (m.better()) {
            case HIGHER -> " (better: higher, less collapsed)";
            case LOWER -> " (better: lower, closer to the truth)";
            case TRUTH -> " (better: closer to the truth's own value)";
            case NEITHER -> "";
          });
    }
    printMechanisms(out, family);
    out.flush();
    return 0;
  }

  /** The anchoring mechanisms (of {@code family}, or all), each with its formula and paths. */
  private static void printMechanisms(PrintWriter out, String family) {
    out.println();
    out.println(
        "anchoring mechanisms (composable; compare them on the same worlds with a variants axis"
            + " and compare_to):");
    for (MechanismInfo m : Families.catalogue().mechanisms()) {
      if (family != null && !m.families().contains(family)) {
        continue;
      }
      out.printf("  %s%n", m.key());
      out.printf("      %s%n", m.formula());
      if (family != null) {
        String note = m.notes().get(family);
        if (!note.isEmpty()) {
          out.printf("      in %s: %s%n", family, note);
        }
      } else if (m.notes().values().stream().allMatch(String::isEmpty)) {
        out.printf("      families: %s%n", String.join(", ", m.families()));
      } else {
        m.notes().forEach((name, note) -> out.printf("      %s: %s%n", name, note));
      }
      out.printf("      sampling paths: %s%n", m.samplingPaths());
    }
  }

  private static void printParameter(PrintWriter out, ParameterSpec p) {
    String def =
        p.required()
            ? "required"
            : p.defaultValue() == null
                ? "default: off"
                : "default: " + CostModel.show(p.defaultValue());
    out.printf(
        "  %-20s %s%n  %-20s   allowed: %s; %s%s%n",
        p.name(),
        p.description(),
        "",
        p.allowedValues(),
        def,
        p.applicability() == null || p.applicability().condition().isEmpty()
            ? ""
            : "; applies when " + p.applicability().condition());
  }
}
