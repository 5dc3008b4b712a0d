package org.collapsesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program of the test suite's toolbox (node, python3, Rscript) and returns its stdout. */
final class ExternalProgram {

  private ExternalProgram() {}

  /** Whether an executable exists at {@code path} or on PATH under that name. */
  static boolean available(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code command} in {@code workDir}; fails the test with its stderr unless it exits 0. */
  static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("collapse-report-test", ".out");
    Path err = Files.createTempFile("collapse-report-test", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish in 300 s");
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + stderr);
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
