package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output that cannot be written (its directory's place is taken by a regular file: tests run as
 * root, so permissions alone prove nothing) ends run and sweep with exit 3 and one line naming the
 * failure, no stack trace and nothing written; once the cause is gone the same command finishes.
 */
class OutputFailureTest {

  private static final String CONFIG =
      "name: blocked\nseed: 3\nreplicates: 2\ngenerations: 4\nfamily: categorical\n"
          + "params:\n  model_size: 5\n  samples: 20\n";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"run", "sweep"})
  void anOutputThatCannotBeWrittenExitsThreeAndARerunFinishes(String command) throws Exception {
    Path config = tmp.resolve("config.yaml");
    Files.writeString(config, CONFIG);
    Path blocker = tmp.resolve("results");
    Files.writeString(blocker, "not a directory");
    Path out = blocker.resolve("blocked");

    CliRun failed = CliRun.execute(command, config.toString(), "--out", out.toString());
    assertEquals(CollapseCli.OUTPUT_FAILED, failed.code(), failed.err());
    assertTrue(failed.err().contains("the output could not be written or read"), failed.err());
    assertFalse(failed.err().contains("\tat "), "no stack trace:\n" + failed.err());
    assertEquals("not a directory", Files.readString(blocker), "nothing written");

    Files.delete(blocker);
    CliRun rerun = CliRun.execute(command, config.toString(), "--out", out.toString());
    assertEquals(0, rerun.code(), rerun.err());
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
  }
}
