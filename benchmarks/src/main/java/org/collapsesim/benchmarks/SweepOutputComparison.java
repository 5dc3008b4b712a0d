package org.collapsesim.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Checks that two sweep output directories hold the same tables (README, Random streams and
 * determinism: the same numbers, bit for bit, wall_ms excepted), so that the scaling benchmark
 * compares engines that did the same work: the in-process baseline ({@link InProcessSweep}) against
 * {@code collapse sweep}.
 *
 * <ul>
 *   <li>{@code summary/chains/cells.csv}: the same records field by field, in file order, the
 *       wall_ms column left out;
 *   <li>{@code summary/chains/cells.arrow}: the same column names and types and the same values in
 *       file order ({@link Double#equals}, so bit for bit), wall_ms left out; the schema metadata
 *       (which holds the manifest and its timestamps) is not compared;
 *   <li>{@code generations/}: every Parquet file's rows, sorted by (cell_id, replicate,
 *       generation), since the engines split the dataset into different files.
 * </ul>
 *
 * A table is compared when either directory has it; missing from one is a difference. Usage: {@code
 * SweepOutputComparison DIR_A DIR_B}; exit 0 when the same, 1 when not (the first difference of
 * each table is printed), 2 for bad usage.
 */
public final class SweepOutputComparison {

  private static final String WALL_MS = "wall_ms";
  private static final List<String> SMALL_TABLES =
      List.of("summary", "chains", "cells", "contrasts");

  /** A table read back: column names (with their types where the format has them) and rows. */
  record Table(List<String> columns, List<List<Object>> rows) {}

  private SweepOutputComparison() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SweepOutputComparison DIR_A DIR_B");
      System.exit(2);
    }
    List<String> differences = compare(Path.of(args[0]), Path.of(args[1]), System.out);
    for (String d : differences) {
      System.out.println("DIFFERENT " + d);
    }
    System.exit(differences.isEmpty() ? 0 : 1);
  }

  /**
   * Compares every table of the two directories; prints one line per table that matched to {@code
   * log} and returns one line per table that did not.
   */
  public static List<String> compare(Path a, Path b, java.io.PrintStream log) throws IOException {
    List<String> differences = new ArrayList<>();
    for (String name : SMALL_TABLES) {
      for (String format : List.of("csv", "arrow")) {
        String file = name + "." + format;
        Path fa = a.resolve(file);
        Path fb = b.resolve(file);
        if (!Files.exists(fa) && !Files.exists(fb)) {
          continue;
        }
        if (!Files.exists(fa) || !Files.exists(fb)) {
          differences.add(file + ": present in only one of " + a + " and " + b);
          continue;
        }
        Table ta = format.equals("csv") ? readCsv(fa) : readArrow(fa);
        Table tb = format.equals("csv") ? readCsv(fb) : readArrow(fb);
        check(file, ta, tb, differences, log);
      }
    }
    Path ga = a.resolve("generations");
    Path gb = b.resolve("generations");
    if (Files.isDirectory(ga) || Files.isDirectory(gb)) {
      if (!Files.isDirectory(ga) || !Files.isDirectory(gb)) {
        differences.add("generations/: present in only one of " + a + " and " + b);
      } else {
        check(
            "generations/",
            sortedByChain(readParquetDir(ga)),
            sortedByChain(readParquetDir(gb)),
            differences,
            log);
      }
    }
    return differences;
  }

  private static void check(
      String what, Table a, Table b, List<String> differences, java.io.PrintStream log) {
    String difference = firstDifference(withoutWallMs(a), withoutWallMs(b));
    if (difference == null) {
      log.println(
          "same " + what + ": " + a.rows().size() + " rows x " + a.columns().size() + " columns");
    } else {
      differences.add(what + ": " + difference);
    }
  }

  /** The first difference between two tables, or null when they are equal. */
  static String firstDifference(Table a, Table b) {
    if (!a.columns().equals(b.columns())) {
      return "columns differ: " + a.columns() + " vs " + b.columns();
    }
    if (a.rows().size() != b.rows().size()) {
      return "row counts differ: " + a.rows().size() + " vs " + b.rows().size();
    }
    for (int r = 0; r < a.rows().size(); r++) {
      List<Object> ra = a.rows().get(r);
      List<Object> rb = b.rows().get(r);
      for (int c = 0; c < ra.size(); c++) {
        if (!Objects.equals(ra.get(c), rb.get(c))) {
          return "row "
              + r
              + " column "
              + a.columns().get(c)
              + ": "
              + ra.get(c)
              + " vs "
              + rb.get(c);
        }
      }
    }
    return null;
  }

  private static Table withoutWallMs(Table t) {
    int wall = -1;
    for (int c = 0; c < t.columns().size(); c++) {
      if (t.columns().get(c).equals(WALL_MS) || t.columns().get(c).startsWith(WALL_MS + ":")) {
        wall = c;
      }
    }
    if (wall < 0) {
      return t;
    }
    List<String> columns = new ArrayList<>(t.columns());
    columns.remove(wall);
    List<List<Object>> rows = new ArrayList<>(t.rows().size());
    for (List<Object> row : t.rows()) {
      List<Object> copy = new ArrayList<>(row);
      copy.remove(wall);
      rows.add(copy);
    }
    return new Table(columns, rows);
  }

  /** The rows sorted by (cell_id, replicate, generation): the key of a generations row. */
  private static Table sortedByChain(Table t) {
    int cell = t.columns().indexOf("cell_id");
    int replicate = t.columns().indexOf("replicate");
    int generation = t.columns().indexOf("generation");
    if (cell < 0 || replicate < 0 || generation < 0) {
      throw new IllegalArgumentException(
          "a generations table needs cell_id, replicate and generation, has " + t.columns());
    }
    List<List<Object>> rows = new ArrayList<>(t.rows());
    rows.sort(
        Comparator.<List<Object>, String>comparing(r -> (String) r.get(cell))
            .thenComparingInt(r -> (Integer) r.get(replicate))
            .thenComparingInt(r -> (Integer) r.get(generation)));
    return new Table(t.columns(), rows);
  }

  /**
   * Reads an RFC 4180 file (quoted fields may hold commas, quotes and line breaks) into raw fields.
   */
  static Table readCsv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<Object>> records = new ArrayList<>();
    List<Object> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        field.append('\u0000'); // marks a quoted field, so "" (empty string) differs from null
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else if (ch != '\r') {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    if (records.isEmpty()) {
      throw new IOException(file + " has no header line");
    }
    List<String> header =
        records.get(0).stream().map(o -> ((String) o).replace("\u0000", "")).toList();
    return new Table(header, records.subList(1, records.size()));
  }

  /** Reads an Arrow IPC file; columns are named {@code name:type}. */
  static Table readArrow(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(file), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<String> columns = new ArrayList<>();
      for (Field f : root.getSchema().getFields()) {
        columns.add(f.getName() + ":" + f.getType() + (f.isNullable() ? "?" : ""));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (reader.loadNextBatch()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            Object o = root.getVector(c).getObject(r);
            row[c] = o instanceof Text t ? t.toString() : o;
          }
          rows.add(Arrays.asList(row));
        }
      }
      return new Table(columns, rows);
    }
  }

  /**
   * Reads every visible {@code *.parquet} file under {@code dir} with parquet-hadoop's example
   * reader.
   */
  static Table readParquetDir(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".parquet") && !name.startsWith(".");
                  })
              .sorted()
              .toList();
    }
    List<String> columns = null;
    List<List<Object>> rows = new ArrayList<>();
    for (Path file : files) {
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
              .build()) {
        Group g;
        while ((g = reader.read()) != null) {
          GroupType type = g.getType();
          List<String> names = new ArrayList<>(type.getFieldCount());
          for (int i = 0; i < type.getFieldCount(); i++) {
            names.add(type.getFieldName(i));
          }
          if (columns == null) {
            columns = names;
          } else if (!columns.equals(names)) {
            throw new IOException(
                file + " has columns " + names + ", another file of " + dir + " has " + columns);
          }
          Object[] row = new Object[names.size()];
          for (int i = 0; i < row.length; i++) {
            if (g.getFieldRepetitionCount(i) == 0) {
              continue;
            }
            PrimitiveType p = type.getType(i).asPrimitiveType();
            row[i] =
                switch (p.getPrimitiveTypeName()) {
                  case BINARY -> g.getString(i, 0);
                  case INT64 -> g.getLong(i, 0);
                  case INT32 -> g.getInteger(i, 0);
                  case DOUBLE -> g.getDouble(i, 0);
                  case BOOLEAN -> g.getBoolean(i, 0);
                  default ->
                      throw new IOException(
                          file + ": column " + names.get(i) + " has unexpected type " + p);
                };
          }
          rows.add(Arrays.asList(row));
        }
      }
    }
    return new Table(columns == null ? List.of() : columns, rows);
  }
}
