package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.collapsesim.io.OutputTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of more work parts than Spark lists on the driver by default (32): Spark's assembly
 * (pinned: a sweep this small is otherwise assembled on the driver) still reads them all (Spark's
 * parallel listing would ship Path[] through Kryo, which refuses it under registrationRequired).
 */
class ManyPartsSweepTest {

  @TempDir Path tmp;

  @Test
  void fortyWorkPartsAreAssembled() throws Exception {
    Path config =
        SweepTestSupport.writeConfig(
            tmp,
            "name: many\nseed: 1\nreplicates: 20\ngenerations: 3\nfamily: categorical\n"
                + "grid:\n  alpha: [0.0, 0.1]\nparams:\n  model_size: 10\n  samples: 20\n");
    Path out = tmp.resolve("out");
    SparkSession spark =
        SweepTestSupport.session(
            "local[2]",
            Map.of(SparkSweep.BATCH_SIZE_CONF, "1", SparkSweep.DRIVER_ASSEMBLY_CONF, "0"));
    try {
      SweepTestSupport.CommandResult r =
          SweepTestSupport.sweep(config.toString(), "--engine", "spark", "--out", out.toString());
      assertEquals(0, r.exitCode(), r.stderr());
    } finally {
      spark.stop();
    }
    assertEquals(40, OutputTestSupport.readArrow(out.resolve("chains.arrow")).rows().size());
  }
}
