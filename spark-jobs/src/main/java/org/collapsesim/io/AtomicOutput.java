package org.collapsesim.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * "Nothing half-written is ever visible" (SPEC §9): every output is written under a temporary name
 * in its target's directory ({@code .NAME.tmp-<16 hex digits>}) and renamed onto the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} only once complete, after its content was forced to the
 * storage device. Readers see the previous file or the new one, never a mix or a prefix. On any
 * failure the temporary is deleted and the target is left as it was.
 *
 * <p>The rename replaces an existing regular file (POSIX {@code rename(2)}); a directory output
 * (say a Parquet folder that Spark wrote into the temporary path) can only replace a target that
 * does not exist.
 */
public final class AtomicOutput {

  /** Matches the temporary names this class makes, for cleaning up after a crashed process. */
  private static final Pattern TEMPORARY_NAME = Pattern.compile("^\\..+\\.tmp-[0-9a-f]{16}$");

  // Temporary names only need to be unique among concurrent writers; they never reach an output.
  private static final SecureRandom NAME_RANDOM = new SecureRandom();

  private AtomicOutput() {}

  /**
   * An action on a value that may throw {@link IOException}.
   *
   * @param <T> the value type
   */
  @FunctionalInterface
  public interface IOConsumer<T> {
    /** Performs the action. */
    void accept(T value) throws IOException;
  }

  /**
   * Writes {@code target} atomically: {@code writer} receives a temporary path in the same
   * directory, which does not exist yet, and must create the file (or directory) there; when it
   * returns normally the result is renamed onto {@code target}. If it throws, the temporary is
   * deleted and the exception propagates; {@code target} is untouched.
   *
   * @throws IOException from the writer, or if the rename fails
   */
  public static void writeAtomically(Path target, IOConsumer<Path> writer) throws IOException {
    Objects.requireNonNull(writer, "writer");
    try (PendingFile pending = begin(target)) {
      writer.accept(pending.temporary());
      pending.commit();
    }
  }

  /**
   * Reserves a temporary path for {@code target}, for outputs written piece by piece (the streaming
   * appenders). Write to {@link PendingFile#temporary()}, then {@link PendingFile#commit()}; {@link
   * PendingFile#close()} without a commit deletes the temporary.
   *
   * @throws NoSuchFileException if the target's directory does not exist
   */
  public static PendingFile begin(Path target) throws IOException {
    Objects.requireNonNull(target, "target");
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    Path name = absolute.getFileName();
    if (dir == null || name == null) {
      throw new IllegalArgumentException(
          "target must name a file inside a directory, got " + target);
    }
    if (!Files.isDirectory(dir)) {
      throw Files.exists(dir)
          ? new NotDirectoryException(dir.toString())
          : new NoSuchFileException(dir.toString(), null, "the output's directory does not exist");
    }
    byte[] suffix = new byte[8];
    synchronized (NAME_RANDOM) {
      NAME_RANDOM.nextBytes(suffix);
    }
    Path temporary = dir.resolve("." + name + ".tmp-" + HexFormat.of().formatHex(suffix));
    return new PendingFile(absolute, temporary);
  }

  /**
   * Whether a file name is one of this class's temporary names (left behind by a killed process).
   */
  public static boolean isTemporaryName(String fileName) {
    return TEMPORARY_NAME.matcher(fileName).matches();
  }

  /**
   * Deletes a file, or a directory with everything in it; symbolic links are deleted, not followed.
   */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * A temporary path reserved for a target. Committing renames it onto the target; closing without
   * committing deletes it. Not thread-safe.
   */
  public static final class PendingFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private boolean committed;

    private PendingFile(Path target, Path temporary) {
      this.target = target;
      this.temporary = temporary;
    }

    /** The absolute target path. */
    public Path target() {
      return target;
    }

    /** The temporary path to write to; it does not exist until the writer creates it. */
    public Path temporary() {
      return temporary;
    }

    /** Whether {@link #commit()} has succeeded. */
    public boolean isCommitted() {
      return committed;
    }

    /**
     * Forces a regular file's content to the device and renames the temporary onto the target.
     *
     * @throws IOException if nothing was written at the temporary path, or the rename fails (the
     *     temporary is then deleted by {@link #close()})
     */
    public void commit() throws IOException {
      if (committed) {
        throw new IllegalStateException("already committed: " + target);
      }
      if (!Files.exists(temporary, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new NoSuchFileException(
            temporary.toString(), null, "the writer created nothing for " + target);
      }
      if (Files.isRegularFile(temporary, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    }

    /** Deletes the temporary unless committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        deleteRecursively(temporary);
      }
    }
  }
}
