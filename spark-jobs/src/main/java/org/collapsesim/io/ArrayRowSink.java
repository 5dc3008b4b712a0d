package org.collapsesim.io;

/**
 * A {@link RowSink} that boxes one row into an {@code Object[]}, for the writers that take whole
 * rows ({@link TableAppender#append}); the values are checked there. NaN of {@link #float64OrNull}
 * becomes null; NaN of {@link #float64} stays, for the append to refuse.
 */
final class ArrayRowSink implements RowSink {
  private final Object[] values;
  private int at;

  ArrayRowSink(int size) {
    values = new Object[size];
  }

  /** The row, once every value is in. */
  Object[] row() {
    if (at != values.length) {
      throw new IllegalStateException(at + " of " + values.length + " values written");
    }
    return values;
  }

  @Override
  public void value(Object v) {
    values[at++] = v;
  }

  @Override
  public void int32(int v) {
    values[at++] = v;
  }

  @Override
  public void int64(long v) {
    values[at++] = v;
  }

  @Override
  public void float64(double v) {
    values[at++] = v;
  }

  @Override
  public void float64OrNull(double v) {
    values[at++] = v != v ? null : v;
  }

  @Override
  public void endRow() {
    row();
  }
}
