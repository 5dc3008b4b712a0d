package org.collapsesim.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.Mechanisms;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.ChainSettings;
import org.collapsesim.loop.CollapseCriterion;
import org.collapsesim.loop.GenerationLoop;
import org.collapsesim.loop.GenerationSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whole generations of one chain through {@link GenerationLoop} (draw, statistics, fit, every
 * metric): the score is the time of one chain of G generations; divide by G + 1 for the cost per
 * generation x replicate (the README does). Each invocation is a new replicate (a new chain seed),
 * so nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // forks inherit bin/jvm.flags from run-jmh.sh
public class GenerationBenchmark {

  /** family/size/samples/generations. */
  @Param({"gaussian/1/1000/200", "categorical/10000/100000/20", "categorical/1000000/1000000/5"})
  public String cell;

  @Param({"explicit", "exact"})
  public String sampling;

  /**
   * An anchoring mechanism on top of the plain loop: none; reservoir (5% of D_new from the
   * reservoir); verifier (every candidate accepted, so the same samples are kept and the cost is
   * the verifier's alone: one correctness test, one uniform and one copy per sample).
   */
  @Param({"none"})
  public String mechanism;

  private CellModel<?, ?, ?> model;
  private ChainSettings settings;
  private CollapseCriterion never;
  private long seed;
  private final GenerationSink sink = (t, alpha, nTrain, metrics) -> {};

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] parts = cell.split("/");
    String yaml =
        "name: bench\nseed: 1\nreplicates: 1\ngenerations: "
            + parts[3]
            + "\nfamily: "
            + parts[0]
            + "\nparams: {model_size: "
            + parts[1]
            + ", samples: "
            + parts[2]
            + switch (mechanism) {
              case "none" -> "";
              case "reservoir" -> ", reservoir: {fraction: 0.05}";
              case "verifier" -> ", verifier: {false_accept: 1, false_reject: 0}";
              default -> throw new IllegalArgumentException("mechanism: " + mechanism);
            }
            + "}\n";
    SweepConfig config = ConfigLoader.parse(Families.catalogue(), yaml, null, List.of());
    CellSpec spec = config.cells().get(0);
    model = Families.of(spec.family()).bind(spec, config.seed());
    settings = Mechanisms.settings(spec, config.generations(), 1, sampling);
    never = new CollapseCriterion(model.metricNames().get(0), 0, true, Double.NEGATIVE_INFINITY);
    seed = System.nanoTime();
  }

  @Benchmark
  public Object chain() {
    return GenerationLoop.run(model, settings, seed++, never, sink, BlockRunner.SEQUENTIAL);
  }
}
