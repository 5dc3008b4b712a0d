package org.collapsesim.sweep;

/**
 * The sweep cannot start with this output directory (README, Commands: not empty without --resume
 * or --overwrite, or a resume whose config hash or sampler revision differs from the manifest's).
 * Exit code 2.
 */
public final class SweepRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  public SweepRefusedException(String message) {
    super(message);
  }
}
