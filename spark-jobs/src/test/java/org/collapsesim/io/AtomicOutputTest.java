package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writerThatFailsHalfwayLeavesNeitherTargetNorTemporary() throws IOException {
    Path target = dir.resolve("summary.csv");
    Path[] seen = new Path[1];
    IOException boom = new IOException("disk full, say");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                AtomicOutput.writeAtomically(
                    target,
                    tmp -> {
                      seen[0] = tmp;
                      try (OutputStream out = Files.newOutputStream(tmp)) {
                        out.write("cell_id,generation\r\nc1,".getBytes(StandardCharsets.UTF_8));
                        // Mid-write, only the temporary exists, under a hidden name in the same
                        // directory.
                        assertFalse(Files.exists(target));
                        assertEquals(dir, tmp.getParent());
                        assertTrue(
                            AtomicOutput.isTemporaryName(tmp.getFileName().toString()),
                            tmp.toString());
                        assertTrue(
                            tmp.getFileName().toString().startsWith(".summary.csv.tmp-"),
                            tmp.toString());
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
    assertFalse(Files.exists(seen[0]));
    assertEquals(List.of(), names());
  }

  @Test
  void uncheckedFailuresCleanUpToo() throws IOException {
    Path target = dir.resolve("x.json");
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicOutput.writeAtomically(
                target,
                tmp -> {
                  Files.writeString(tmp, "{\"half\":");
                  throw new IllegalStateException("bug");
                }));
    assertEquals(List.of(), names());
  }

  @Test
  void failedRewriteKeepsThePreviousContent() throws IOException {
    Path target = dir.resolve("manifest.json");
    AtomicOutput.writeAtomically(target, tmp -> Files.writeString(tmp, "old"));
    assertThrows(
        IOException.class,
        () ->
            AtomicOutput.writeAtomically(
                target,
                tmp -> {
                  Files.writeString(tmp, "new but incomp");
                  throw new IOException("killed");
                }));
    assertEquals("old", Files.readString(target));
    AtomicOutput.writeAtomically(target, tmp -> Files.writeString(tmp, "new"));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("manifest.json"), names());
  }

  @Test
  void writerThatCreatesNothingIsAnError() throws IOException {
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () -> AtomicOutput.writeAtomically(dir.resolve("a.arrow"), tmp -> {}));
    assertTrue(e.getMessage().contains("created nothing"), e.getMessage());
    assertEquals(List.of(), names());
  }

  @Test
  void directoryOutputsMoveIntoPlaceWhole() throws IOException {
    Path target = dir.resolve("generations");
    AtomicOutput.writeAtomically(
        target,
        tmp -> {
          Files.createDirectory(tmp);
          Files.writeString(tmp.resolve("part-0.parquet"), "p0");
          Files.writeString(tmp.resolve("_SUCCESS"), "");
        });
    assertEquals("p0", Files.readString(target.resolve("part-0.parquet")));

    Path failed = dir.resolve("other");
    assertThrows(
        IOException.class,
        () ->
            AtomicOutput.writeAtomically(
                failed,
                tmp -> {
                  Files.createDirectories(tmp.resolve("a/b"));
                  Files.writeString(tmp.resolve("a/b/part-1.parquet"), "p1");
                  throw new IOException("task failed");
                }));
    assertEquals(List.of("generations"), names(), "the half-written directory tree is deleted");
  }

  @Test
  void pendingFileCommitsOnceAndRequiresADirectory() throws IOException {
    try (AtomicOutput.PendingFile p = AtomicOutput.begin(dir.resolve("a.txt"))) {
      Files.writeString(p.temporary(), "a");
      p.commit();
      assertTrue(p.isCommitted());
      assertThrows(IllegalStateException.class, p::commit);
    }
    assertEquals(List.of("a.txt"), names());
    assertThrows(
        NoSuchFileException.class, () -> AtomicOutput.begin(dir.resolve("no/such/dir/a.txt")));
  }

  @Test
  void recognisesOnlyItsOwnTemporaryNames() {
    assertTrue(AtomicOutput.isTemporaryName(".summary.arrow.tmp-0123456789abcdef"));
    assertFalse(AtomicOutput.isTemporaryName("summary.arrow.tmp-0123456789abcdef"));
    assertFalse(AtomicOutput.isTemporaryName(".summary.arrow.tmp-xyz"));
    assertFalse(AtomicOutput.isTemporaryName(".gitignore"));
  }
}
