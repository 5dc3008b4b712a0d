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
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private FsPath at(String name) {
    return FsPath.local(dir.resolve(name));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writerThatFailsHalfwayLeavesNeitherTargetNorTemporary() throws IOException {
    FsPath target = at("summary.csv");
    IOException boom = new IOException("disk full, say");
    FsPath[] seen = new FsPath[1];
    IOException thrown;
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      seen[0] = pending.temporary();
      thrown =
          assertThrows(
              IOException.class,
              () ->
                  AtomicOutput.writeFile(
                      target,
                      out -> {
                        out.write(utf8("cell_id,generation\r\nc1,"));
                        // Mid-write, only the temporary exists, under a hidden name beside it.
                        assertFalse(target.exists());
                        assertEquals(1, names().size(), names().toString());
                        String tmp = names().get(0);
                        assertTrue(AtomicOutput.isTemporaryName(tmp), tmp);
                        assertTrue(tmp.startsWith(".summary.csv.tmp-"), tmp);
                        throw boom;
                      }));
    }
    assertSame(boom, thrown);
    assertEquals(target.parent(), seen[0].parent());
    assertEquals(List.of(), names());
  }

  @Test
  void uncheckedFailuresCleanUpToo() throws IOException {
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicOutput.writeFile(
                at("x.json"),
                out -> {
                  out.write(utf8("{\"half\":"));
                  throw new IllegalStateException("bug");
                }));
    assertEquals(List.of(), names());
  }

  @Test
  void failedRewriteKeepsThePreviousContent() throws IOException {
    FsPath target = at("manifest.json");
    AtomicOutput.writeFile(target, out -> out.write(utf8("old")));
    assertThrows(
        IOException.class,
        () ->
            AtomicOutput.writeFile(
                target,
                out -> {
                  out.write(utf8("new but incomp"));
                  throw new IOException("killed");
                }));
    assertEquals("old", Files.readString(dir.resolve("manifest.json")));
    AtomicOutput.writeFile(target, out -> out.write(utf8("new")));
    assertEquals("new", Files.readString(dir.resolve("manifest.json")));
    assertEquals(List.of("manifest.json"), names());
  }

  @Test
  void writerThatCreatesNothingIsAnError() throws IOException {
    NoSuchFileException e;
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(at("a.arrow"))) {
      e = assertThrows(NoSuchFileException.class, pending::commit);
    }
    assertTrue(e.getMessage().contains("created nothing"), e.getMessage());
    assertEquals(List.of(), names());
  }

  @Test
  void directoryOutputsMoveIntoPlaceWholeAndNeverOntoATakenName() throws IOException {
    FsPath target = at("generations");
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      pending.temporary().mkdirs();
      AtomicOutput.writeFile(
          pending.temporary().resolve("part-0.parquet"), o -> o.write(utf8("p0")));
      pending.commit();
    }
    assertEquals("p0", Files.readString(dir.resolve("generations/part-0.parquet")));

    try (AtomicOutput.PendingFile second = AtomicOutput.begin(target)) {
      second.temporary().mkdirs();
      AtomicOutput.writeFile(
          second.temporary().resolve("part-1.parquet"), o -> o.write(utf8("p1")));
      assertThrows(java.nio.file.FileAlreadyExistsException.class, second::commit);
    }
    assertEquals(List.of("generations"), names(), "the losing directory is deleted");
    assertEquals(List.of("part-0.parquet"), target.list().stream().map(FsPath::name).toList());
  }

  @Test
  void pendingFileCommitsOnceAndRequiresADirectory() throws IOException {
    try (AtomicOutput.PendingFile p = AtomicOutput.begin(at("a.txt"))) {
      try (OutputStream out = p.create()) {
        out.write('a');
      }
      p.commit();
      assertTrue(p.isCommitted());
      assertThrows(IllegalStateException.class, p::commit);
    }
    assertEquals(List.of("a.txt"), names());
    assertThrows(NoSuchFileException.class, () -> AtomicOutput.begin(at("no/such/dir/a.txt")));
  }

  @Test
  void aFileSystemThatFailsMidWriteLeavesNothingVisible() throws IOException {
    // Failure injection through the FileSystem layer: a store that fills up after 10 bytes.
    FilterFileSystem full =
        new FilterFileSystem(FsPath.local(dir).fs()) {
          @Override
          public FSDataOutputStream create(
              org.apache.hadoop.fs.Path f,
              FsPermission permission,
              boolean overwrite,
              int bufferSize,
              short replication,
              long blockSize,
              Progressable progress)
              throws IOException {
            FSDataOutputStream real =
                super.create(
                    f, permission, overwrite, bufferSize, replication, blockSize, progress);
            return new FSDataOutputStream(
                new OutputStream() {
                  long written;

                  @Override
                  public void write(int b) throws IOException {
                    if (++written > 10) {
                      throw new IOException("No space left on device");
                    }
                    real.write(b);
                  }

                  @Override
                  public void close() throws IOException {
                    real.close();
                  }
                },
                null);
          }
        };
    FsPath target = FsPath.onHadoop(full, FsPath.local(dir.resolve("summary.csv")).path());
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (CsvWriter.Appender out = CsvWriter.open(target, TestTables.schema())) {
                for (int i = 0; i < 1000; i++) {
                  out.append(TestTables.row(i));
                }
                out.commit();
              }
            });
    assertEquals("No space left on device", e.getMessage());
    assertEquals(List.of(), names());
  }

  @Test
  void withoutAtomicRenameFilesAreWrittenInPlaceAndRemovedOnFailure() throws IOException {
    // An object store: rename is a copy, so nothing is renamed.
    FilterFileSystem store =
        new FilterFileSystem(FsPath.local(dir).fs()) {
          @Override
          public String getScheme() {
            return "s3a";
          }
        };
    FsPath target = FsPath.onHadoop(store, FsPath.local(dir.resolve("chains.csv")).path());
    assertFalse(target.atomicRename());
    try (AtomicOutput.PendingFile pending = AtomicOutput.begin(target)) {
      assertEquals(target, pending.temporary());
    }
    assertThrows(
        IOException.class,
        () ->
            AtomicOutput.writeFile(
                target,
                out -> {
                  out.write(utf8("half"));
                  throw new IOException("upload aborted");
                }));
    assertEquals(List.of(), names());
    AtomicOutput.writeFile(target, out -> out.write(utf8("whole")));
    assertEquals("whole", Files.readString(dir.resolve("chains.csv")));
    AtomicOutput.writeFile(target, out -> out.write(utf8("again"))); // in place: it replaces
    assertEquals("again", Files.readString(dir.resolve("chains.csv")));
  }

  @Test
  void recognisesOnlyItsOwnTemporaryNames() {
    assertTrue(AtomicOutput.isTemporaryName(".summary.arrow.tmp-0123456789abcdef"));
    assertFalse(AtomicOutput.isTemporaryName("summary.arrow.tmp-0123456789abcdef"));
    assertFalse(AtomicOutput.isTemporaryName(".summary.arrow.tmp-xyz"));
    assertFalse(AtomicOutput.isTemporaryName(".gitignore"));
  }
}
