package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local paths: their names whether or not they exist, the locations a user may write for them, and
 * the same behaviour through {@code java.nio} ({@link FsPath.Local}) as through Hadoop's raw local
 * file system ({@link FsPath.OnHadoop}), which other stores share.
 */
class FsPathTest {

  /** A configuration that must not be asked for: local locations never start Hadoop. */
  private static final Supplier<Configuration> NO_HADOOP =
      () -> {
        throw new AssertionError("a local location asked for a Hadoop configuration");
      };

  @TempDir Path tmp;

  @Test
  void aLocalDirectoryHasItsNameAndParentWhetherOrNotItExists() throws Exception {
    Path dir = tmp.resolve("figures");
    FsPath before = FsPath.local(dir);
    Files.createDirectory(dir);
    FsPath after = FsPath.local(dir);
    for (FsPath p : new FsPath[] {before, after}) {
      assertEquals("figures", p.name());
      assertEquals(tmp.getFileName().toString(), p.parent().name());
      assertEquals(dir.resolve("x.svg").toFile(), p.resolve("x.svg").localFile());
    }
    assertEquals(before, after);
  }

  @Test
  void plainPathsAndFileUrisAreLocalAndReadBackFromTheirUri() throws IOException {
    Path dir = tmp.resolve("a b").resolve("out");
    FsPath plain = FsPath.of(dir.toString(), NO_HADOOP);
    assertInstanceOf(FsPath.Local.class, plain);
    assertEquals(plain, FsPath.of(dir.toUri().toString(), NO_HADOOP)); // file:///...
    assertEquals(plain, FsPath.of(plain.uri(), NO_HADOOP)); // file:/... with %20
    assertEquals(
        FsPath.onHadoop(plain.fs(), plain.path()).uri(),
        plain.uri(),
        "the same URI text as Hadoop's for the same file");
    assertEquals(dir.toFile(), plain.localFile());
  }

  @Test
  void localAndHadoopLocalBehaveAlike() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep");
    List<String> viaNio = script(FsPath.local(tmp.resolve("nio")), outside);
    FsPath hadoop = FsPath.local(tmp.resolve("hadoop"));
    List<String> viaHadoop = script(FsPath.onHadoop(hadoop.fs(), hadoop.path()), outside);
    assertEquals(viaHadoop, viaNio);
    assertEquals("keep", Files.readString(outside.resolve("keep.txt")), "links are not followed");
  }

  /** Every operation once, the observations in order. */
  private static List<String> script(FsPath dir, Path outside) throws IOException {
    List<String> seen = new ArrayList<>();
    seen.add("exists " + dir.exists());
    dir.mkdirs();
    dir.mkdirs();
    seen.add("dir " + dir.isDirectory() + " file " + dir.isFile());
    FsPath b = dir.resolve("b.txt");
    write(b, false, "first");
    seen.add("again " + assertThrows(FileAlreadyExistsException.class, () -> b.create(false)));
    write(b, true, "second");
    seen.add("read " + read(b) + " file " + b.isFile());
    write(dir.resolve("a.txt"), false, "a");
    FsPath sub = dir.resolve("sub");
    sub.resolve("deep").mkdirs();
    write(sub.resolve("deep").resolve("c.txt"), false, "c");
    Files.createSymbolicLink(sub.localFile().toPath().resolve("link"), outside);
    seen.add("list " + dir.list().stream().map(FsPath::name).toList());
    assertThrows(IOException.class, b::mkdirs, "mkdirs over a file"); // messages differ

    FsPath moved = dir.resolve("moved.txt");
    write(moved, false, "old");
    dir.resolve("a.txt").renameOnto(moved);
    seen.add("renamed " + read(moved) + " " + dir.resolve("a.txt").exists());
    FsPath taken = dir.resolve("taken");
    taken.mkdirs();
    seen.add(
        "dir onto taken "
            + assertThrows(FileAlreadyExistsException.class, () -> sub.renameOnto(taken))
                .getClass()
                .getSimpleName());

    sub.deleteRecursively();
    sub.deleteRecursively(); // nothing there is fine
    seen.add("deleted " + sub.exists() + " " + dir.list().stream().map(FsPath::name).toList());
    return seen.stream()
        .map(s -> s.replace(dir.uri(), "DIR").replace(dir.toString(), "DIR"))
        .toList();
  }

  private static void write(FsPath file, boolean replace, String text) throws IOException {
    try (OutputStream out = file.create(replace)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(FsPath file) throws IOException {
    try (InputStream in = file.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aLocalFileIsWrittenThroughItsBuffer() throws IOException {
    FsPath file = FsPath.local(tmp.resolve("big.bin"));
    byte[] bytes = new byte[200_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    try (OutputStream out = file.create(false)) {
      out.write(bytes, 0, 7);
      out.write(bytes, 7, bytes.length - 7);
    }
    assertArrayEquals(bytes, Files.readAllBytes(tmp.resolve("big.bin")));
    assertTrue(file.isFile());
    assertFalse(file.isDirectory());
  }
}
