package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;
import org.collapsesim.io.ManifestJson;
import org.collapsesim.io.SweepManifest;
import org.collapsesim.random.SamplerRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --resume continues only a sweep whose numbers this build draws: an unfinished sweep of another
 * sampler revision (or of none recorded: the first) is refused before anything is written, naming
 * both revisions; one of this revision is accepted, and a finished one of any revision has nothing
 * to do.
 */
class ResumeRevisionTest {

  @TempDir Path tmp;

  private FsPath sweepDir(SweepConfig config, String status, Integer revision) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("out-" + status + "-" + revision));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put(SweepManifest.STATUS, status);
    manifest.put(SweepManifest.CONFIG_HASH, config.configHash());
    if (revision != null) {
      manifest.put(SweepManifest.SAMPLER_REVISION, revision);
    }
    manifest.put("counts", Map.of("chains_failed", 0L));
    FsPath out = FsPath.local(dir);
    ManifestJson.write(manifest, out.resolve("manifest.json"));
    return out;
  }

  @Test
  void resumeRefusesAnUnfinishedSweepOfAnotherSamplerRevision() throws Exception {
    SweepConfig config =
        SweepTestSupport.parse(SweepTestSupport.writeConfig(tmp, SparkSweepTest.YAML));

    FsPath unrecorded = sweepDir(config, SweepManifest.RUNNING, null);
    SweepRefusedException e =
        assertThrows(
            SweepRefusedException.class,
            () -> SweepDriver.prepareOutput(config, unrecorded, true, false));
    assertTrue(
        e.getMessage().contains("sampler revision " + SamplerRevision.UNRECORDED)
            && e.getMessage().contains("this build draws revision " + SamplerRevision.CURRENT),
        e.getMessage());
    try (var files = Files.list(tmp.resolve("out-running-null"))) {
      assertEquals(1, files.count(), "nothing is written");
    }

    FsPath other = sweepDir(config, SweepManifest.RUNNING, SamplerRevision.CURRENT + 1);
    assertThrows(
        SweepRefusedException.class, () -> SweepDriver.prepareOutput(config, other, true, false));

    FsPath same = sweepDir(config, SweepManifest.RUNNING, SamplerRevision.CURRENT);
    assertFalse(SweepDriver.prepareOutput(config, same, true, false).nothingToDo());

    FsPath finished = sweepDir(config, SweepManifest.COMPLETE, null);
    assertTrue(SweepDriver.prepareOutput(config, finished, true, false).nothingToDo());
  }
}
