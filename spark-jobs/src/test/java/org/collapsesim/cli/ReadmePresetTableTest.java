package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's table of what the presets show is what they give: each row's command runs
 * in-process, and every number of the row (the metrics' means at generation 0 and at the last
 * generation, and a "theory X" beside a single metric) must equal the run's summary to the digits
 * printed. Rows that drift (a sampler change moves a preset's numbers) fail here until the README
 * is rewritten from the new output. So does the example output of {@code run} the README shows.
 */
class ReadmePresetTableTest {

  private static final Path ROOT = Path.of("..");
  private static final String HEADER =
      "| command (`bin/collapse ...`) | metrics | generation 0 | last generation |";
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern THEORY = Pattern.compile("theory (-?\\d+(\\.\\d+)?)");

  @TempDir Path dir;

  /** One row: the command's arguments, the metrics, and the two generations' printed cells. */
  record Row(List<String> args, List<String> metrics, String first, String last) {
    @Override
    public String toString() {
      return String.join(" ", args);
    }
  }

  static Stream<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int at = lines.indexOf(HEADER);
    assertTrue(at >= 0, "README.md has no presets table headed " + HEADER);
    List<Row> rows = new ArrayList<>();
    for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|");
      String command = cells[1].substring(cells[1].indexOf('`') + 1, cells[1].lastIndexOf('`'));
      List<String> args = new ArrayList<>();
      for (String a : command.split(" ")) {
        args.add(a.startsWith("configs/") ? ROOT.resolve(a).toString() : a);
      }
      rows.add(
          new Row(
              args, Arrays.asList(cells[2].trim().split(", ")), cells[3].trim(), cells[4].trim()));
    }
    assertFalse(rows.isEmpty(), "the presets table has no rows");
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theRowIsWhatTheCommandGives(Row row) throws IOException {
    List<String> args = new ArrayList<>(row.args());
    args.addAll(List.of("--out", dir.toString(), "--set", "output.formats=[csv]"));
    CliRun run = CliRun.execute(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    List<String[]> summary =
        new CsvParser(new CsvParserSettings()).parseAll(dir.resolve("summary.csv").toFile());
    List<String> header = Arrays.asList(summary.get(0));

    String last = row.last();
    Matcher at = Pattern.compile(" at (\\d+)").matcher(last);
    assertTrue(at.find(), "the last generation's cell names no generation (\"at G\"): " + last);
    checkGeneration(row, header, summary, 0, row.first());
    checkGeneration(row, header, summary, Integer.parseInt(at.group(1)), last);
  }

  /**
   * The README's example of {@code run} (the code block after its command) is what the command
   * prints: every line shown, trailing spaces aside, is a line of the output ("..." stands for the
   * lines left out).
   */
  @Test
  void theRunExampleIsWhatTheCommandPrints() throws IOException {
    String command = "bin/collapse run configs/wright-fisher.yaml";
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int at = lines.indexOf(command);
    assertTrue(at >= 0, "README.md shows no " + command);
    int open = at + 1;
    while (!lines.get(++open).equals("```")) {
      assertTrue(lines.get(open).isBlank(), "no example output after " + command);
    }
    List<String> shown = new ArrayList<>();
    for (int i = open + 1; !lines.get(i).equals("```"); i++) {
      String line = lines.get(i).stripTrailing();
      if (!line.isBlank() && !line.strip().equals("...")) {
        shown.add(line);
      }
    }
    assertTrue(shown.size() >= 3, "an example of a few lines: " + shown);
    CliRun run = CliRun.execute("run", ROOT.resolve("configs/wright-fisher.yaml").toString());
    assertEquals(0, run.code(), run.err());
    List<String> printed = run.out().lines().map(String::stripTrailing).toList();
    for (String line : shown) {
      assertTrue(printed.contains(line), "README shows a line run does not print:\n" + line);
    }
  }

  /** The cell's values (before any "(" or " at "), one per metric, and a theory in parentheses. */
  private static void checkGeneration(
      Row row, List<String> header, List<String[]> summary, int generation, String cell) {
    String[] line =
        summary.stream()
            .skip(1)
            .filter(r -> r[header.indexOf("generation")].equals(Integer.toString(generation)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no summary row at generation " + generation));
    String values = cell.split(" \\(| at ")[0];
    Matcher number = NUMBER.matcher(values);
    for (String metric : row.metrics()) {
      assertTrue(number.find(), row + ": no value for " + metric + " in \"" + cell + "\"");
      assertPrinted(
          number.group(), line[header.indexOf(metric + "_mean")], row, metric, generation);
    }
    assertFalse(number.find(), row + ": more values than metrics in \"" + cell + "\"");
    Matcher theory = THEORY.matcher(cell);
    if (theory.find()) {
      assertEquals(1, row.metrics().size(), row + ": a theory beside several metrics");
      String metric = "theory_" + row.metrics().get(0);
      assertPrinted(theory.group(1), line[header.indexOf(metric)], row, metric, generation);
    }
  }

  /** {@code actual} rounds to {@code printed} at the digits printed. */
  private static void assertPrinted(
      String printed, String actual, Row row, String metric, int generation) {
    BigDecimal shown = new BigDecimal(printed);
    double tolerance = 0.5 * Math.pow(10, -shown.scale()) + 1e-12;
    assertEquals(
        shown.doubleValue(),
        Double.parseDouble(actual),
        tolerance,
        row + ": " + metric + " at generation " + generation + " is " + actual);
  }
}
