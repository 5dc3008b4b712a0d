package org.collapsesim.io;

import java.io.IOException;

/**
 * The output directory of a sweep cannot be used as asked: it is not empty and neither resume nor
 * overwrite was requested, overwrite would delete something that is not a collapse-sim output, or
 * it is not a directory. The message says which and what to do.
 */
public final class OutputDirectoryException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient FsPath directory;

  /** An exception about {@code directory}, explained by {@code message}. */
  public OutputDirectoryException(FsPath directory, String message) {
    super(message);
    this.directory = directory;
  }

  /** The directory concerned. */
  public FsPath directory() {
    return directory;
  }
}
