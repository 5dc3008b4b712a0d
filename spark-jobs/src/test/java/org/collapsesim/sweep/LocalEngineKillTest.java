package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.collapsesim.io.FsPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --resume after the in-process engine's JVM dies mid-sweep (the Spark engine's case is {@link
 * KilledSweepScenario}): a child JVM halts just before chain (cell 1, replicate 3), after cell 0's
 * work parts were committed and while cell 1's first batch is running. Nothing half-written is
 * visible, the resume runs exactly the chains not committed, and the tables equal an uninterrupted
 * run's value for value. Deterministic: no false-failure rate.
 */
class LocalEngineKillTest {

  @TempDir Path tmp;

  @Test
  void aSweepWhoseJvmDiedResumesToTheUninterruptedTables() throws Exception {
    Path config = SweepTestSupport.writeConfig(tmp, KilledSweepScenario.YAML);
    Path out = tmp.resolve("out");
    Process child =
        SweepTestSupport.startChild(
            tmp,
            HaltedLocalSweepMain.class,
            config.toString(),
            out.toString(),
            "executor-exit:1/3");
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child sweep did not end");
    assertEquals(
        FaultInjection.EXIT_STATUS,
        child.exitValue(),
        () -> "the child did not halt at the fault:\n" + SweepTestSupport.childLog(tmp));

    FsPath dir = FsPath.local(out);
    WorkParts.Committed before = WorkParts.readCommitted(dir);
    assertTrue(before.okCount() >= 8, "cell 0's chains were committed: " + before.okCount());
    assertTrue(before.okCount() < 24, "the halt came before the end: " + before.okCount());
    assertFalse(Files.exists(out.resolve("summary.arrow")), "no table of an unfinished sweep");

    SweepTestSupport.resume(new LocalSweep(2), config, dir, before, 24);

    Path reference = tmp.resolve("reference");
    SweepTestSupport.CommandResult full =
        SweepTestSupport.sweep(
            config.toString(), "--engine", "local", "--out", reference.toString());
    assertEquals(0, full.exitCode(), full.stderr());
    SweepTestSupport.assertSameTables(reference, out);
  }
}
