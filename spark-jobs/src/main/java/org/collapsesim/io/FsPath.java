package org.collapsesim.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A file or directory on any Hadoop file system: the one place where collapse-sim's outputs touch
 * storage ({@code --out DIR}, {@code file://...}, {@code hdfs://...}, {@code s3a://...}). Every
 * writer, the output-directory policy and the sweep's work parts go through it, so a test can make
 * storage fail by handing in a {@link FileSystem} that throws (a Hadoop {@code FilterFileSystem}
 * around the real one: "disk full", "permission denied").
 *
 * <p>What is atomic where, which {@link AtomicOutput} builds on:
 *
 * <ul>
 *   <li>{@code file} (a plain path): a POSIX {@code rename(2)} of a finished temporary, its content
 *       forced to the device first. Hadoop's raw local file system is used, so no {@code .crc} side
 *       files appear.
 *   <li>{@code hdfs} (and {@code viewfs}, {@code webhdfs}): a rename is one NameNode operation,
 *       atomic for files and directories; replacing a file uses {@link FileContext#rename} with
 *       {@code OVERWRITE}, also atomic.
 *   <li>Object stores ({@code s3a}, {@code gs}, {@code abfs}, anything else): a rename is a copy
 *       and a delete, not atomic, so nothing is renamed ({@link #atomicRename()} is false): a file
 *       is written at its final name and appears complete when its upload completes on close, or
 *       not at all. Directories that group files (a work part) are marked finished by a last file.
 * </ul>
 *
 * @param fs the file system
 * @param path a fully qualified path on it
 */
public record FsPath(FileSystem fs, Path path) {

  /** Schemes whose rename is one atomic metadata operation. */
  private static final Set<String> ATOMIC_RENAME_SCHEMES =
      Set.of("file", "hdfs", "viewfs", "webhdfs", "swebhdfs");

  /** Checks and qualifies the path. */
  public FsPath {
    Objects.requireNonNull(fs, "fs");
    path = fs.makeQualified(Objects.requireNonNull(path, "path"));
  }

  /**
   * The location a user named: a URI with a scheme ({@code hdfs://namenode:8020/sweeps/a}, {@code
   * file:///data/a}) or a plain local path, relative to the working directory.
   *
   * @param conf Hadoop configuration (Spark's {@code spark.hadoop.*} settings, credentials)
   * @throws IOException if the file system cannot be reached
   */
  public static FsPath of(String location, Configuration conf) throws IOException {
    Objects.requireNonNull(location, "location");
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() == null || uri.getScheme().length() == 1) { // "C:" is a drive, not a scheme
      return local(java.nio.file.Path.of(location));
    }
    Path p = new Path(uri);
    return new FsPath(fileSystem(p, conf), p);
  }

  /** A local path, on Hadoop's raw local file system. */
  public static FsPath local(java.nio.file.Path path) {
    // toUri() ends an existing directory with '/', which would leave it without a name
    String uri = path.toAbsolutePath().normalize().toUri().toString();
    if (uri.endsWith("/") && path.toAbsolutePath().getNameCount() > 0) {
      uri = uri.substring(0, uri.length() - 1);
    }
    Path p = new Path(java.net.URI.create(uri));
    try {
      return new FsPath(fileSystem(p, new Configuration()), p);
    } catch (IOException e) {
      throw new UncheckedIOException("the local file system is not available", e);
    }
  }

  private static FileSystem fileSystem(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return fs instanceof org.apache.hadoop.fs.LocalFileSystem local ? local.getRaw() : fs;
  }

  /** The URI text of this location, which {@link #of} reads back to the same location. */
  public String uri() {
    return path.toUri().toString();
  }

  /** The child {@code name} of this directory. */
  public FsPath resolve(String name) {
    return new FsPath(fs, new Path(path, name));
  }

  /** The parent directory, or null at the root. */
  public FsPath parent() {
    Path p = path.getParent();
    return p == null ? null : new FsPath(fs, p);
  }

  /** The last name of the path. */
  public String name() {
    return path.getName();
  }

  /** The local file, or null when the file system is not the local one. */
  public File localFile() {
    return fs instanceof RawLocalFileSystem local ? local.pathToFile(path) : null;
  }

  /** Whether a rename on this store is atomic (see the class comment). */
  public boolean atomicRename() {
    return ATOMIC_RENAME_SCHEMES.contains(scheme());
  }

  private String scheme() {
    try {
      return fs.getScheme();
    } catch (UnsupportedOperationException e) { // the raw local file system has no getScheme()
      return fs.getUri().getScheme();
    }
  }

  /** Whether anything exists here. */
  public boolean exists() throws IOException {
    return fs.exists(path);
  }

  /** Whether a directory exists here. */
  public boolean isDirectory() throws IOException {
    FileStatus s = statusOrNull();
    return s != null && s.isDirectory();
  }

  /** Whether a regular file exists here. */
  public boolean isFile() throws IOException {
    FileStatus s = statusOrNull();
    return s != null && s.isFile();
  }

  private FileStatus statusOrNull() throws IOException {
    try {
      return fs.getFileStatus(path);
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  /** The entries of this directory, sorted by name. */
  public List<FsPath> list() throws IOException {
    List<FsPath> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(path)) {
      out.add(new FsPath(fs, s.getPath()));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** Creates this directory and its parents. */
  public void mkdirs() throws IOException {
    if (!fs.mkdirs(path)) {
      throw new IOException("could not create directory " + uri());
    }
  }

  /** Deletes this file, or this directory and everything in it; nothing there is fine. */
  public void deleteRecursively() throws IOException {
    if (fs.exists(path) && !fs.delete(path, true) && fs.exists(path)) {
      throw new IOException("could not delete " + uri());
    }
  }

  /**
   * Creates a new file here for writing.
   *
   * @param replace whether an existing file may be replaced (object stores: the upload replaces it
   *     when it completes)
   * @throws FileAlreadyExistsException if a file exists and {@code replace} is false
   */
  public FSDataOutputStream create(boolean replace) throws IOException {
    try {
      return fs.create(path, replace);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(uri());
    }
  }

  /** Opens this file for reading. */
  public InputStream open() throws IOException {
    return fs.open(path);
  }

  /**
   * Renames this finished temporary onto {@code target} atomically (stores with {@link
   * #atomicRename()} only). A regular file replaces an existing file; a directory only takes a free
   * name.
   *
   * @throws FileAlreadyExistsException if {@code target} is a directory, or exists and this is one
   */
  public void renameOnto(FsPath target) throws IOException {
    if (!atomicRename()) {
      throw new IllegalStateException(scheme() + " has no atomic rename");
    }
    File from = localFile();
    if (from != null) {
      java.nio.file.Path source = from.toPath();
      if (Files.isRegularFile(source)) {
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE)) {
          channel.force(true); // content on the device before the name points at it
        }
      }
      java.nio.file.Path destination = target.localFile().toPath();
      boolean directory = Files.isDirectory(source);
      if (directory && Files.exists(destination)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      try {
        Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (directory && Files.exists(destination)) { // another writer took the name meanwhile
          throw new FileAlreadyExistsException(target.toString());
        }
        throw e;
      }
      return;
    }
    boolean file = isFile();
    if (!file && target.exists()) {
      throw new FileAlreadyExistsException(target.uri());
    }
    try {
      FileContext.getFileContext(fs.getUri(), fs.getConf())
          .rename(path, target.path, file ? Options.Rename.OVERWRITE : Options.Rename.NONE);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(target.uri());
    }
  }

  @Override
  public String toString() {
    return localFile() != null ? localFile().getPath() : uri();
  }
}
