package org.collapsesim.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The policy for a sweep's output directory (SPEC §7, §9): a fresh run needs an empty or new
 * directory; {@code --resume} continues in a non-empty one; {@code --overwrite} replaces what is
 * there, but only when it looks like a collapse-sim output, so a mistyped {@code --out} cannot wipe
 * an unrelated folder.
 */
public final class OutputDirectory {

  /** The manifest's file name; its presence marks a directory as a collapse-sim output. */
  public static final String MANIFEST_FILE = "manifest.json";

  /** The entries a sweep writes at the top of its directory (SPEC §9). */
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
  public static Outcome checkWritable(Path dir, boolean resume, boolean overwrite)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (resume && overwrite) {
      throw new IllegalArgumentException(
          "resume and overwrite exclude each other; choose one (output " + dir + ")");
    }
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
      return Outcome.CREATED;
    }
    if (!Files.isDirectory(dir)) {
      throw new OutputDirectoryException(
          dir, "output path " + dir + " exists and is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new OutputDirectoryException(dir, "output directory " + dir + " is not writable");
    }
    List<Path> entries = list(dir);
    if (entries.isEmpty()) {
      return Outcome.EMPTY;
    }
    if (resume) {
      for (Path entry : entries) {
        if (AtomicOutput.isTemporaryName(entry.getFileName().toString())) {
          AtomicOutput.deleteRecursively(entry);
        }
      }
      return Outcome.RESUMING;
    }
    if (overwrite) {
      List<String> foreign = new ArrayList<>();
      boolean hasManifest = false;
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        hasManifest |=
            name.equals(MANIFEST_FILE) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
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
      for (Path entry : entries) {
        AtomicOutput.deleteRecursively(entry);
      }
      return Outcome.OVERWRITTEN;
    }
    List<String> names = new ArrayList<>();
    for (Path entry : entries) {
      names.add(entry.getFileName().toString());
    }
    throw new OutputDirectoryException(
        dir,
        "output directory "
            + dir
            + " is not empty ("
            + summarize(names)
            + "); pass --resume to continue the sweep recorded there, or --overwrite to replace it");
  }

  private static List<Path> list(Path dir) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        entries.add(p);
      }
    }
    Collections.sort(entries);
    return entries;
  }

  private static String summarize(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
  }
}
