package org.collapsesim.io;

import java.io.IOException;

/**
 * One table row written value by value, in column order, with primitives unboxed: the hot path of
 * the generations dataset (a row per chain and generation), where building an {@code Object[]} and
 * boxing every number cost more than writing them ({@link OutputLayout#writeGenerationRow}). Each
 * value is checked against its column as {@link TableAppender#append} checks a row.
 *
 * <p>A value that does not fit its column throws {@link IllegalArgumentException}; unlike {@link
 * TableAppender#append}, earlier values of the row may already be written, so an appender behind
 * the sink is then unusable (discard it). Not thread-safe.
 */
public interface RowSink {

  /** The next value: null or of the column's type, as one value of {@link TableAppender#append}. */
  void value(Object v);

  /** The next value, of an INT32 column. */
  void int32(int v);

  /** The next value, of an INT64 column. */
  void int64(long v);

  /** The next value, of a FLOAT64 column; NaN is refused. */
  void float64(double v);

  /** The next value, of a nullable FLOAT64 column, null where {@code v} is NaN. */
  void float64OrNull(double v);

  /** Ends the row; every column must have had its value. */
  void endRow() throws IOException;
}
