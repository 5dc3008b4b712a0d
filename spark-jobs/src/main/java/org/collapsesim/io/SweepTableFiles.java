package org.collapsesim.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.OutputSpec;

/**
 * Writes one of the small tables (summary, chains, cells) in every format the config asks for
 * ({@code NAME.arrow} with {@code arrow}, {@code NAME.csv} with {@code csv}), streaming the rows
 * once into all of them so the rows never need to sit in memory together. Each file appears
 * atomically; on any failure none of them does.
 */
public final class SweepTableFiles {

  private SweepTableFiles() {}

  /**
   * Writes table {@code name} into {@code dir}.
   *
   * @param schema the table's columns; {@code arrowMetadata} is added for the Arrow file
   * @param rows the rows, in output order
   * @return the number of rows written
   */
  public static long write(
      FsPath dir,
      String name,
      OutputSpec output,
      TableSchema schema,
      Map<String, String> arrowMetadata,
      Iterator<Object[]> rows)
      throws IOException {
    List<TableAppender> appenders = new ArrayList<>(2);
    try {
      if (output.writes("arrow")) {
        appenders.add(
            ArrowIpcWriter.open(dir.resolve(name + ".arrow"), schema.withMetadata(arrowMetadata)));
      }
      if (output.writes("csv")) {
        appenders.add(CsvWriter.open(dir.resolve(name + ".csv"), schema));
      }
      long count = 0;
      while (rows.hasNext()) {
        Object[] row = rows.next();
        for (TableAppender out : appenders) {
          out.append(row);
        }
        count++;
      }
      for (TableAppender out : appenders) {
        out.commit();
      }
      return count;
    } finally {
      List<ResourceCloser.CloseAction> closers = new ArrayList<>();
      for (TableAppender out : appenders) {
        closers.add(out::close);
      }
      ResourceCloser.closeAll(closers.toArray(new ResourceCloser.CloseAction[0]));
    }
  }
}
