package org.collapsesim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.FamilyParameters;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.engine.Families;
import org.collapsesim.family.Family;
import org.collapsesim.family.MetricDefinition;
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
      for (String name : FamilyParameters.familyNames()) {
        boolean implemented = FamilyParameters.of(name).implemented();
        String text = implemented ? Families.of(name).description() : "(not implemented yet)";
        out.printf("  %-12s %s%n", name, text);
      }
      out.println();
      out.println("top-level keys:");
      for (ParameterSpec p : ConfigLoader.topLevelKeys()) {
        printParameter(out, p);
      }
      out.flush();
      return 0;
    }
    if (!FamilyParameters.familyNames().contains(family)) {
      spec.commandLine()
          .getErr()
          .printf(
              "describe: %s is not a family; one of %s%n",
              family, String.join(", ", FamilyParameters.familyNames()));
      return CollapseCli.USAGE;
    }
    if (!FamilyParameters.of(family).implemented()) {
      out.printf("%s: not implemented yet%n", family);
      out.flush();
      return 0;
    }
    Family f = Families.of(family);
    out.printf("%s: %s%n%n", f.name(), f.description());
    out.println("parameters (under grid: as a list to sweep, or under params: as one value):");
    for (ParameterSpec p : ConfigLoader.parametersOf(family)) {
      printParameter(out, p);
    }
    out.println();
    out.println("metrics (nats throughout):");
    for (MetricDefinition m : f.metrics()) {
      out.printf("  %-16s %s%n", m.name(), m.definition());
    }
    out.flush();
    return 0;
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
