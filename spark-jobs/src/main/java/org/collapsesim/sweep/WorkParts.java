package org.collapsesim.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapsesim.io.Column;
import org.collapsesim.io.ColumnType;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.TableSchema;

/**
 * The committed work of a sweep, under {@code DIR/_work/parts/}: one directory per finished task,
 * renamed into place only when complete (a killed task leaves at most a hidden temporary, which
 * {@code --resume} ignores and removes); on a store without atomic rename the part is written in
 * place and its index, written last, marks it finished (a part without one is ignored and
 * rewritten). Each part holds
 *
 * <ul>
 *   <li>{@value #GENERATIONS_FILE}: the generation rows of its ok chains (the generations table's
 *       columns plus {@value #CELL_INDEX});
 *   <li>{@value #CHAINS_FILE}: one row per chain, ok or failed (the chains table's columns plus
 *       {@value #CELL_INDEX} and {@value #ATTEMPT});
 *   <li>{@value #INDEX_FILE}: the SHA-256 of the two Parquet files ({@code
 *       #sha256<TAB>file<TAB>hex}), then {@code cell<TAB>replicate<TAB>ok|failed<TAB>short} per
 *       chain (short: its generations whose refilled verifier part stayed short; absent in parts
 *       written before it was recorded, read as 0), then {@code #end<TAB>chains}: read by the
 *       driver to plan a resume and count failures without Spark.
 * </ul>
 *
 * <p>{@code --resume} checks every committed part against its index (checksums and the end line)
 * before it plans: a part truncated or corrupted after it was committed (a disk that lied, a copy
 * cut short) is reported, deleted, and its chains are run again; nothing of it reaches a table.
 *
 * <p>A chain committed ok is never rerun, so its generation rows exist exactly once; a failed chain
 * is rerun by {@code --resume} in a later attempt, and the assembly keeps, per chain, the ok
 * record, else the latest attempt's.
 */
public final class WorkParts {

  /** The work directory's name inside the output directory. */
  public static final String WORK_DIR = "_work";

  public static final String GENERATIONS_FILE = "generations.parquet";
  public static final String CHAINS_FILE = "chains.parquet";
  public static final String INDEX_FILE = "index.tsv";
  public static final String CELL_INDEX = "_cell_index";
  public static final String ATTEMPT = "_attempt";

  /** The index's checksum lines start with this. */
  static final String CHECKSUM = "#sha256";

  /** The index's last line: the number of chain lines, so a truncated index is detected. */
  public static final String END = "#end";

  private static final Pattern PART_NAME = Pattern.compile("^part-a(\\d+)-t(\\d+)$");

  private WorkParts() {}

  /** {@code DIR/_work/parts}. */
  public static FsPath partsDir(FsPath outputDir) {
    return outputDir.resolve(WORK_DIR).resolve("parts");
  }

  /** The generations part schema: the generations table plus the cell index. */
  public static TableSchema generationsPartSchema(OutputLayout layout) {
    List<Column> columns = new ArrayList<>(layout.generationsSchema().columns());
    columns.add(Column.required(CELL_INDEX, ColumnType.INT32));
    return new TableSchema(columns, Map.of());
  }

  /** The chains part schema: the chains table plus the cell index and the attempt. */
  public static TableSchema chainsPartSchema(OutputLayout layout) {
    List<Column> columns = new ArrayList<>(layout.chainsSchema().columns());
    columns.add(Column.required(CELL_INDEX, ColumnType.INT32));
    columns.add(Column.required(ATTEMPT, ColumnType.INT32));
    return new TableSchema(columns, Map.of());
  }

  /** What the committed parts hold, from their index files. */
  public static final class Committed {
    private final Map<Integer, BitSet> ok = new HashMap<>();
    private final Map<Integer, BitSet> failed = new HashMap<>();
    private final Map<Integer, Long> verifierShort = new HashMap<>();
    private final List<FsPath> parts = new ArrayList<>();
    private final Map<Integer, List<FsPath>> partsByCell = new HashMap<>();
    private int lastAttempt;

    /** For each cell index, the replicates committed ok. */
    public Map<Integer, BitSet> ok() {
      return ok;
    }

    /**
     * Per cell index, the generations of its ok chains whose refilling verifier exhausted max_draws
     * (cells without any are absent).
     */
    public Map<Integer, Long> verifierShortGenerations() {
      return verifierShort;
    }

    /** The highest attempt number of any part (0 when there is none). */
    public int lastAttempt() {
      return lastAttempt;
    }

    /** The committed parts' directories, in name order. */
    public List<FsPath> parts() {
      return parts;
    }

    /**
     * The committed parts holding chains of cell {@code cell} (a part holds one cell's), in name
     * order.
     */
    public List<FsPath> partsOf(int cell) {
      return partsByCell.getOrDefault(cell, List.of());
    }

    /** Chains committed ok. */
    public long okCount() {
      long n = 0;
      for (BitSet b : ok.values()) {
        n += b.cardinality();
      }
      return n;
    }

    /** Chains with a failed record and no ok record. */
    public long failedCount() {
      long n = 0;
      for (Map.Entry<Integer, BitSet> e : failed.entrySet()) {
        BitSet onlyFailed = (BitSet) e.getValue().clone();
        BitSet okCell = ok.get(e.getKey());
        if (okCell != null) {
          onlyFailed.andNot(okCell);
        }
        n += onlyFailed.cardinality();
      }
      return n;
    }

    /** Whether chain (cell, replicate) has a record (ok or failed). */
    public boolean has(int cell, int replicate) {
      BitSet a = ok.get(cell);
      BitSet b = failed.get(cell);
      return (a != null && a.get(replicate)) || (b != null && b.get(replicate));
    }
  }

  /** Whether {@code part} is a finished part directory: its name and its index say so. */
  static boolean isCommitted(FsPath part) throws IOException {
    return PART_NAME.matcher(part.name()).matches() && part.resolve(INDEX_FILE).isFile();
  }

  /** The index's checksum lines for the Parquet files of the part being written in {@code dir}. */
  static String checksumLines(FsPath dir) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String file : List.of(GENERATIONS_FILE, CHAINS_FILE)) {
      out.append(CHECKSUM).append('\t').append(file).append('\t');
      out.append(sha256(dir.resolve(file))).append('\n');
    }
    return out.toString();
  }

  private static String sha256(FsPath file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(file.open(), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Reads every committed part's index (without checking the parts: the sweep just wrote them). */
  public static Committed readCommitted(FsPath outputDir) throws IOException {
    return readCommitted(outputDir, null);
  }

  /**
   * Reads every committed part's index. With {@code corrupt} non-null (a resume), each part is
   * first checked against its index: one that fails is deleted, so its chains run again, and {@code
   * corrupt} is told why.
   */
  public static Committed readCommitted(FsPath outputDir, Consumer<String> corrupt)
      throws IOException {
    Committed committed = new Committed();
    FsPath parts = partsDir(outputDir);
    if (!parts.isDirectory()) {
      return committed;
    }
    for (FsPath part : parts.list()) {
      Matcher m = PART_NAME.matcher(part.name());
      if (!isCommitted(part)) {
        continue; // a temporary, or an unfinished part, of a task that did not finish
      }
      m.matches();
      if (corrupt != null) {
        String problem = corruption(part);
        if (problem != null) {
          corrupt.accept(part.name() + " " + problem + "; deleted, its chains run again");
          part.deleteRecursively();
          continue;
        }
      }
      committed.parts.add(part);
      committed.lastAttempt = Math.max(committed.lastAttempt, Integer.parseInt(m.group(1)));
      FsPath index = part.resolve(INDEX_FILE);
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(index.open(), StandardCharsets.UTF_8))) {
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNumber++;
          if (line.startsWith("#")) {
            continue; // checksums and the end line: checked by corruption()
          }
          String[] f = line.split("\t");
          if ((f.length != 3 && f.length != 4) || !(f[2].equals("ok") || f[2].equals("failed"))) {
            throw new IOException(index + " line " + lineNumber + " is malformed: " + line);
          }
          int cell = Integer.parseInt(f[0]);
          int replicate = Integer.parseInt(f[1]);
          List<FsPath> ofCell = committed.partsByCell.computeIfAbsent(cell, c -> new ArrayList<>());
          if (ofCell.isEmpty() || !ofCell.get(ofCell.size() - 1).equals(part)) {
            ofCell.add(part);
          }
          (f[2].equals("ok") ? committed.ok : committed.failed)
              .computeIfAbsent(cell, c -> new BitSet())
              .set(replicate);
          long shortGenerations = f.length == 4 ? Long.parseLong(f[3]) : 0;
          if (f[2].equals("ok") && shortGenerations > 0) {
            committed.verifierShort.merge(cell, shortGenerations, Long::sum);
          }
        }
      }
    }
    return committed;
  }

  /** What is wrong with a committed part, or null when its files match its index. */
  static String corruption(FsPath part) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(part.resolve(INDEX_FILE).open(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    }
    int chainLines = 0;
    boolean ended = false;
    for (String line : lines) {
      String[] f = line.split("\t");
      if (line.startsWith(CHECKSUM) && f.length == 3) {
        FsPath file = part.resolve(f[1]);
        if (!file.isFile()) {
          return "has lost " + f[1];
        }
        if (!sha256(file).equals(f[2])) {
          return "has a corrupt " + f[1] + " (its SHA-256 differs from the index's)";
        }
      } else if (line.startsWith(END) && f.length == 2) {
        ended = Integer.toString(chainLines).equals(f[1]);
      } else if (!line.startsWith("#")) {
        chainLines++;
      }
    }
    return ended ? null : "has a truncated index (no end line matching its chains)";
  }
}
