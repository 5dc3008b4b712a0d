package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A thread's chains of one cell reuse each other's statistics and models ({@link
 * CellModel#recycleStats}, {@link CellModel#recycleModel}: the categorical family's dense counts
 * and fitted model), and that changes no number: a replicate run after other chains of the cell,
 * and of another cell, on the same thread gives the rows it gives as the thread's first chain. The
 * variants take every statistics slot a chain holds (the exact path's parts, the window, the
 * accumulated data, the weighting's and the observers' parts) and every fit a recycled model meets
 * (maximum likelihood after maximum likelihood or after a weighted fit, add-k), and the decoding
 * that reads every category of a model, not only those its fit counted.
 */
class RecycledChainStateTest {

  /** A one-cell config: the sampling path, then the variant's parameters, at model size v. */
  private static String config(String variant, int v) {
    String[] parts = variant.split("\\|");
    return "name: recycled\nseed: 99\nreplicates: 3\ngenerations: 12\nrecord_every: 1\n"
        + "family: categorical\nsampling: "
        + parts[0]
        + "\nparams: {model_size: "
        + v
        + ", samples: 400, "
        + parts[1]
        + "}\n";
  }

  private static List<GenerationRecord> rows(PreparedCell cell, int replicate) {
    List<GenerationRecord> rows = new ArrayList<>();
    ChainRecord record = cell.runChain(replicate, rows::add, BlockRunner.SEQUENTIAL);
    assertEquals(true, record.ok(), () -> "chain failed: " + record.error());
    return rows;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exact|regime: replace, alpha: 0.0",
        "exact|regime: accumulate, alpha: 0.0",
        "exact|regime: replace, alpha: 0.1",
        "exact|regime: window, window: 3",
        "exact|regime: accumulate, alpha: 0.05",
        "explicit|regime: accumulate, alpha: 0.05, fixed_anchor: true",
        "exact|regime: replace, alpha: 0.1, real_weight: 0.5",
        "explicit|regime: replace, alpha: 0.1, real_weight: 0.5",
        "exact|reservoir: {fraction: 0.05}",
        "exact|verifier: {false_accept: 0.05, false_reject: 0.05}",
        "explicit|regime: replace, alpha: 0.0, estimator: add-k, add_k: 0.5",
        "explicit|regime: replace, alpha: 0.0, temperature: 0.8"
      })
  void aChainAfterOthersOnTheThreadGivesTheRowsOfAFirstChain(String variant) {
    PreparedCell cell =
        ChainRunner.run(config(variant, 3000)).cell(); // replicates 0-2, this thread
    PreparedCell other = ChainRunner.run(config(variant, 5000)).cell();
    // the other cell's chains ran last on this thread: replicate 1 of the first starts afresh
    List<GenerationRecord> first = rows(cell, 1);
    rows(cell, 0); // and now after a chain of its own cell, with that chain's statistics
    rows(cell, 2);
    List<GenerationRecord> again = rows(cell, 1);
    assertEquals(first.size(), again.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).metrics(), again.get(i).metrics(), "generation " + i);
    }
    assertEquals(other.metricNames(), cell.metricNames());
  }
}
