package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.InProcessRunner;
import org.collapsesim.engine.PreparedCell;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * README, Random streams and determinism inside a chain: a generation larger than {@link
 * StreamKeys#BLOCK_SIZE} is cut into blocks (and a categorical model with more live categories than
 * a group into groups) with their own substreams, and running them on a pool of threads gives the
 * numbers of running them in order. Every config here draws more than one block per generation.
 */
class BlockParallelismTest {

  private static final ForkJoinPool POOL = new ForkJoinPool(4);

  @AfterAll
  static void shutDown() {
    POOL.shutdownNow();
  }

  private static final String HEAD = "name: blocks\nseed: 31\nreplicates: 2\ngenerations: 3\n";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // 2 sample blocks and, with 150000 live categories, 3 category groups on the exact path
        "family: categorical\nparams: {model_size: 150000, samples: 131073, sampling: exact}",
        "family: categorical\nparams: {model_size: 150000, samples: 131073, sampling: explicit}",
        // exogenous and synthetic parts both split; temperature decoding
        "family: categorical\nparams: {model_size: 1000, samples: 200000, alpha: 0.5, temperature: 0.8,"
            + " sampling: explicit}",
        "family: gaussian\nparams: {model_size: 1, samples: 140000, sampling: explicit}",
        // d = 5: blocks of 65536 / 5 samples
        "family: gaussian\nparams: {model_size: 5, samples: 30000, alpha: 0.2, sampling: explicit}",
      })
  void blocksOnAPoolGiveTheSequentialNumbers(String params) {
    SweepConfig config = ChainRunner.parse(HEAD + params + "\n");
    PreparedCell cell = PreparedCell.prepare(config, config.cells().get(0));
    for (int r = 0; r < config.replicates(); r++) {
      List<GenerationRecord> sequential = new ArrayList<>();
      List<GenerationRecord> pooled = new ArrayList<>();
      ChainRecord a = cell.runChain(r, sequential::add, BlockRunner.SEQUENTIAL);
      ChainRecord b = cell.runChain(r, pooled::add, BlockRunner.on(POOL));
      assertTrue(a.ok(), a.error());
      assertTrue(b.ok(), b.error());
      assertEquals(4, sequential.size());
      for (int g = 0; g < sequential.size(); g++) {
        assertArrayEquals(
            sequential.get(g).metrics(),
            pooled.get(g).metrics(),
            "replicate " + r + ", generation " + g);
      }
    }
  }

  @Test
  void inProcessRunnerGivesTheSameNumbersWithAnyThreadCount() throws InterruptedException {
    SweepConfig config =
        ChainRunner.parse(
            HEAD
                + "family: categorical\nparams: {model_size: 100000, samples: 200000, sampling: exact}\n");
    PreparedCell cell = PreparedCell.prepare(config, config.cells().get(0));
    InProcessRunner.CellRun one = InProcessRunner.run(cell, 2, 1);
    InProcessRunner.CellRun three = InProcessRunner.run(cell, 2, 3);
    assertEquals(one.rows().size(), three.rows().size());
    for (int i = 0; i < one.rows().size(); i++) {
      assertArrayEquals(one.rows().get(i).metrics(), three.rows().get(i).metrics(), "row " + i);
    }
  }

  @Test
  void blockExceptionsReachTheCaller() {
    IllegalStateException thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                BlockRunner.on(POOL)
                    .forEach(
                        8,
                        b -> {
                          if (b == 5) {
                            throw new IllegalStateException("block 5 failed");
                          }
                        }));
    assertEquals("block 5 failed", thrown.getMessage());
  }
}
