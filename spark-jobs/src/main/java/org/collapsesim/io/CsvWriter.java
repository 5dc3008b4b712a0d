package org.collapsesim.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes tables as CSV (RFC 4180) for readers that do not speak Arrow or Parquet.
 *
 * <ul>
 *   <li>UTF-8 without a byte order mark; records end with CRLF, as RFC 4180 specifies (pandas, R,
 *       polars and DuckDB all accept it).
 *   <li>A header row with the column names.
 *   <li>A field is quoted (with inner quotes doubled) when it contains a comma, a double quote, CR
 *       or LF, starts or ends with white space, or is the empty string; so an empty <em>string</em>
 *       is {@code ""} while null ("not applicable") is an empty, unquoted field. Readers that
 *       honour the quotes tell the two apart (DuckDB with {@code allow_quoted_nulls=false});
 *       pandas, and DuckDB by default, read both as missing.
 *   <li>Doubles use {@link Double#toString(double)}, which parses back to the identical double
 *       ({@code 0.1}, {@code 1.0E-5}, {@code 4.9E-324}, {@code -0.0}); infinities are written
 *       {@code inf} and {@code -inf}: pandas ({@code read_csv}), polars and R ({@code read.csv})
 *       read them as infinite doubles, and so does DuckDB once the column is DOUBLE (declared with
 *       {@code types=} or cast); DuckDB's type sniffer (1.5) leaves any column whose sample holds
 *       an infinity, in whatever spelling, as VARCHAR. {@link #parseDouble} reads them back in
 *       Java. NaN never occurs (the table model rejects it).
 *   <li>Integers in decimal; booleans {@code true} / {@code false}.
 * </ul>
 *
 * <p>Files appear atomically ({@link AtomicOutput}).
 */
public final class CsvWriter {

  /** The record separator, CRLF (RFC 4180). */
  public static final String LINE_END = "\r\n";

  /** How positive infinity is written. */
  public static final String POSITIVE_INFINITY = "inf";

  /** How negative infinity is written. */
  public static final String NEGATIVE_INFINITY = "-inf";

  private CsvWriter() {}

  /** Writes a table to {@code target} atomically. */
  public static void write(TableData table, Path target) throws IOException {
    Objects.requireNonNull(table, "table");
    AtomicOutput.writeAtomically(
        target,
        temporary -> {
          try (Writer out = openWriter(temporary)) {
            write(table, out);
          }
        });
  }

  /** Writes a table (header and rows) to {@code out}, which is flushed but not closed. */
  public static void write(TableData table, Writer out) throws IOException {
    writeHeader(table.schema(), out);
    for (Object[] row : table.rowsForWriting()) {
      writeRecord(table.schema(), row, out);
    }
    out.flush();
  }

  /** Opens a streaming writer for {@code target}; the header is written at once. */
  public static Appender open(Path target, TableSchema schema) throws IOException {
    Objects.requireNonNull(schema, "schema");
    return new Appender(target, schema);
  }

  /** A double's CSV text: {@link Double#toString(double)}, or {@code inf} / {@code -inf}. */
  public static String formatDouble(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      return POSITIVE_INFINITY;
    }
    if (value == Double.NEGATIVE_INFINITY) {
      return NEGATIVE_INFINITY;
    }
    return Double.toString(value);
  }

  /** The inverse of {@link #formatDouble(double)}: also maps {@code inf} / {@code -inf}. */
  public static double parseDouble(String text) {
    if (POSITIVE_INFINITY.equals(text)) {
      return Double.POSITIVE_INFINITY;
    }
    if (NEGATIVE_INFINITY.equals(text)) {
      return Double.NEGATIVE_INFINITY;
    }
    return Double.parseDouble(text);
  }

  /** A field's CSV text: quoted and with doubled quotes when RFC 4180 (or readability) needs it. */
  public static String quote(String field) {
    if (!needsQuotes(field)) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private static boolean needsQuotes(String field) {
    if (field.isEmpty()) {
      return true;
    }
    if (Character.isWhitespace(field.charAt(0))
        || Character.isWhitespace(field.charAt(field.length() - 1))) {
      return true;
    }
    for (int i = 0; i < field.length(); i++) {
      char ch = field.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
        return true;
      }
    }
    return false;
  }

  private static Writer openWriter(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            StandardCharsets.UTF_8.newEncoder()),
        1 << 16);
  }

  private static void writeHeader(TableSchema schema, Writer out) throws IOException {
    for (int c = 0; c < schema.size(); c++) {
      if (c > 0) {
        out.write(',');
      }
      out.write(quote(schema.column(c).name()));
    }
    out.write(LINE_END);
  }

  private static void writeRecord(TableSchema schema, Object[] row, Writer out) throws IOException {
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        out.write(',');
      }
      Object value = row[c];
      if (value == null) {
        continue;
      }
      switch (schema.column(c).type()) {
        case STRING:
          out.write(quote((String) value));
          break;
        case FLOAT64:
          out.write(formatDouble((Double) value));
          break;
        case INT64:
        case INT32:
        case BOOL:
          out.write(value.toString());
          break;
        default:
          throw new AssertionError(schema.column(c).type());
      }
    }
    out.write(LINE_END);
  }

  /**
   * The streaming writer of {@link CsvWriter#open}: see {@link TableAppender} for the
   * commit-or-discard protocol. Not thread-safe.
   */
  public static final class Appender implements TableAppender {
    private final TableSchema schema;
    private final AtomicOutput.PendingFile pending;
    private Writer out;
    private long rowCount;
    private boolean failed;
    private boolean committed;
    private boolean closed;

    private Appender(Path target, TableSchema schema) throws IOException {
      this.schema = schema;
      this.pending = AtomicOutput.begin(target);
      try {
        out = openWriter(pending.temporary());
        writeHeader(schema, out);
      } catch (IOException | RuntimeException | Error e) {
        try {
          close();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    @Override
    public TableSchema schema() {
      return schema;
    }

    @Override
    public void append(Object... row) throws IOException {
      ensureWritable();
      Object[] checked = schema.checkRow(rowCount, row);
      failed = true;
      writeRecord(schema, checked, out);
      failed = false;
      rowCount++;
    }

    @Override
    public long rowCount() {
      return rowCount;
    }

    @Override
    public void commit() throws IOException {
      ensureWritable();
      failed = true;
      Writer w = out;
      out = null;
      w.close();
      pending.commit();
      committed = true;
      failed = false;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      Writer w = out;
      out = null;
      ResourceCloser.closeAll(w == null ? null : w::close, pending::close);
    }

    private void ensureWritable() {
      if (closed || committed || failed) {
        throw new IllegalStateException(
            "CSV appender for "
                + pending.target()
                + " is "
                + (closed
                    ? "closed"
                    : committed ? "already committed" : "broken by an earlier failure"));
      }
    }
  }
}
