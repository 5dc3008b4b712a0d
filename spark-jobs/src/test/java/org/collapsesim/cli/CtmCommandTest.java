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
import org.junit.jupiter.params.provider.CsvSource;

/** {@code collapse ctm}: CTM and BDM bits of strings, exact D(N) tables, and bad input. */
class CtmCommandTest {

  @TempDir Path dir;

  private static CliRun execute(String... args) {
    return CliRun.execute(args);
  }

  @Test
  void shortStringsGetCtmAndLongOnesBdm() {
    CliRun r = execute("ctm", "01011100", "0".repeat(24));
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\\R");
    assertEquals("22.0030069  01011100  ctm D(5)", lines[0]);
    assertEquals("26.6104137  " + "0".repeat(24) + "  bdm D(5) ignore block 12", lines[1]);
  }

  @Test
  void partitionBlockAndTableAreOptions() {
    CliRun r =
        execute("ctm", "--partition", "correlated", "--block", "4", "--table", "d4", "00000");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith("00000  bdm D(4) correlated block 4" + System.lineSeparator()));
  }

  @Test
  void enumerateWritesTheExactTable() throws IOException {
    Path csv = dir.resolve("d3.csv");
    CliRun r = execute("ctm", "--enumerate", "3", "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("2147184 halting machines"), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("string,count,D,bits", lines.get(0));
    assertEquals(1 + 128, lines.size());
    double total = 0;
    for (String line : lines.subList(1, lines.size())) {
      total += Double.parseDouble(line.split(",")[2]);
    }
    assertEquals(1.0, total, 1e-12, "D(3) sums to 1 over its outputs");
    try (var files = Files.list(dir)) {
      assertEquals(List.of(csv), files.toList(), "no temporary file left behind");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ctm 0120 | ctm: string '0120': symbol '2' at 2 is not binary (0 or 1 allowed)",
        "ctm --enumerate 5 | ctm: --enumerate: 5 is not in 1..4",
        "ctm --enumerate 0 | ctm: --enumerate: 0 is not in 1..4",
        "ctm --block 13 0101 | ctm: --block: 13 is not in 1..12",
        "ctm --enumerate 2 0101 | ctm: --enumerate takes no strings, got [0101]",
        "ctm | ctm: give binary strings, or --enumerate N",
        "ctm --out x.csv 01 | ctm: --out goes with --enumerate"
      })
  void badInputIsRejectedWithExitTwoBeforeAnythingRuns(String args, String message) {
    CliRun r = execute(args.trim().split(" "));
    assertEquals(2, r.code());
    assertTrue(r.err().contains(message), r.err());
    assertEquals("", r.out());
  }

  @Test
  void anExistingOutputFileIsRefused() throws IOException {
    Path csv = Files.writeString(dir.resolve("taken.csv"), "keep me");
    CliRun r = execute("ctm", "--enumerate", "1", "--out", csv.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("exists"), r.err());
    assertEquals("keep me", Files.readString(csv));
    assertFalse(r.err().isEmpty());
  }
}
