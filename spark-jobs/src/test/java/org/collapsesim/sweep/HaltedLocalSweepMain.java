package org.collapsesim.sweep;

import java.nio.file.Path;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.io.FsPath;

/**
 * Test support: a sweep on the in-process engine, one thread, in a child JVM that halts (no
 * shutdown hooks, as a kill would) just before the chain an {@code executor-exit} fault names. The
 * CLI refuses that fault with {@code --engine local}, since it ends the sweep's own JVM; here
 * ending it is the point.
 *
 * <p>Arguments: CONFIG OUT FAULT.
 */
public final class HaltedLocalSweepMain {

  private HaltedLocalSweepMain() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[0]);
    SweepConfig sweep = SweepTestSupport.parse(config);
    FsPath out = FsPath.local(Path.of(args[1]));
    SweepDriver.Preparation prep = SweepDriver.prepareOutput(sweep, out, false, false);
    SweepDriver.run(
        new LocalSweep(1),
        sweep,
        SweepTestSupport.source(config, sweep),
        out,
        prep.startTime(),
        FaultInjection.parse(args[2]),
        null,
        false);
    System.exit(0); // reached only if the fault named no chain
  }
}
