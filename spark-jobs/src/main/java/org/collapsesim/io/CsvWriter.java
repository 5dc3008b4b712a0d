package org.collapsesim.io;

import com.univocity.parsers.common.TextWritingException;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes tables as CSV (RFC 4180) for readers that do not speak Arrow or Parquet, through
 * univocity-parsers (the CSV library Spark itself uses).
 *
 * <ul>
 *   <li>UTF-8 without a byte order mark; records end with CRLF, as RFC 4180 specifies (pandas, R,
 *       polars and DuckDB all accept it).
 *   <li>A header row with the column names.
 *   <li>A field is quoted (with inner quotes doubled) when it contains a comma, a double quote, CR
 *       or LF (kept as they are inside the quotes), or is the empty string; so an empty
 *       <em>string</em> is {@code ""} while null ("not applicable") is an empty, unquoted field.
 *       Readers that honour the quotes tell the two apart (DuckDB with {@code
 *       allow_quoted_nulls=false}); pandas, and DuckDB by default, read both as missing. White
 *       space is part of the field, never trimmed.
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
  public static void write(TableData table, FsPath target) throws IOException {
    Objects.requireNonNull(table, "table");
    try (Appender out = open(target, table.schema())) {
      for (Object[] row : table.rowsForWriting()) {
        out.appendChecked(row);
      }
      out.commit();
    }
  }

  /** Writes a table (header and rows) to {@code out}, which is flushed but not closed. */
  public static void write(TableData table, Writer out) throws IOException {
    com.univocity.parsers.csv.CsvWriter csv = newWriter(out, table.schema());
    String[] fields = new String[table.schema().size()];
    for (Object[] row : table.rowsForWriting()) {
      csv.writeRow(format(table.schema(), row, fields));
    }
    csv.flush();
  }

  /** Opens a streaming writer for {@code target}; the header is written at once. */
  public static Appender open(FsPath target, TableSchema schema) throws IOException {
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

  /** A univocity writer with the rules of the class comment; the header is written at once. */
  private static com.univocity.parsers.csv.CsvWriter newWriter(Writer out, TableSchema schema) {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.getFormat().setLineSeparator(LINE_END);
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    settings.setQuotationTriggers(',', '"', '\r', '\n');
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue(null);
    settings.setEmptyValue("\"\"");
    settings.setSkipEmptyLines(false);
    settings.setMaxColumns(Math.max(512, schema.size()));
    com.univocity.parsers.csv.CsvWriter csv =
        new com.univocity.parsers.csv.CsvWriter(out, settings);
    String[] header = new String[schema.size()];
    for (int c = 0; c < header.length; c++) {
      header[c] = schema.column(c).name();
    }
    csv.writeRow((Object[]) header);
    return csv;
  }

  /** The row's fields as text (null stays null: an empty unquoted field), into {@code fields}. */
  private static Object[] format(TableSchema schema, Object[] row, String[] fields) {
    for (int c = 0; c < row.length; c++) {
      Object value = row[c];
      fields[c] =
          value == null
              ? null
              : schema.column(c).type() == ColumnType.FLOAT64
                  ? formatDouble((Double) value)
                  : value.toString();
    }
    return fields;
  }

  /**
   * The streaming writer of {@link CsvWriter#open}: see {@link TableAppender} for the
   * commit-or-discard protocol. Not thread-safe.
   */
  public static final class Appender extends AtomicTableAppender {
    private final String[] fields;
    private com.univocity.parsers.csv.CsvWriter csv;

    private Appender(FsPath target, TableSchema schema) throws IOException {
      super(target, schema);
      this.fields = new String[schema.size()];
      try {
        csv =
            newWriter(
                new OutputStreamWriter(createFile(), StandardCharsets.UTF_8.newEncoder()), schema);
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    }

    @Override
    void writeRow(Object[] row) throws IOException {
      try {
        csv.writeRow(format(schema(), row, fields));
      } catch (TextWritingException e) {
        throw ioCause(e);
      }
    }

    @Override
    void finish() throws IOException {
      com.univocity.parsers.csv.CsvWriter w = csv;
      csv = null;
      try {
        w.close();
      } catch (IllegalStateException e) {
        throw ioCause(e);
      }
    }

    /** univocity wraps the stream's IOException; the caller wants the I/O failure itself. */
    private static IOException ioCause(RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IOException io) {
          return io;
        }
      }
      throw e;
    }

    @Override
    void release() {
      if (csv != null) {
        csv.close();
        csv = null;
      }
    }
  }
}
