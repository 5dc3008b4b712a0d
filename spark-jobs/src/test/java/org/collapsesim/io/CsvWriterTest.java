package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  @TempDir Path dir;

  /**
   * A strict RFC 4180 reader for the tests: records of fields, where an unquoted empty field is
   * null and a quoted one is its text (possibly empty).
   */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      String field;
      if (text.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          char ch = text.charAt(i++);
          if (ch == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(ch);
          }
        }
        field = sb.toString();
      } else {
        int start = i;
        while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
          assertFalse(text.charAt(i) == '"' || text.charAt(i) == '\n', "stray quote or LF at " + i);
          i++;
        }
        field = i == start ? null : text.substring(start, i);
      }
      record.add(field);
      if (text.startsWith("\r\n", i)) {
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        assertEquals(',', text.charAt(i), "separator at " + i);
        i++;
      }
    }
    assertTrue(record.isEmpty(), "the file ends with CRLF");
    return records;
  }

  @Test
  void writesHeaderQuotingNullsAndInfinities() throws IOException {
    TableSchema s =
        TableSchema.of(
            Column.required("name", ColumnType.STRING),
            Column.optional("x", ColumnType.FLOAT64),
            Column.optional("n", ColumnType.INT64),
            Column.optional("ok", ColumnType.BOOL),
            Column.optional("note", ColumnType.STRING));
    TableData t =
        TableData.builder(s)
            .add("plain", 0.1, 42L, true, null)
            .add("a,b", Double.POSITIVE_INFINITY, null, false, "")
            .add("say \"hi\"", Double.NEGATIVE_INFINITY, Long.MIN_VALUE, null, " padded")
            .add("two\nlines", null, -1L, true, "cr\rlf\r\n")
            .add("é ∞", 1.0E-5, 0L, false, "x")
            .build();
    StringWriter out = new StringWriter();
    CsvWriter.write(t, out);
    assertEquals(
        "name,x,n,ok,note\r\n"
            + "plain,0.1,42,true,\r\n"
            + "\"a,b\",inf,,false,\"\"\r\n"
            + "\"say \"\"hi\"\"\",-inf,-9223372036854775808,, padded\r\n"
            + "\"two\nlines\",,-1,true,\"cr\rlf\r\n\"\r\n"
            + "é ∞,1.0E-5,0,false,x\r\n",
        out.toString());

    List<List<String>> records = parse(out.toString());
    assertEquals(6, records.size());
    assertEquals("say \"hi\"", records.get(3).get(0));
    assertNull(records.get(1).get(4), "null is an empty unquoted field");
    assertEquals("", records.get(2).get(4), "the empty string is quoted");
    assertEquals("cr\rlf\r\n", records.get(4).get(4));
  }

  @Test
  void doublesRoundTripExactly() throws IOException {
    SplittableRandom random = new SplittableRandom(20240611L);
    TableSchema s = TableSchema.of(Column.required("x", ColumnType.FLOAT64));
    TableData.Builder b = TableData.builder(s);
    List<Double> expected = new ArrayList<>();
    for (double d : TestTables.SPECIAL_DOUBLES) {
      expected.add(d);
    }
    expected.add(Double.MAX_VALUE);
    expected.add(Double.MIN_NORMAL);
    expected.add(Double.POSITIVE_INFINITY);
    expected.add(Double.NEGATIVE_INFINITY);
    while (expected.size() < 100_000) {
      // Random bit patterns cover every exponent, subnormals included; uniform doubles too.
      double d =
          expected.size() % 2 == 0
              ? Double.longBitsToDouble(random.nextLong())
              : random.nextDouble();
      if (!Double.isNaN(d)) {
        expected.add(d);
      }
    }
    expected.forEach(b::add);
    Path file = dir.resolve("summary.csv");
    CsvWriter.write(b.build(), FsPath.local(file));

    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of("x"), records.get(0));
    assertEquals(expected.size(), records.size() - 1);
    for (int i = 0; i < expected.size(); i++) {
      double back = CsvWriter.parseDouble(records.get(i + 1).get(0));
      assertEquals(
          Double.doubleToRawLongBits(expected.get(i)),
          Double.doubleToRawLongBits(back),
          () -> "value " + expected + " did not round-trip");
    }
  }

  @Test
  void formatAndParseDoubleAreInverse() {
    assertEquals("inf", CsvWriter.formatDouble(Double.POSITIVE_INFINITY));
    assertEquals("-inf", CsvWriter.formatDouble(Double.NEGATIVE_INFINITY));
    assertEquals("-0.0", CsvWriter.formatDouble(-0.0));
    assertEquals(Double.NEGATIVE_INFINITY, CsvWriter.parseDouble("-inf"));
    assertEquals(4.9E-324, CsvWriter.parseDouble(CsvWriter.formatDouble(Double.MIN_VALUE)));
  }

  @Test
  void streamingAppenderCommitsOrDiscards() throws IOException {
    Path file = dir.resolve("chains.csv");
    try (CsvWriter.Appender out = CsvWriter.open(FsPath.local(file), TestTables.schema())) {
      for (int i = 0; i < 500; i++) {
        out.append(TestTables.row(i));
      }
      assertThrows(
          IllegalArgumentException.class, () -> out.append("c", 1, 2L, Double.NaN, null, null));
      assertFalse(Files.exists(file));
      out.commit();
    }
    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(501, records.size());
    assertEquals(TestTables.schema().names(), records.get(0));
    assertEquals(TestTables.note(19), records.get(20).get(5), "quoted CR LF and comma survive");

    Path other = dir.resolve("cells.csv");
    try (CsvWriter.Appender out = CsvWriter.open(FsPath.local(other), TestTables.schema())) {
      out.append(TestTables.row(1));
    } // no commit: discarded
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("chains.csv"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void tableWriterMatchesAppender() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    CsvWriter.write(TestTables.table(300), FsPath.local(a));
    try (CsvWriter.Appender out = CsvWriter.open(FsPath.local(b), TestTables.schema())) {
      for (int i = 0; i < 300; i++) {
        out.append(TestTables.row(i));
      }
      out.commit();
    }
    assertEquals(Files.readString(a), Files.readString(b));
  }
}
