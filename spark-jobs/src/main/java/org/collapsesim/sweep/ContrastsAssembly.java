package org.collapsesim.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.TableSchema;
import org.collapsesim.result.ContrastSummary;

/**
 * contrasts.arrow with Spark: every cell with a baseline ({@code compare_to}) against it, replicate
 * by replicate, reduced by {@link ContrastSummary#of} in replicate order, with the same
 * sort-then-reduce as {@link SweepAssembly}'s summary.
 */
final class ContrastsAssembly {

  private ContrastsAssembly() {}

  /**
   * The contrasts table: each generation row of a cell with a baseline is linked to its cell (role
   * 0), each row of a baseline to every cell it is the baseline of (role 1); sorted by (cell,
   * generation, replicate, role), a replicate with both chains ok is a run of its cell row then its
   * baseline row, and each (cell, generation) group reduces to one row by {@link
   * ContrastSummary#of}, pairs in replicate order.
   */
  static Dataset<Row> contrasts(
      SparkSession spark,
      SweepSource source,
      SweepConfig config,
      Dataset<Row> generations,
      long generationRows,
      long rowsPerPartition) {
    List<Row> links = new ArrayList<>();
    for (int c = 0; c < config.cells().size(); c++) {
      int b = config.variants().baseline(c);
      if (b >= 0) {
        links.add(org.apache.spark.sql.RowFactory.create(c, c, 0));
        links.add(org.apache.spark.sql.RowFactory.create(b, c, 1));
      }
    }
    StructType linkType =
        new StructType()
            .add(LINK_CELL, org.apache.spark.sql.types.DataTypes.IntegerType, false)
            .add(CONTRAST_CELL, org.apache.spark.sql.types.DataTypes.IntegerType, false)
            .add(ROLE, org.apache.spark.sql.types.DataTypes.IntegerType, false);
    Dataset<Row> link = spark.createDataFrame(links, linkType);
    Dataset<Row> linked =
        generations
            .join(
                org.apache.spark.sql.functions.broadcast(link),
                generations.col(WorkParts.CELL_INDEX).equalTo(link.col(LINK_CELL)))
            .withColumn(
                PAIR_ORDER,
                generations
                    .col("replicate")
                    .cast("long")
                    .multiply(2)
                    .plus(link.col(ROLE).cast("long")));
    TableSchema withIndex = SweepAssembly.withCellIndex(OutputLayout.of(config).contrastsSchema());
    return SweepAssembly.sortedByGroup(
            linked, 2 * generationRows, rowsPerPartition, CONTRAST_CELL, "generation", PAIR_ORDER)
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows ->
                    SweepAssembly.reduceRuns(
                        rows,
                        r ->
                            SweepAssembly.groupKey(
                                r.getInt(r.fieldIndex(CONTRAST_CELL)),
                                r.getInt(r.fieldIndex("generation"))),
                        group -> contrastRow(source, group)),
            Encoders.row(SparkRows.structType(withIndex)));
  }

  static final String LINK_CELL = "_link_cell";
  static final String CONTRAST_CELL = "_contrast_cell";
  static final String ROLE = "_role";
  static final String PAIR_ORDER = "_pair_order";

  /** The contrasts row of one (cell, generation) group sorted by replicate, then role. */
  static Row contrastRow(SweepSource source, List<Row> rows) {
    ExecutorContext context = ExecutorContext.of(source);
    OutputLayout layout = context.layout();
    Row first = rows.get(0);
    int cellIndex = first.getInt(first.fieldIndex(CONTRAST_CELL));
    int generation = first.getInt(first.fieldIndex("generation"));
    List<String> metrics = layout.metrics();
    int[] positions = new int[metrics.size()];
    for (int m = 0; m < positions.length; m++) {
      positions[m] = first.fieldIndex(metrics.get(m));
    }
    int role = first.fieldIndex(ROLE);
    int replicate = first.fieldIndex("replicate");
    List<Double[]> cell = new ArrayList<>();
    List<Double[]> baseline = new ArrayList<>();
    for (int i = 0; i + 1 < rows.size(); i++) {
      Row a = rows.get(i);
      Row b = rows.get(i + 1);
      if (a.getInt(role) == 0
          && b.getInt(role) == 1
          && a.getInt(replicate) == b.getInt(replicate)) {
        cell.add(SparkRows.doubles(a, positions));
        baseline.add(SparkRows.doubles(b, positions));
        i++;
      }
    }
    ContrastSummary stats = ContrastSummary.of(generation, cell, baseline, positions.length);
    Object[] out =
        layout.contrastRow(cellIndex, context.config().variants().baseline(cellIndex), stats);
    return SparkRows.row(SparkRows.append(out, cellIndex));
  }
}
