package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.testing.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The determinism promise across processes: the same config run by {@code collapse run --out} in
 * two separate JVMs, one on the scalar kernels and one on the vector kernels, writes identical
 * tables (CSV, compared as text, wall_ms excepted). The configs take the paths that use the
 * kernels: the gaussian family on the explicit path (ziggurat words and moments) and the
 * categorical family with add-k smoothing (the dense metric pass).
 */
class CrossJvmDeterminismTest {

  private static final String HEADER =
      "name: cross-jvm\nseed: 4242\nreplicates: 6\ngenerations: 20\nrecord_every: 5\n"
          + "output:\n  formats: [csv]\nsampling: explicit\n";

  private static Path runInChildJvm(Path config, Path out, String kernels)
      throws IOException, InterruptedException {
    Path log = out.resolveSibling(out.getFileName() + ".log");
    int code =
        ChildJvm.run(
            log,
            ChildJvm.thisClassPath(),
            List.of("-D" + Kernels.PROPERTY + "=" + kernels),
            CollapseCli.class,
            "run",
            config.toString(),
            "--out",
            out.toString(),
            "--threads",
            "1");
    assertEquals(0, code, () -> ChildJvm.read(log));
    return out;
  }

  /** A CSV table's lines with the wall_ms column blanked (excluded from the promise). */
  private static List<String> table(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int wall = List.of(lines.get(0).split(",", -1)).indexOf("wall_ms");
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      if (wall >= 0) {
        cells[wall] = "";
      }
      out.add(String.join(",", cells));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "family: gaussian\nparams:\n  model_size: 3\n  samples: 40\n  alpha: 0.1\n",
        "family: categorical\nparams:\n  model_size: 300\n  samples: 500\n  estimator: add-k\n  add_k: 0.5\n"
            + "  temperature: 0.8\n"
      })
  void scalarAndVectorKernelsInSeparateJvmsWriteTheSameTables(String cell, @TempDir Path tmp)
      throws Exception {
    Path config = tmp.resolve("config.yaml");
    Files.writeString(config, HEADER + cell, StandardCharsets.UTF_8);
    Path scalar = runInChildJvm(config, tmp.resolve("scalar"), "scalar");
    Path vector = runInChildJvm(config, tmp.resolve("vector"), "vector");
    for (String name : List.of("summary.csv", "chains.csv", "cells.csv")) {
      List<String> a = table(scalar.resolve(name));
      assertTrue(a.size() > 1, name + " has rows");
      List<String> b = table(vector.resolve(name));
      assertEquals(a.size(), b.size(), name + ": rows");
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i), b.get(i), name + " line " + (i + 1) + ": scalar vs vector JVM");
      }
    }
    String manifestScalar = Files.readString(scalar.resolve("manifest.json"));
    String manifestVector = Files.readString(vector.resolve("manifest.json"));
    assertTrue(manifestScalar.contains("scalar"), "the scalar run records scalar kernels");
    assertNotEquals(manifestScalar, manifestVector, "two processes, two manifests");
  }
}
