package org.collapsesim.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.ManifestJson;
import org.collapsesim.io.OutputDirectory;
import org.collapsesim.io.OutputLayout;
import org.collapsesim.io.SweepManifest;
import org.collapsesim.random.SamplerRevision;

/**
 * The driver of a sweep, whichever engine runs it (README, Commands: {@code collapse sweep}).
 *
 * <ol>
 *   <li>{@link #prepareOutput}: checks the output directory (empty, or --resume / --overwrite) and,
 *       on resume, the manifest's config hash and sampler revision; nothing is written for a
 *       refused sweep.
 *   <li>{@link #run}: writes a {@code running} manifest, plans the chains not yet committed into
 *       batches, has the engine run them (each batch commits a work part, {@link WorkParts}), has
 *       it assemble the tables ({@link SweepAssembly}) and writes the final manifest. The work
 *       parts are deleted when no chain failed; with failures they stay, so {@code --resume} reruns
 *       only the failed chains, with either engine.
 * </ol>
 */
public final class SweepDriver {

  /** What {@link #prepareOutput} found. */
  public record Preparation(boolean nothingToDo, Instant startTime, long failedBefore) {}

  /**
   * What a sweep did.
   *
   * @param contrasts the variance reduction of the paired contrasts, or null without compare_to
   */
  public record Result(
      long chains, long chainsOk, long chainsFailed, long chainsRun, ContrastReduction contrasts) {}

  private SweepDriver() {}

  /**
   * Checks and prepares the output directory.
   *
   * @throws SweepRefusedException (exit 2) when the directory may not be used as asked
   */
  public static Preparation prepareOutput(
      SweepConfig config, FsPath dir, boolean resume, boolean overwrite)
      throws IOException, SweepRefusedException {
    if (resume && overwrite) {
      throw new SweepRefusedException("--resume and --overwrite exclude each other; choose one");
    }
    FsPath manifestFile = dir.resolve(OutputDirectory.MANIFEST_FILE);
    Instant start = Instant.now();
    if (resume && manifestFile.isFile()) {
      Map<String, Object> manifest = ManifestJson.read(manifestFile);
      Object hash = manifest.get(SweepManifest.CONFIG_HASH);
      if (!config.configHash().equals(hash)) {
        throw new SweepRefusedException(
            "cannot resume in "
                + dir
                + ": its manifest has config hash "
                + hash
                + " but this config (with its --set overrides) hashes to "
                + config.configHash()
                + "; resume with the same config, or use --overwrite or another --out");
      }
      Object startText = manifest.get("start_time");
      if (startText instanceof String s) {
        start = Instant.parse(s);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> counts = (Map<String, Object>) manifest.get("counts");
      Object failed = counts == null ? null : counts.get("chains_failed");
      if (SweepManifest.COMPLETE.equals(manifest.get(SweepManifest.STATUS))
          && Long.valueOf(0L).equals(failed)) {
        return new Preparation(true, start, 0);
      }
      int revision =
          manifest.get(SweepManifest.SAMPLER_REVISION) instanceof Number n
              ? n.intValue()
              : SamplerRevision.UNRECORDED;
      if (revision != SamplerRevision.CURRENT) {
        throw new SweepRefusedException(
            "cannot resume in "
                + dir
                + ": its chains were drawn by sampler revision "
                + revision
                + " and this build draws revision "
                + SamplerRevision.CURRENT
                + ", so its numbers would mix two samplers; finish it with the build that began it,"
                + " or use --overwrite or another --out");
      }
    }
    try {
      OutputDirectory.checkWritable(dir, resume, overwrite);
    } catch (org.collapsesim.io.OutputDirectoryException e) {
      throw new SweepRefusedException(e.getMessage());
    }
    return new Preparation(false, start, 0);
  }

  /**
   * Runs the sweep's remaining chains on {@code engine} and writes its output into {@code dir}
   * (prepared by {@link #prepareOutput}).
   *
   * @param faults deliberate failures ({@link FaultInjection#NONE} in production)
   * @param progressOut where progress goes (stderr), or null for none
   * @param inPlaceProgress rewrite the progress line in place (a terminal)
   */
  public static Result run(
      SweepEngine engine,
      SweepConfig config,
      SweepSource source,
      FsPath dir,
      Instant startTime,
      FaultInjection faults,
      PrintStream progressOut,
      boolean inPlaceProgress)
      throws IOException {
    OutputLayout layout = OutputLayout.of(config);
    FsPath manifestFile = dir.resolve(OutputDirectory.MANIFEST_FILE);
    ManifestJson.write(
        SweepManifest.build(
            layout, SweepManifest.RUNNING, startTime, null, null, engine.description()),
        manifestFile);

    WorkParts.Committed before =
        WorkParts.readCommitted(
            dir,
            problem -> {
              if (progressOut != null) {
                progressOut.println("collapse sweep: work part " + problem);
              }
            });
    List<ChainBatch> batches =
        engine.fixedBatchSize() > 0
            ? SweepPlan.plan(
                config,
                before.ok(),
                before.lastAttempt() + 1,
                engine.parallelism(),
                engine.fixedBatchSize())
            : SweepPlan.plan(config, before.ok(), before.lastAttempt() + 1, engine.parallelism());
    long toRun = batches.stream().mapToLong(ChainBatch::size).sum();
    if (!batches.isEmpty()) {
      FsPath partsDir = WorkParts.partsDir(dir);
      partsDir.mkdirs();
      int blockThreads = SweepPlan.blockThreads(toRun, engine.parallelism());
      SweepProgress progress =
          progressOut == null
              ? null
              : new SweepProgress(
                  progressOut,
                  config.chainCount(),
                  before.okCount(),
                  engine.chainsDone(),
                  inPlaceProgress,
                  10);
      try {
        engine.runBatches(source, batches, partsDir, blockThreads, faults);
      } finally {
        if (progress != null) {
          progress.close();
        }
      }
    }
    WorkParts.Committed after = WorkParts.readCommitted(dir);
    for (int c = 0; c < config.cells().size(); c++) {
      for (int r = 0; r < config.replicates(); r++) {
        if (!after.has(c, r)) {
          throw new IllegalStateException(
              "chain (cell " + c + ", replicate " + r + ") has no committed record");
        }
      }
    }
    Instant end = Instant.now();
    SweepManifest.Counts counts =
        new SweepManifest.Counts(
            config.cells().size(),
            config.chainCount(),
            after.okCount(),
            after.failedCount(),
            after.verifierShortGenerations());
    Map<String, Object> manifest =
        SweepManifest.build(
            layout, SweepManifest.COMPLETE, startTime, end, counts, engine.description());
    ContrastReduction contrasts =
        engine.assemble(source, config, dir, after, layout.arrowMetadata(manifest));
    ManifestJson.write(manifest, manifestFile);
    if (counts.chainsFailed() == 0) {
      dir.resolve(WorkParts.WORK_DIR).deleteRecursively();
    }
    return new Result(
        config.chainCount(), counts.chainsOk(), counts.chainsFailed(), toRun, contrasts);
  }
}
