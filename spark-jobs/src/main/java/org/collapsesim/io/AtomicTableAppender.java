package org.collapsesim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The commit-or-discard protocol of {@link TableAppender}, written once for every table format: a
 * file reserved with {@link AtomicOutput#begin}, each row checked against the schema before a
 * format writes it, an appender that cannot be used after a write failed, and {@link #close()} that
 * releases the format's resources and deletes the file unless it was committed. A format supplies
 * {@link #writeRow}, {@link #finish} and {@link #release}.
 */
abstract class AtomicTableAppender implements TableAppender {

  private final TableSchema schema;
  private final AtomicOutput.PendingFile pending;
  private long rowCount;
  private boolean failed;
  private boolean committed;
  private boolean closed;

  /** Reserves the target's temporary; the subclass opens its writer on {@link #createFile()}. */
  AtomicTableAppender(FsPath target, TableSchema schema) throws IOException {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.pending = AtomicOutput.begin(target);
  }

  /** Creates the temporary file; for the subclass constructor, once. */
  final OutputStream createFile() throws IOException {
    return pending.create();
  }

  /**
   * For a subclass constructor that failed after this constructor ran: releases everything
   * (failures of that are added to {@code failure}, which the caller then throws).
   */
  final void discard(Throwable failure) {
    try {
      close();
    } catch (IOException | RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** Writes one row, already checked against the schema. */
  abstract void writeRow(Object[] row) throws IOException;

  /**
   * Writes what the format needs at the end (the rest of a batch, a footer) and closes the file.
   */
  abstract void finish() throws IOException;

  /** Releases the format's resources (idempotent); the file may be unfinished. */
  abstract void release() throws IOException;

  @Override
  public final TableSchema schema() {
    return schema;
  }

  @Override
  public final void append(Object... row) throws IOException {
    ensureWritable();
    appendChecked(schema.checkRow(rowCount, row));
  }

  /** Appends a row already checked against the schema (a {@link TableData}'s). */
  final void appendChecked(Object[] row) throws IOException {
    ensureWritable();
    failed = true; // until the format has written it
    writeRow(row);
    failed = false;
    rowCount++;
  }

  /**
   * For a format's {@link RowSink}: before the first value of a row. The appender counts as broken
   * until {@link #endUnboxedRow}, since a row half-written cannot be taken back.
   */
  final void beginUnboxedRow() {
    ensureWritable();
    failed = true;
  }

  /** For a format's {@link RowSink}: the row's last value and its end are written. */
  final void endUnboxedRow() {
    failed = false;
    rowCount++;
  }

  @Override
  public final long rowCount() {
    return rowCount;
  }

  @Override
  public final void commit() throws IOException {
    ensureWritable();
    failed = true; // until the rename succeeds, a failure leaves nothing to retry
    finish();
    pending.commit();
    committed = true;
    failed = false;
  }

  @Override
  public final void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    ResourceCloser.closeAll(this::release, pending::close);
  }

  private void ensureWritable() {
    if (closed || committed || failed) {
      throw new IllegalStateException(
          getClass().getEnclosingClass().getSimpleName()
              + " appender for "
              + pending.target()
              + " is "
              + (closed
                  ? "closed"
                  : committed ? "already committed" : "broken by an earlier failure; discard it"));
    }
  }
}
