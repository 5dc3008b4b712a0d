package org.collapsesim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.collapsesim.io.Column;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.TableSchema;

/**
 * A work part's Parquet file read back in this JVM, without Spark, as rows that know their column
 * names ({@link GenericRowWithSchema}: the row functions of {@link SweepAssembly} and {@link
 * ContrastsAssembly} find columns by name). Read with parquet-hadoop's record reader ({@link
 * GroupReader}), so parts on HDFS read as local ones do.
 */
final class PartRows {

  private PartRows() {}

  /** Every row of {@code file}, whose columns are {@code schema}'s, in file order. */
  static List<Row> read(FsPath file, TableSchema schema) throws IOException {
    StructType struct = SparkRows.structType(schema);
    List<Column> columns = schema.columns();
    List<Row> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = GroupReader.of(file).build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
          String name = columns.get(i).name();
          if (g.getFieldRepetitionCount(name) == 0) {
            continue; // null
          }
          values[i] =
              switch (columns.get(i).type()) {
                case STRING -> g.getString(name, 0);
                case INT64 -> g.getLong(name, 0);
                case INT32 -> g.getInteger(name, 0);
                case FLOAT64 -> g.getDouble(name, 0);
                case BOOL -> g.getBoolean(name, 0);
              };
        }
        rows.add(new GenericRowWithSchema(values, struct));
      }
    }
    return rows;
  }

  /**
   * parquet-hadoop's record reader of {@link Group}s over an {@link InputFile}: a local part
   * through java.nio with Parquet's plain configuration, a part on HDFS through its file system's
   * configuration. Not {@code ParquetReader.builder(support, path)}: that builder makes a fresh
   * Hadoop {@code Configuration} per file and reads it, parsing Hadoop's default XML resources
   * again for every part, and a local part read through Hadoop starts Hadoop's file system and user
   * information (together about 0.5 of the 5 CPU seconds of the quickstart sweep).
   */
  private static final class GroupReader extends ParquetReader.Builder<Group> {
    private GroupReader(InputFile file, ParquetConfiguration conf) {
      super(file, conf);
    }

    static GroupReader of(FsPath file) throws IOException {
      if (file instanceof FsPath.Local local) {
        return new GroupReader(new LocalInputFile(local.file()), new PlainParquetConfiguration());
      }
      org.apache.hadoop.conf.Configuration conf = file.fs().getConf();
      return new GroupReader(
          HadoopInputFile.fromPath(file.path(), conf), new HadoopParquetConfiguration(conf));
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }
}
