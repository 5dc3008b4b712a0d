package org.collapsesim.io;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Closes several resources in order, all of them even if some fail; the first failure is rethrown
 * with the others suppressed.
 */
final class ResourceCloser {

  /** A close action that may throw {@link IOException}. */
  @FunctionalInterface
  interface CloseAction {
    void close() throws IOException;
  }

  private ResourceCloser() {}

  static void closeAll(CloseAction... actions) throws IOException {
    Throwable first = null;
    for (CloseAction action : actions) {
      if (action == null) {
        continue;
      }
      try {
        action.close();
      } catch (IOException | RuntimeException | Error e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof IOException) {
      throw (IOException) first;
    }
    if (first instanceof UncheckedIOException) {
      throw ((UncheckedIOException) first).getCause();
    }
    if (first instanceof RuntimeException) {
      throw (RuntimeException) first;
    }
    if (first instanceof Error) {
      throw (Error) first;
    }
  }
}
