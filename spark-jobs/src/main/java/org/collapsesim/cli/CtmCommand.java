package org.collapsesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.collapsesim.ctm.Bdm;
import org.collapsesim.ctm.CtmTable;
import org.collapsesim.ctm.OutputDistribution;
import org.collapsesim.io.Column;
import org.collapsesim.io.ColumnType;
import org.collapsesim.io.CsvWriter;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.TableData;
import org.collapsesim.io.TableSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code collapse ctm STRING... | --enumerate N [--out FILE]}: the algorithmic complexity of binary
 * strings by the Coding Theorem Method (CTM, strings up to the block length) or the Block
 * Decomposition Method (BDM, longer strings), and exact D(n) tables.
 */
@Command(
    name = "ctm",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the algorithmic complexity in bits of each binary STRING: CTM = -log2 D(5)(s) for",
      "strings up to the block length (12), BDM (sum over distinct blocks of CTM + log2",
      "multiplicity) beyond. With --enumerate N, enumerates every (N, 2) Turing machine and",
      "writes the exact D(N) table as CSV (string, count, D, bits) to --out or standard output."
    })
final class CtmCommand implements Callable<Integer> {

  /** The reach of the shipped tables: strings of at most 12 symbols. */
  private static final int MAX_BLOCK = 12;

  /** The tables {@code --table} chooses from. */
  enum Table {
    D5,
    D4;

    CtmTable load() {
      return this == D5 ? CtmTable.d5() : CtmTable.d4();
    }
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "STRING", description = "binary strings (0s and 1s)")
  List<String> strings = new ArrayList<>();

  @Option(
      names = "--enumerate",
      paramLabel = "N",
      description = "enumerate all (N, 2) Turing machines, N in 1..4, and write the D(N) table")
  Integer enumerate;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "with --enumerate: the CSV file to write (refused if it exists)")
  Path out;

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      description = "CTM table: D5 (default; published, strings up to 12) or D4 (our exact D(4))")
  Table table = Table.D5;

  @Option(
      names = "--block",
      paramLabel = "B",
      description = "BDM block length, 1..12 (default 12); strings up to B symbols get CTM")
  int block = Bdm.DEFAULT_BLOCK;

  @Option(
      names = "--partition",
      paramLabel = "P",
      description =
          "BDM partition: IGNORE (non-overlapping, remainder dropped; default) or"
              + " CORRELATED (sliding by one)")
  Bdm.Partition partition = Bdm.Partition.IGNORE;

  @Override
  public Integer call() throws IOException {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      problems.forEach(p -> err.println("ctm: " + p));
      err.flush();
      return CollapseCli.USAGE;
    }
    if (enumerate != null) {
      writeTable(OutputDistribution.enumerate(enumerate));
    } else {
      printComplexities();
    }
    return 0;
  }

  /** Every problem with the command line, each naming the option, the value and what is allowed. */
  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (enumerate == null && strings.isEmpty()) {
      problems.add("give binary strings, or --enumerate N");
    }
    if (enumerate != null && !strings.isEmpty()) {
      problems.add("--enumerate takes no strings, got " + strings);
    }
    if (enumerate != null && !(enumerate >= 1 && enumerate <= OutputDistribution.MAX_STATES)) {
      problems.add("--enumerate: " + enumerate + " is not in 1.." + OutputDistribution.MAX_STATES);
    }
    if (out != null && enumerate == null) {
      problems.add("--out goes with --enumerate");
    }
    if (out != null && Files.exists(out)) {
      problems.add("--out: " + out + " exists; choose a new file");
    }
    if (!(block >= 1 && block <= MAX_BLOCK)) {
      problems.add("--block: " + block + " is not in 1.." + MAX_BLOCK);
    }
    for (String s : strings) {
      try {
        CtmTable.requireBinary(s);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  private void printComplexities() {
    PrintWriter stdout = spec.commandLine().getOut();
    CtmTable ctm = table.load();
    Bdm bdm = new Bdm(ctm, block, partition);
    for (String s : strings) {
      boolean direct = s.length() <= block;
      double bits = direct ? ctm.bits(s) : bdm.bits(s);
      String method =
          direct
              ? "ctm " + ctm.source()
              : "bdm " + ctm.source() + " " + partition.key() + " block " + block;
      stdout.printf(Locale.ROOT, "%.7f  %s  %s%n", bits, s, method);
    }
    stdout.flush();
  }

  private void writeTable(OutputDistribution d) throws IOException {
    TableSchema schema =
        TableSchema.of(
            Column.required("string", ColumnType.STRING),
            Column.required("count", ColumnType.INT64),
            Column.required("D", ColumnType.FLOAT64),
            Column.required("bits", ColumnType.FLOAT64));
    TableData.Builder rows = TableData.builder(schema);
    for (String s : d.outputs()) {
      rows.add(s, d.count(s), d.probability(s), d.bits(s));
    }
    TableData data = rows.build();
    if (out != null) {
      CsvWriter.write(data, FsPath.local(out));
      spec.commandLine()
          .getErr()
          .printf(
              "D(%d): %d halting machines on blank 0, %d outputs over both blanks -> %s%n",
              d.states(), d.haltingBlank0(), data.rowCount(), out);
    } else {
      CsvWriter.write(data, spec.commandLine().getOut());
    }
  }
}
