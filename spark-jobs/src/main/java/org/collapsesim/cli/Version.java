package org.collapsesim.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "development" when run from classes). */
final class Version implements IVersionProvider {

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : "development";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "collapse-sim " + current() + " (Java " + System.getProperty("java.version") + ")"
    };
  }
}
