package org.collapsesim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.SweepConfig;

/**
 * The content of {@code manifest.json} (README, Output): the resolved config and its hash, version
 * and git commit, the seed policy, the metric definitions, JDK and CPU, the kernels and sampling
 * paths chosen, start and end time, and the counts of cells, chains and failures. The same map is
 * embedded, as compact JSON, in every Arrow file's schema metadata.
 *
 * <p>Keys read back on {@code --resume}: {@link #CONFIG_HASH}, {@link #STATUS}, {@code
 * counts.chains_failed}.
 */
public final class SweepManifest {

  /** The key of the config hash compared on {@code --resume}. */
  public static final String CONFIG_HASH = "config_hash";

  /**
   * The key of the revision of the samplers that drew the sweep's numbers ({@code
   * SamplerRevision}).
   */
  public static final String SAMPLER_REVISION = "sampler_revision";

  /** The key of the sweep's status: {@link #RUNNING} or {@link #COMPLETE}. */
  public static final String STATUS = "status";

  /** Status of a sweep whose output tables are not written yet (or are being rewritten). */
  public static final String RUNNING = "running";

  /** Status of a sweep whose every output file is written. */
  public static final String COMPLETE = "complete";

  /**
   * How every random number is derived (README, Random streams and determinism), for the reader of
   * the output.
   */
  public static final String SEED_POLICY =
      "chain seed = H(master seed, world key, replicate); stream = H(chain seed, generation, purpose);"
          + " block b = H(stream, 'block', b) for blocks of 65536 samples; H folds each part with the"
          + " SplitMix64 mixer. The world key hashes the family, its truth, model_size and samples only,"
          + " so cells differing only in mechanism (alpha, mixing, regime, decoding, anchors, estimator)"
          + " share random numbers. Random truths derive from the master seed and the truth parameters."
          + " Numbers depend only on the config, never on partitions, executors or retries.";

  /**
   * The counts a manifest reports.
   *
   * @param verifierShortGenerations per cell index, the generations of its ok chains whose
   *     refilling verifier exhausted max_draws and left the synthetic part short (absent: none)
   */
  public record Counts(
      long cells,
      long chains,
      long chainsOk,
      long chainsFailed,
      Map<Integer, Long> verifierShortGenerations) {

    /** Counts of a sweep without refilling verifiers' shortfalls. */
    public Counts(long cells, long chains, long chainsOk, long chainsFailed) {
      this(cells, chains, chainsOk, chainsFailed, Map.of());
    }
  }

  private SweepManifest() {}

  /**
   * Builds the manifest.
   *
   * @param layout the sweep's layout (its config and metric definitions)
   * @param status {@link #RUNNING} or {@link #COMPLETE}
   * @param start when the sweep (or run) started
   * @param end when its chains finished, or null while running
   * @param counts the counts, or null while running
   * @param engine how it ran, e.g. {@code spark local[*]} or {@code in-process}
   */
  /** The kernels the driver's JVM chose (executors choose alike; the twins give identical bits). */
  private static Map<String, Object> kernels() {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("chosen", org.collapsesim.kernel.Kernels.get().name());
    k.put("vector_unusable_reason", org.collapsesim.kernel.Kernels.vectorUnusableReason());
    return k;
  }

  /**
   * Per cell id, the path {@code sampling} resolves to: exact or explicit (the generation loop
   * (docs/architecture.md)).
   */
  private static Map<String, Object> samplingPaths(SweepConfig config) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (org.collapsesim.config.CellSpec cell : config.cells()) {
      boolean exact =
          org.collapsesim.engine.Mechanisms.settings(
                  cell, config.generations(), config.recordEvery(), config.sampling())
              .exactPath(
                  org.collapsesim.engine.Families.of(cell.family()).hasExactPath(),
                  org.collapsesim.engine.Families.of(cell.family()).thinsStats());
      paths.put(cell.cellId(), exact ? "exact" : "explicit");
    }
    return paths;
  }

  public static Map<String, Object> build(
      OutputLayout layout,
      String status,
      Instant start,
      Instant end,
      Counts counts,
      String engine) {
    SweepConfig config = layout.config();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", config.name());
    m.put(STATUS, status);
    m.put("version", version());
    m.put("git_commit", gitCommit());
    m.put(CONFIG_HASH, config.configHash());
    m.put("config", parseCanonical(config.canonicalJson()));
    m.put("seed", config.seed());
    m.put("seed_policy", SEED_POLICY);
    m.put(SAMPLER_REVISION, org.collapsesim.random.SamplerRevision.CURRENT);
    m.put("family", config.family());
    m.put("metrics", layout.metrics());
    m.put("metric_definitions", layout.metricDefinitionsJson());
    m.put("output_formats", config.output().formats());
    m.put("engine", engine);
    Map<String, Object> jdk = new LinkedHashMap<>();
    jdk.put("version", System.getProperty("java.version"));
    jdk.put("vendor", System.getProperty("java.vendor"));
    jdk.put("vm", System.getProperty("java.vm.name"));
    m.put("jdk", jdk);
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("arch", System.getProperty("os.arch"));
    cpu.put("model", cpuModel());
    cpu.put("available_processors", Runtime.getRuntime().availableProcessors());
    m.put("cpu", cpu);
    m.put("kernels", kernels());
    m.put("sampling", config.sampling());
    m.put("sampling_paths", samplingPaths(config));
    m.put("start_time", start.toString());
    m.put("end_time", end == null ? null : end.toString());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("cells", (long) config.cells().size());
    c.put("chains", config.chainCount());
    c.put("chains_ok", counts == null ? null : counts.chainsOk());
    c.put("chains_failed", counts == null ? null : counts.chainsFailed());
    c.put("verifier_short_generations", verifierShort(config, counts));
    m.put("counts", c);
    if (config.variants().compareTo() != null) {
      Map<String, Object> contrasts = new LinkedHashMap<>();
      contrasts.put("compare_to", config.variants().compareTo());
      List<String> without = new java.util.ArrayList<>();
      for (int i : config.variants().withoutBaseline()) {
        without.add(config.cells().get(i).cellId());
      }
      contrasts.put("cells_without_baseline", without);
      m.put("contrasts", contrasts);
    }
    return m;
  }

  /**
   * Per cell with a refilling verifier, by cell_id: the generations (summed over its ok chains)
   * whose synthetic part stayed short after max_draws candidates; null while running, and for a
   * sweep without a refilling verifier.
   */
  private static Map<String, Object> verifierShort(SweepConfig config, Counts counts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < config.cells().size(); i++) {
      CellSpec cell = config.cells().get(i);
      boolean ran =
          counts == null
              || counts.cells() == config.cells().size()
              || counts.verifierShortGenerations().containsKey(i); // run writes one cell
      if (ran && cell.has("verifier.refill") && cell.getBoolean("verifier.refill")) {
        out.put(
            cell.cellId(),
            counts == null ? null : counts.verifierShortGenerations().getOrDefault(i, 0L));
      }
    }
    return out.isEmpty() || counts == null ? null : out;
  }

  private static Object parseCanonical(String canonicalJson) {
    try {
      return ManifestJson.parse(canonicalJson);
    } catch (IOException e) {
      throw new IllegalStateException("the config's canonical JSON does not parse", e);
    }
  }

  /** The project version from the build, or "unknown" when run from unfiltered classes. */
  public static String version() {
    try (InputStream in =
        SweepManifest.class.getResourceAsStream("/org/collapsesim/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled version.properties", e);
    }
  }

  /**
   * The git commit of the checkout named by the {@code collapse.home} system property (set by
   * bin/collapse), or null when there is none, git is missing, or it is not a git checkout.
   */
  public static String gitCommit() {
    String home = System.getProperty("collapse.home");
    if (home == null || !Files.isDirectory(Path.of(home, ".git"))) {
      return null;
    }
    try {
      Process p =
          new ProcessBuilder("git", "-C", home, "rev-parse", "HEAD")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      // No git on PATH: the manifest says null, as documented.
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The CPU model name from /proc/cpuinfo, or null where there is none (not Linux). */
  public static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
      for (String line : lines) {
        if (line.startsWith("model name")) {
          int colon = line.indexOf(':');
          return colon < 0 ? null : line.substring(colon + 1).trim();
        }
      }
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + cpuinfo, e);
    }
  }
}
