package org.collapsesim.io;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A file or directory where collapse-sim's outputs go ({@code --out DIR}, {@code file://...},
 * {@code hdfs://...}, {@code s3a://...}): the one place where they touch storage. Every writer, the
 * output-directory policy and the sweep's work parts go through it.
 *
 * <p>Two kinds, one contract:
 *
 * <ul>
 *   <li>{@link Local}: a plain path or a {@code file:} URI, through {@code java.nio}. A run that
 *       writes csv or Arrow locally never starts Hadoop (its configuration, file systems and
 *       logging cost a second of CPU at start-up); Parquet's writer and reader still get a Hadoop
 *       view of the same file ({@link #fs()}, {@link #path()}).
 *   <li>{@link OnHadoop}: any Hadoop file system. A test makes storage fail by handing in a {@link
 *       FileSystem} that throws (a Hadoop {@code FilterFileSystem} around the real one: "disk
 *       full", "permission denied").
 * </ul>
 *
 * <p>What is atomic where, which {@link AtomicOutput} builds on:
 *
 * <ul>
 *   <li>Local files: a POSIX {@code rename(2)} of a finished temporary, its content forced to the
 *       device first; no {@code .crc} side files.
 *   <li>{@code hdfs} (and {@code viewfs}, {@code webhdfs}): a rename is one NameNode operation,
 *       atomic for files and directories; replacing a file uses {@link FileContext#rename} with
 *       {@code OVERWRITE}, also atomic.
 *   <li>Object stores ({@code s3a}, {@code gs}, {@code abfs}, anything else): a rename is a copy
 *       and a delete, not atomic, so nothing is renamed ({@link #atomicRename()} is false): a file
 *       is written at its final name and appears complete when its upload completes on close, or
 *       not at all. Directories that group files (a work part) are marked finished by a last file.
 * </ul>
 */
public sealed interface FsPath permits FsPath.Local, FsPath.OnHadoop {

  /**
   * The location a user named: a URI with a scheme ({@code hdfs://namenode:8020/sweeps/a}, {@code
   * file:///data/a}) or a plain local path, relative to the working directory.
   *
   * @param conf Hadoop configuration (Spark's {@code spark.hadoop.*} settings, credentials), asked
   *     for only when the location is not local
   * @throws IOException if the file system cannot be reached
   */
  static FsPath of(String location, Supplier<Configuration> conf) throws IOException {
    Objects.requireNonNull(location, "location");
    URI uri = URI.create(location.replace(" ", "%20"));
    String scheme = uri.getScheme();
    if (scheme == null || scheme.length() == 1) { // "C:" is a drive, not a scheme
      return local(java.nio.file.Path.of(location));
    }
    if (scheme.equals("file") && !uri.isOpaque() && uri.getRawAuthority() == null) {
      return local(java.nio.file.Path.of(URI.create("file://" + uri.getRawPath())));
    }
    Path p = new Path(uri);
    return onHadoop(fileSystem(p, conf.get()), p);
  }

  /** A local path. */
  static FsPath local(java.nio.file.Path path) {
    return new Local(path);
  }

  /** A path on a Hadoop file system (the raw one, without checksum files, for the local one). */
  static FsPath onHadoop(FileSystem fs, Path path) {
    return new OnHadoop(fs, path);
  }

  private static FileSystem fileSystem(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return fs instanceof org.apache.hadoop.fs.LocalFileSystem local ? local.getRaw() : fs;
  }

  /** The Hadoop file system of this location (for Parquet, which writes and reads through it). */
  FileSystem fs();

  /** The fully qualified Hadoop path of this location. */
  Path path();

  /** The URI text of this location, which {@link #of} reads back to the same location. */
  String uri();

  /** The child {@code name} of this directory. */
  FsPath resolve(String name);

  /** The parent directory, or null at the root. */
  FsPath parent();

  /** The last name of the path. */
  String name();

  /** The local file, or null when the file system is not the local one. */
  File localFile();

  /** Whether a rename on this store is atomic (see the interface comment). */
  boolean atomicRename();

  /** Whether anything exists here. */
  boolean exists() throws IOException;

  /** Whether a directory exists here. */
  boolean isDirectory() throws IOException;

  /** Whether a regular file exists here. */
  boolean isFile() throws IOException;

  /** The entries of this directory, sorted by name. */
  List<FsPath> list() throws IOException;

  /** Creates this directory and its parents. */
  void mkdirs() throws IOException;

  /**
   * Deletes this file, or this directory and everything in it (symbolic links are deleted, never
   * followed); nothing there is fine.
   */
  void deleteRecursively() throws IOException;

  /**
   * Creates a new file here for writing.
   *
   * @param replace whether an existing file may be replaced (object stores: the upload replaces it
   *     when it completes)
   * @throws FileAlreadyExistsException if a file exists and {@code replace} is false
   */
  OutputStream create(boolean replace) throws IOException;

  /** Opens this file for reading. */
  InputStream open() throws IOException;

  /**
   * Renames this finished temporary onto {@code target} atomically (stores with {@link
   * #atomicRename()} only). A regular file replaces an existing file; a directory only takes a free
   * name.
   *
   * @throws FileAlreadyExistsException if {@code target} is a directory, or exists and this is one
   */
  void renameOnto(FsPath target) throws IOException;

  /**
   * A local file or directory through {@code java.nio}.
   *
   * @param file the absolute, normalised path
   */
  record Local(java.nio.file.Path file) implements FsPath {

    /** The write buffer of a created file. */
    private static final int BUFFER = 1 << 16;

    /** Makes the path absolute and normal. */
    public Local {
      file = file.toAbsolutePath().normalize();
    }

    @Override
    public FileSystem fs() {
      return Hadoop.RAW;
    }

    /** Hadoop's raw local file system, started on first use (Parquet only). */
    private static final class Hadoop {
      static final FileSystem RAW;

      static {
        try {
          RAW = FileSystem.getLocal(new Configuration()).getRaw();
        } catch (IOException e) {
          throw new UncheckedIOException("the local file system is not available", e);
        }
      }
    }

    @Override
    public Path path() {
      return new Path(URI.create(uri()));
    }

    /** {@code file:/a/b}, as Hadoop writes a local path (spaces and the like escaped). */
    @Override
    public String uri() {
      try {
        return new URI("file", null, file.toString(), null).toString();
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a local path: " + file, e);
      }
    }

    @Override
    public FsPath resolve(String name) {
      return new Local(file.resolve(name));
    }

    @Override
    public FsPath parent() {
      java.nio.file.Path p = file.getParent();
      return p == null ? null : new Local(p);
    }

    @Override
    public String name() {
      java.nio.file.Path name = file.getFileName();
      return name == null ? "" : name.toString();
    }

    @Override
    public File localFile() {
      return file.toFile();
    }

    @Override
    public boolean atomicRename() {
      return true;
    }

    @Override
    public boolean exists() {
      return Files.exists(file);
    }

    @Override
    public boolean isDirectory() {
      return Files.isDirectory(file);
    }

    @Override
    public boolean isFile() {
      return Files.isRegularFile(file);
    }

    @Override
    public List<FsPath> list() throws IOException {
      try (Stream<java.nio.file.Path> entries = Files.list(file)) {
        return entries.sorted().map(p -> (FsPath) new Local(p)).toList();
      }
    }

    @Override
    public void mkdirs() throws IOException {
      try {
        Files.createDirectories(file);
      } catch (FileAlreadyExistsException e) { // a file in the way
        throw new IOException("could not create directory " + uri(), e);
      }
    }

    @Override
    public void deleteRecursively() throws IOException {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      Files.walkFileTree( // does not follow links: a link is visited as a file and deleted
          file,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(java.nio.file.Path f, BasicFileAttributes a)
                throws IOException {
              Files.deleteIfExists(f);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(java.nio.file.Path d, IOException e)
                throws IOException {
              if (e != null) {
                throw e;
              }
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    }

    @Override
    public OutputStream create(boolean replace) throws IOException {
      OutputStream out =
          replace
              ? Files.newOutputStream(file)
              : Files.newOutputStream(
                  file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new BufferedOutputStream(out, BUFFER);
    }

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public void renameOnto(FsPath target) throws IOException {
      renameLocally(file, target.localFile().toPath(), target);
    }

    @Override
    public String toString() {
      return file.toString();
    }
  }

  /**
   * A file or directory on a Hadoop file system.
   *
   * @param fs the file system
   * @param path a fully qualified path on it
   */
  record OnHadoop(FileSystem fs, Path path) implements FsPath {

    /** Schemes whose rename is one atomic metadata operation. */
    private static final Set<String> ATOMIC_RENAME_SCHEMES =
        Set.of("file", "hdfs", "viewfs", "webhdfs", "swebhdfs");

    /** Checks and qualifies the path. */
    public OnHadoop {
      Objects.requireNonNull(fs, "fs");
      path = fs.makeQualified(Objects.requireNonNull(path, "path"));
    }

    @Override
    public String uri() {
      return path.toUri().toString();
    }

    @Override
    public FsPath resolve(String name) {
      return new OnHadoop(fs, new Path(path, name));
    }

    @Override
    public FsPath parent() {
      Path p = path.getParent();
      return p == null ? null : new OnHadoop(fs, p);
    }

    @Override
    public String name() {
      return path.getName();
    }

    @Override
    public File localFile() {
      return fs instanceof RawLocalFileSystem local ? local.pathToFile(path) : null;
    }

    @Override
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

    @Override
    public boolean exists() throws IOException {
      return fs.exists(path);
    }

    @Override
    public boolean isDirectory() throws IOException {
      FileStatus s = statusOrNull();
      return s != null && s.isDirectory();
    }

    @Override
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

    @Override
    public List<FsPath> list() throws IOException {
      List<FsPath> out = new ArrayList<>();
      for (FileStatus s : fs.listStatus(path)) {
        out.add(new OnHadoop(fs, s.getPath()));
      }
      out.sort((a, b) -> a.name().compareTo(b.name()));
      return out;
    }

    @Override
    public void mkdirs() throws IOException {
      if (!fs.mkdirs(path)) {
        throw new IOException("could not create directory " + uri());
      }
    }

    @Override
    public void deleteRecursively() throws IOException {
      if (fs.exists(path) && !fs.delete(path, true) && fs.exists(path)) {
        throw new IOException("could not delete " + uri());
      }
    }

    @Override
    public OutputStream create(boolean replace) throws IOException {
      try {
        return fs.create(path, replace);
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException(uri());
      }
    }

    @Override
    public InputStream open() throws IOException {
      return fs.open(path);
    }

    @Override
    public void renameOnto(FsPath target) throws IOException {
      if (!atomicRename()) {
        throw new IllegalStateException(scheme() + " has no atomic rename");
      }
      File from = localFile();
      if (from != null) {
        renameLocally(from.toPath(), target.localFile().toPath(), target);
        return;
      }
      boolean file = isFile();
      if (!file && target.exists()) {
        throw new FileAlreadyExistsException(target.uri());
      }
      try {
        FileContext.getFileContext(fs.getUri(), fs.getConf())
            .rename(path, target.path(), file ? Options.Rename.OVERWRITE : Options.Rename.NONE);
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException(target.uri());
      }
    }

    @Override
    public String toString() {
      return localFile() != null ? localFile().getPath() : uri();
    }
  }

  /**
   * A local rename(2) of a finished temporary: a file's content forced to the device before the
   * name points at it; a directory only onto a free name.
   */
  private static void renameLocally(
      java.nio.file.Path source, java.nio.file.Path destination, FsPath target) throws IOException {
    if (Files.isRegularFile(source)) {
      try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
    }
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
  }
}
