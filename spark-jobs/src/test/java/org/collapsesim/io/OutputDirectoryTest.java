package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path previousSweep() throws IOException {
    Path dir = tmp.resolve("out");
    Files.createDirectories(dir.resolve("generations"));
    Files.writeString(dir.resolve("generations/part-0.parquet"), "p");
    Files.writeString(dir.resolve("manifest.json"), "{}");
    Files.writeString(dir.resolve("summary.arrow"), "a");
    Files.writeString(dir.resolve(".chains.arrow.tmp-0123456789abcdef"), "half");
    return dir;
  }

  @Test
  void createsAMissingDirectoryAndAcceptsAnEmptyOne() throws IOException {
    Path dir = tmp.resolve("a/b/out");
    assertEquals(
        OutputDirectory.Outcome.CREATED,
        OutputDirectory.checkWritable(FsPath.local(dir), false, false));
    assertTrue(Files.isDirectory(dir));
    assertEquals(
        OutputDirectory.Outcome.EMPTY,
        OutputDirectory.checkWritable(FsPath.local(dir), false, false));
  }

  @Test
  void refusesANonEmptyDirectoryWithoutAFlag() throws IOException {
    Path dir = previousSweep();
    OutputDirectoryException e =
        assertThrows(
            OutputDirectoryException.class,
            () -> OutputDirectory.checkWritable(FsPath.local(dir), false, false));
    assertTrue(
        e.getMessage().contains("not empty")
            && e.getMessage().contains("--resume")
            && e.getMessage().contains("--overwrite")
            && e.getMessage().contains("manifest.json"),
        e.getMessage());
    assertEquals(dir, e.directory().localFile().toPath());
    assertEquals(4, names(dir).size(), "nothing touched");
  }

  @Test
  void resumeKeepsResultsAndRemovesStaleTemporaries() throws IOException {
    Path dir = previousSweep();
    assertEquals(
        OutputDirectory.Outcome.RESUMING,
        OutputDirectory.checkWritable(FsPath.local(dir), true, false));
    assertEquals(List.of("generations", "manifest.json", "summary.arrow"), names(dir));
  }

  @Test
  void overwriteDeletesThePreviousSweepButKeepsTheDirectory() throws IOException {
    Path dir = previousSweep();
    Path outside = Files.writeString(tmp.resolve("precious.txt"), "keep");
    Files.createSymbolicLink(dir.resolve("cells.arrow"), outside);
    assertEquals(
        OutputDirectory.Outcome.OVERWRITTEN,
        OutputDirectory.checkWritable(FsPath.local(dir), false, true));
    assertEquals(List.of(), names(dir));
    assertEquals("keep", Files.readString(outside), "a symbolic link is removed, not followed");
  }

  @Test
  void overwriteRefusesAFolderThatIsNotASweepOutput() throws IOException {
    Path dir = tmp.resolve("home");
    Files.createDirectories(dir.resolve("thesis"));
    Files.writeString(dir.resolve("notes.txt"), "n");
    Files.writeString(dir.resolve("summary.csv"), "s");
    OutputDirectoryException e =
        assertThrows(
            OutputDirectoryException.class,
            () -> OutputDirectory.checkWritable(FsPath.local(dir), false, true));
    assertTrue(
        e.getMessage().contains("refusing to overwrite")
            && e.getMessage().contains("notes.txt")
            && e.getMessage().contains("thesis"),
        e.getMessage());
    assertEquals(List.of("notes.txt", "summary.csv", "thesis"), names(dir));
  }

  @Test
  void rejectsContradictoryFlagsAndFiles() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThrows(
        OutputDirectoryException.class,
        () -> OutputDirectory.checkWritable(FsPath.local(file), false, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> OutputDirectory.checkWritable(FsPath.local(tmp), true, true));
  }
}
