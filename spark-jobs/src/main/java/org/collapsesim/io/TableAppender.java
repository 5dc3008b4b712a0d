package org.collapsesim.io;

import java.io.IOException;

/**
 * Writes a table row by row into a file that becomes visible only on {@link #commit()} (see {@link
 * AtomicOutput}). Use it in try-with-resources and commit as the block's last statement: if
 * anything throws before, {@link #close()} discards the partial file.
 *
 * <pre>{@code
 * try (TableAppender out = ArrowIpcWriter.open(dir.resolve("summary.arrow"), schema)) {
 *     for (...) out.append(cellId, generation, mean);
 *     out.commit();
 * }
 * }</pre>
 *
 * Not thread-safe.
 */
public interface TableAppender extends AutoCloseable {

  /** The schema rows are checked against. */
  TableSchema schema();

  /**
   * Appends one row: one value per column, in column order, each null or of the column's type
   * (exact widening allowed, NaN rejected; see {@link TableData.Builder#add}).
   *
   * @throws IllegalArgumentException if the row does not fit the schema; the appender stays usable
   * @throws IOException if writing fails; the appender is then unusable
   */
  void append(Object... row) throws IOException;

  /** The number of rows appended so far. */
  long rowCount();

  /** Finishes the file and renames it onto its target; no row can be appended afterwards. */
  void commit() throws IOException;

  /** Releases every resource; without a prior {@link #commit()}, deletes the partial file. */
  @Override
  void close() throws IOException;
}
