package org.collapsesim.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The policy for a sweep's output directory (README, Commands, §9): a fresh run needs an empty or
 * new directory; {@code --resume} continues in a non-empty one; {@code --overwrite} replaces what
 * is there, but only when it looks like a collapse-sim output, so a mistyped {@code --out} cannot
 * wipe an unrelated folder.
 */
public final class OutputDirectory {

  /** The manifest's file name; its presence marks a directory as a collapse-sim output. */
  public static final String MANIFEST_FILE = "manifest.json";

  /** The entries a sweep writes at the top of its directory (README, Output). */
  public static final Set<String> KNOWN_ENTRIES =
      Set.of(
          MANIFEST_FILE,
          "generations",
          "summary.arrow",
          "chains.arrow",
          "cells.arrow",
          "summary.csv",
          "chains.csv",
          "cells.csv",
          "report.html");

  /** What {@link #checkWritable} found and did. */
  public enum Outcome {
    /** The directory did not exist and was created. */
    CREATED,
    /** The directory existed and was empty. */
    EMPTY,
    /** The directory is not empty and resume was asked; stale temporary files were removed. */
    RESUMING,
    /** The directory held a previous output, which was deleted. */
    OVERWRITTEN
  }

  private OutputDirectory() {}

  /**
   * Makes sure {@code dir} can receive a sweep's output, creating it (and its parents) if needed.
   *
   * <ul>
   *   <li>Missing or empty: fine.
   *   <li>Not empty, {@code resume}: fine; temporary files left by a killed writer ({@link
   *       AtomicOutput#isTemporaryName}) are deleted, everything else is kept.
   *   <li>Not empty, {@code overwrite}: everything inside is deleted (symbolic links are removed,
   *       never followed; the directory itself is kept), provided the directory holds a {@value
   *       #MANIFEST_FILE} or only {@link #KNOWN_ENTRIES} and temporary files.
   *   <li>Not empty, neither flag: refused.
   * </ul>
   *
   * @throws IllegalArgumentException if both {@code resume} and {@code overwrite} are set
   * @throws OutputDirectoryException if the directory cannot be used as asked
   * @throws IOException if listing, creating or deleting fails
   */
  public static Outcome checkWritable(FsPath dir, boolean resume, boolean overwrite)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (resume && overwrite) {
      throw new IllegalArgumentException(
          "resume and overwrite exclude each other; choose one (output " + dir + ")");
    }
    if (!dir.exists()) {
      dir.mkdirs();
      return Outcome.CREATED;
    }
    if (!dir.isDirectory()) {
      throw new OutputDirectoryException(
          dir, "output path " + dir + " exists and is not a directory");
    }
    java.io.File local = dir.localFile();
    if (local != null && !local.canWrite()) {
      throw new OutputDirectoryException(dir, "output directory " + dir + " is not writable");
    }
    List<FsPath> entries = dir.list();
    if (entries.isEmpty()) {
      return Outcome.EMPTY;
    }
    if (resume) {
      for (FsPath entry : entries) {
        if (AtomicOutput.isTemporaryName(entry.name())) {
          entry.deleteRecursively();
        }
      }
      return Outcome.RESUMING;
    }
    if (overwrite) {
      List<String> foreign = new ArrayList<>();
      boolean hasManifest = false;
      for (FsPath entry : entries) {
        String name = entry.name();
        hasManifest |= name.equals(MANIFEST_FILE) && entry.isFile();
        if (!KNOWN_ENTRIES.contains(name) && !AtomicOutput.isTemporaryName(name)) {
          foreign.add(name);
        }
      }
      if (!hasManifest && !foreign.isEmpty()) {
        throw new OutputDirectoryException(
            dir,
            "refusing to overwrite "
                + dir
                + ": it has no "
                + MANIFEST_FILE
                + " and holds files collapse-sim does not write ("
                + summarize(foreign)
                + "); choose another output directory or empty this one by hand");
      }
      for (FsPath entry : entries) {
        entry.deleteRecursively();
      }
      return Outcome.OVERWRITTEN;
    }
    List<String> names = new ArrayList<>();
    for (FsPath entry : entries) {
      names.add(entry.name());
    }
    throw new OutputDirectoryException(
        dir,
        "output directory "
            + dir
            + " is not empty ("
            + summarize(names)
            + "); pass --resume to continue the sweep recorded there, or --overwrite to replace it");
  }

  private static String summarize(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
  }
}
