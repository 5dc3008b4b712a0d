package org.collapsesim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * "Nothing half-written is ever visible": every output appears complete or not at all, on any store
 * {@link FsPath} reaches.
 *
 * <ul>
 *   <li>Stores with an atomic rename (local, HDFS): the output is written under a temporary name in
 *       its target's directory ({@code .NAME.tmp-<16 hex digits>}) and renamed onto the target only
 *       once complete (on a local disk after its content was forced to the device). Readers see the
 *       previous file or the new one, never a mix or a prefix. A regular file replaces an existing
 *       target; a directory (a Parquet folder, a work part) only takes a free name.
 *   <li>Object stores (no atomic rename): the output is written at its final name, rename-free; a
 *       file appears when its upload completes on close. A directory's files each appear complete;
 *       whoever reads the directory must know its last file marks it finished (the work parts'
 *       index, the manifest's {@code complete} status).
 * </ul>
 *
 * On any failure the temporary (or, rename-free, the partial target) is deleted.
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
   * Writes the file {@code target} atomically: {@code writer} receives a stream to its temporary,
   * closed (and the file committed) when the writer returns normally. If it throws, the temporary
   * is deleted and the exception propagates; {@code target} is untouched.
   */
  public static void writeFile(FsPath target, IOConsumer<OutputStream> writer) throws IOException {
    Objects.requireNonNull(writer, "writer");
    try (PendingFile pending = begin(target)) {
      try (OutputStream out = pending.create()) {
        writer.accept(out);
      }
      pending.commit();
    }
  }

  /**
   * Reserves a temporary for {@code target}, for outputs written piece by piece: write to {@link
   * PendingFile#temporary()} (a file through {@link PendingFile#create()}, or a directory), then
   * {@link PendingFile#commit()}; {@link PendingFile#close()} without a commit deletes it.
   *
   * @throws NoSuchFileException if the target's directory does not exist
   */
  public static PendingFile begin(FsPath target) throws IOException {
    Objects.requireNonNull(target, "target");
    FsPath dir = target.parent();
    if (dir == null || target.name().isEmpty()) {
      throw new IllegalArgumentException(
          "target must name a file inside a directory, got " + target);
    }
    if (!dir.isDirectory()) {
      throw dir.exists()
          ? new NotDirectoryException(dir.toString())
          : new NoSuchFileException(dir.toString(), null, "the output's directory does not exist");
    }
    if (!target.atomicRename()) {
      return new PendingFile(target, target);
    }
    byte[] suffix = new byte[8];
    synchronized (NAME_RANDOM) {
      NAME_RANDOM.nextBytes(suffix);
    }
    String name = "." + target.name() + ".tmp-" + HexFormat.of().formatHex(suffix);
    return new PendingFile(target, dir.resolve(name));
  }

  /**
   * Whether a file name is one of this class's temporary names (left behind by a killed process).
   */
  public static boolean isTemporaryName(String fileName) {
    return TEMPORARY_NAME.matcher(fileName).matches();
  }

  /**
   * A temporary reserved for a target. Committing renames it onto the target; closing without
   * committing deletes it. Not thread-safe.
   */
  public static final class PendingFile implements AutoCloseable {
    private final FsPath target;
    private final FsPath temporary;
    private boolean committed;

    private PendingFile(FsPath target, FsPath temporary) {
      this.target = target;
      this.temporary = temporary;
    }

    /** The target. */
    public FsPath target() {
      return target;
    }

    /**
     * Where to write: a fresh temporary name, or the target itself on a store without atomic
     * rename.
     */
    public FsPath temporary() {
      return temporary;
    }

    /** Creates {@link #temporary()} as a file and opens it for writing. */
    public OutputStream create() throws IOException {
      // the same object exactly when the store has no atomic rename (begin); not equals(): a
      // record's equals is bootstrapped at its first call, ~17 method-handle classes at start-up
      return temporary.create(temporary == target);
    }

    /** Whether {@link #commit()} has succeeded. */
    public boolean isCommitted() {
      return committed;
    }

    /**
     * Renames the finished temporary onto the target (a no-op when it was written in place).
     *
     * @throws IOException if nothing was written, or the rename fails (the temporary is then
     *     deleted by {@link #close()}); {@link FileAlreadyExistsException} when a directory's
     *     target is taken
     */
    public void commit() throws IOException {
      if (committed) {
        throw new IllegalStateException("already committed: " + target);
      }
      if (!temporary.exists()) {
        throw new NoSuchFileException(
            temporary.toString(), null, "the writer created nothing for " + target);
      }
      if (temporary != target) {
        temporary.renameOnto(target);
      }
      committed = true;
    }

    /** Deletes the temporary unless committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        temporary.deleteRecursively();
      }
    }
  }
}
