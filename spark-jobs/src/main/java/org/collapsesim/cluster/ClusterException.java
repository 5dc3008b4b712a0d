package org.collapsesim.cluster;

/** The cluster could not be started or stopped as asked; the message says why. */
public final class ClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }
}
