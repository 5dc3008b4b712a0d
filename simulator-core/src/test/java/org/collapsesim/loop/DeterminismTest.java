package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * README, Random streams and determinism: a chain's numbers depend only on the config, never on
 * what runs beside it.
 */
class DeterminismTest {

  private static final String REGIMES = "[replace, accumulate, accumulate-subsample, window]";

  private static String grid(String family, String extra) {
    return "name: d\nseed: 99\nreplicates: 3\ngenerations: 12\nfamily: "
        + family
        + "\n"
        + "grid:\n  alpha: [0.0, 0.3]\n  regime: "
        + REGIMES
        + "\n  mixing: [count, per-sample]\n"
        + "params:\n  model_size: 4\n  samples: 25\n  window: 3\n"
        + extra;
  }

  private static List<GenerationRecord> rows(SweepConfig config, CellSpec cell, int replicate) {
    List<GenerationRecord> rows = new ArrayList<>();
    PreparedCell.prepare(config, cell).runChain(replicate, rows::add, BlockRunner.SEQUENTIAL);
    return rows;
  }

  private static void assertSameRows(List<GenerationRecord> a, List<GenerationRecord> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).generation(), b.get(i).generation());
      assertEquals(a.get(i).seed(), b.get(i).seed());
      assertEquals(a.get(i).nTrain(), b.get(i).nTrain());
      assertArrayEquals(
          a.get(i).metrics(), b.get(i).metrics(), "generation " + a.get(i).generation());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "categorical", "sequence"})
  void sameConfigGivesIdenticalNumbers(String family) {
    SweepConfig first = ChainRunner.parse(grid(family, ""));
    SweepConfig second = ChainRunner.parse(grid(family, ""));
    assertEquals(16, first.cells().size());
    for (int c = 0; c < first.cells().size(); c++) {
      for (int r = 0; r < 3; r++) {
        assertSameRows(
            rows(first, first.cells().get(c), r), rows(second, second.cells().get(c), r));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "categorical", "sequence"})
  void aChainAloneEqualsTheSameChainInsideALargerGrid(String family) {
    SweepConfig big = ChainRunner.parse(grid(family, ""));
    for (CellSpec cell : big.cells()) {
      SweepConfig single = ChainRunner.parse(singleCell(family, cell));
      assertEquals(1, single.cells().size());
      assertEquals(cell.cellId(), single.cells().get(0).cellId(), "cell id");
      assertSameRows(rows(big, cell, 2), rows(single, single.cells().get(0), 2));
    }
  }

  private static String singleCell(String family, CellSpec cell) {
    String regime = cell.getString("regime");
    return "name: d\nseed: 99\nreplicates: 7\ngenerations: 12\nfamily: "
        + family
        + "\nparams:\n"
        + "  model_size: 4\n  samples: 25\n  alpha: "
        + cell.alphaSchedule().constantValue()
        + "\n"
        + "  regime: "
        + regime
        + "\n  mixing: "
        + cell.getString("mixing")
        + "\n"
        + (regime.equals("window") ? "  window: 3\n" : "");
  }

  @Test
  void cellsDifferingOnlyInMechanismShareRandomNumbers() {
    SweepConfig config = ChainRunner.parse(grid("categorical", ""));
    CellSpec a = config.cells().get(0);
    CellSpec b = config.cells().get(config.cells().size() - 1);
    assertNotEquals(a.cellId(), b.cellId());
    assertEquals(a.worldKey(), b.worldKey());
    // generation 0 is drawn from the truth alone: common random numbers make it identical
    assertArrayEquals(rows(config, a, 1).get(0).metrics(), rows(config, b, 1).get(0).metrics());
  }

  @Test
  void moreGenerationsExtendAChainWithoutChangingItsPast() {
    SweepConfig shortRun = ChainRunner.parse(grid("gaussian", ""));
    SweepConfig longRun =
        ChainRunner.parse(grid("gaussian", "").replace("generations: 12", "generations: 20"));
    for (int c = 0; c < shortRun.cells().size(); c++) {
      List<GenerationRecord> a = rows(shortRun, shortRun.cells().get(c), 0);
      List<GenerationRecord> b = rows(longRun, longRun.cells().get(c), 0).subList(0, a.size());
      assertSameRows(a, b);
    }
  }
}
