package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.collapsesim.stats.MeanInterval;
import org.collapsesim.stats.ReplicateSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalOutput}: the files of README, Output for one in-process cell, read back
 * independently.
 */
class LocalOutputTest {

  private static final String YAML =
      "name: local\nseed: 7\nreplicates: 5\ngenerations: 6\nfamily: categorical\n"
          + "truth: {distribution: zipf, exponent: 1.3}\nrecord_every: 2\n"
          + "params:\n  model_size: 6\n  samples: 30\n  alpha: {schedule: exponential, alpha0: 0.5, rate: 0.8}\n"
          + "output:\n  formats: [arrow, parquet, csv]\n";

  @TempDir Path dir;

  @Test
  void writesEveryTableWithTheSpecColumnsAndStatistics() throws Exception {
    SweepConfig config = ConfigLoader.parse(Families.catalogue(), YAML, null, List.of());
    PreparedCell cell = PreparedCell.prepare(config, config.cells().get(0));
    List<GenerationRecord> rows = new ArrayList<>();
    List<ChainRecord> chains = new ArrayList<>();
    for (int r = 0; r < config.replicates(); r++) {
      chains.add(cell.runChain(r, rows::add, BlockRunner.SEQUENTIAL));
    }
    Path out = dir.resolve("out");
    LocalOutput.writeCell(config, cell, rows, chains, FsPath.local(out), false);

    for (String f :
        List.of(
            "manifest.json",
            "summary.arrow",
            "chains.arrow",
            "cells.arrow",
            "summary.csv",
            "chains.csv",
            "cells.csv",
            "generations/part-00000.parquet")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    OutputTestSupport.ReadTable gens = OutputTestSupport.readParquetDir(out.resolve("generations"));
    assertEquals(5 * 4, gens.rows().size(), "5 replicates x generations 0, 2, 4, 6");
    assertEquals(
        List.of(
            "cell_id",
            "family",
            "model_size",
            "samples",
            "alpha",
            "alpha_schedule",
            "regime",
            "mixing",
            "estimator"),
        gens.columns().subList(0, 9));
    assertTrue(gens.columns().contains("truth_exponent"), gens.columns().toString());
    int rep = gens.columns().indexOf("replicate");
    assertEquals(
        List.of("replicate", "seed", "generation", "alpha_t", "n_train", "entropy"),
        gens.columns().subList(rep, rep + 6));
    assertNull(gens.value(0, "alpha"), "alpha is null for a non-constant schedule");
    assertEquals("exponential(alpha0=0.5,rate=0.8)", gens.value(0, "alpha_schedule"));
    assertEquals(1.3, gens.value(0, "truth_exponent"));
    int entropy = cell.metricNames().indexOf("entropy");
    assertEquals(rows.get(1).metrics()[entropy], gens.value(1, "entropy"));
    int theories = 0;
    for (int m = 0; m < cell.metricNames().size(); m++) {
      double[] series = cell.theory()[m];
      if (series != null && !Double.isNaN(series[2])) {
        assertEquals(series[2], gens.value(1, "theory_" + cell.metricNames().get(m)));
        theories++;
      }
    }
    assertTrue(theories > 0, "some metric has a theory value at generation 2");

    OutputTestSupport.ReadTable summary = OutputTestSupport.readArrow(out.resolve("summary.arrow"));
    assertEquals(4, summary.rows().size());
    assertTrue(summary.metadata().get(TableSchema.MANIFEST_KEY).contains(config.configHash()));
    assertTrue(summary.metadata().containsKey(TableSchema.METRIC_DEFINITIONS_KEY));
    double[] atFour =
        rows.stream()
            .filter(r -> r.generation() == 4)
            .mapToDouble(r -> r.metrics()[entropy])
            .toArray();
    ReplicateSummary expected = ReplicateSummary.of(atFour);
    assertEquals(4, summary.value(2, "generation"));
    assertEquals(5L, summary.value(2, "n"));
    assertEquals(expected.mean(), summary.value(2, "entropy_mean"));
    assertEquals(expected.sd(), summary.value(2, "entropy_sd"));
    assertEquals(expected.q95(), summary.value(2, "entropy_q95"));
    assertEquals(0.5 * 0.8 * 0.8 * 0.8, (double) summary.value(2, "alpha_t"), 1e-15);

    OutputTestSupport.ReadTable chainTable =
        OutputTestSupport.readArrow(out.resolve("chains.arrow"));
    assertEquals(5, chainTable.rows().size());
    assertEquals("ok", chainTable.value(3, "status"));
    assertEquals(chains.get(3).seed(), chainTable.value(3, "seed"));
    assertEquals(chains.get(3).finalMetrics()[entropy], chainTable.value(3, "final_entropy"));

    OutputTestSupport.ReadTable cells = OutputTestSupport.readArrow(out.resolve("cells.arrow"));
    assertEquals(1, cells.rows().size());
    assertEquals(5L, cells.value(0, "chains_ok"));
    MeanInterval finals =
        MeanInterval.of(chains.stream().mapToDouble(c -> c.finalMetrics()[entropy]).toArray());
    assertEquals(finals.mean(), cells.value(0, "final_entropy_mean"));
    assertEquals(finals.lower(), cells.value(0, "final_entropy_lower"));

    Map<String, Object> manifest = ManifestJson.read(FsPath.local(out.resolve("manifest.json")));
    assertEquals(config.configHash(), manifest.get("config_hash"));
    assertEquals("complete", manifest.get("status"));
    assertEquals(
        Map.of(config.cells().get(0).cellId(), "exact"),
        manifest.get("sampling_paths"),
        "auto takes the categorical exact path under replace");
    assertEquals(
        org.collapsesim.kernel.Kernels.get().name(),
        ((Map<?, ?>) manifest.get("kernels")).get("chosen"));

    assertThrows(
        OutputDirectoryException.class,
        () -> LocalOutput.writeCell(config, cell, rows, chains, FsPath.local(out), false),
        "a non-empty directory is refused");
    LocalOutput.writeCell(config, cell, rows, chains, FsPath.local(out), true);
  }
}
