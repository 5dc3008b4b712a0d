package org.collapsesim.report;

/**
 * A sweep directory the report cannot be made from (missing files, a column it needs, an unknown
 * axis or metric asked for): a usage error, exit 2, with a message naming what and what is allowed.
 */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with its message. */
  public ReportException(String message) {
    super(message);
  }
}
