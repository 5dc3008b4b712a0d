package org.collapsesim.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;
import org.collapsesim.engine.Mechanisms;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loop's list of sources and filters: count mixing rounds the cumulative fractions, a source
 * that takes nothing changes no number (common random numbers across mechanisms), filters thin the
 * synthetic part only, the diagnostics of the mechanisms are recorded after the metrics (null at
 * generation 0 unless a source describes what it made of D_0), and an observing source sees each
 * generation's data and may hand its share to the synthetic part. The extra source and filter here
 * are test doubles that count what they see.
 */
class SourcesAndFiltersTest {

  private static final int GENERATIONS = 6;

  /** A truth source on the RESERVOIR stream that records how many samples it drew. */
  private record CountingSource(double share) implements Source {
    @Override
    public String mechanism() {
      return "counting";
    }

    @Override
    public double fraction(int t) {
      return share;
    }

    @Override
    public StreamPurpose purpose() {
      return StreamPurpose.RESERVOIR;
    }

    @Override
    public boolean hasExactPath() {
      return true;
    }

    @Override
    public List<String> diagnostics() {
      return List.of("counting_n");
    }

    @Override
    public <B extends SampleBatch<B>, S, M> Part<B, S> open(
        CellModel<B, S, M> family, B firstData) {
      return new Part<>() {
        private int drawn;

        @Override
        public void draw(RandomStream rng, int n, B out, BlockRunner blocks) {
          drawn = n;
          family.drawTruth(rng, n, out, blocks);
        }

        @Override
        public void drawStats(RandomStream rng, int n, S out, BlockRunner blocks) {
          drawn = n;
          family.drawTruthStats(rng, n, out, blocks);
        }

        @Override
        public void diagnose(double[] out, int at) {
          out[at] = drawn;
        }
      };
    }
  }

  /**
   * A truth source that observes the chain: it records, per generation, the counts of the exogenous
   * statistics and of D_t it is handed, switches itself off in odd generations, and reports at
   * generation 0 how many samples it saw there.
   */
  private record ObservingSource(double share, List<long[]> seen, List<Integer> drawn)
      implements Source {
    @Override
    public String mechanism() {
      return "observing";
    }

    @Override
    public double fraction(int t) {
      return share;
    }

    @Override
    public StreamPurpose purpose() {
      return StreamPurpose.RESERVOIR;
    }

    @Override
    public boolean hasExactPath() {
      return true;
    }

    @Override
    public boolean observes() {
      return true;
    }

    @Override
    public List<String> diagnostics() {
      return List.of("observed_at_0");
    }

    @Override
    public <B extends SampleBatch<B>, S, M> Part<B, S> open(
        CellModel<B, S, M> family, B firstData) {
      return new Part<>() {
        @Override
        public boolean on(int t) {
          return t % 2 == 0;
        }

        @Override
        public void observe(int t, S exogenous, S training) {
          seen.add(
              new long[] {
                t, exogenous == null ? -1 : family.count(exogenous), family.count(training)
              });
        }

        @Override
        public void draw(RandomStream rng, int n, B out, BlockRunner blocks) {
          drawn.add(n);
          family.drawTruth(rng, n, out, blocks);
        }

        @Override
        public void drawStats(RandomStream rng, int n, S out, BlockRunner blocks) {
          drawn.add(n);
          family.drawTruthStats(rng, n, out, blocks);
        }

        @Override
        public void diagnose(double[] out, int at, int t) {
          if (t == 0) {
            out[at] = seen.get(0)[2];
          }
        }
      };
    }
  }

  /** Keeps the candidates at even positions; records the acceptance rate. */
  private record EverySecond() implements Filter {
    @Override
    public String mechanism() {
      return "every_second";
    }

    @Override
    public StreamPurpose purpose() {
      return StreamPurpose.VERIFIER;
    }

    @Override
    public List<String> diagnostics() {
      return List.of("accept_rate");
    }

    @Override
    public <B extends SampleBatch<B>, S, M> Part<B> open(CellModel<B, S, M> family) {
      return new Part<>() {
        private double rate = Double.NaN;

        @Override
        public void filter(RandomStream rng, B candidates, B kept) {
          int before = kept.size(); // the last filter appends to D_new, which may hold samples
          for (int i = 0; i < candidates.size(); i += 2) {
            kept.append(candidates, i);
          }
          rate =
              candidates.size() == 0
                  ? Double.NaN
                  : (kept.size() - before) / (double) candidates.size();
        }

        @Override
        public void diagnose(double[] out, int at) {
          out[at] = rate;
        }
      };
    }
  }

  /** One recorded generation. */
  private record Row(int t, long nTrain, double[] values) {}

  private static CellSpec cell(String mixing, int samples, double alpha) {
    SweepConfig config =
        ChainRunner.parse(
            "name: s\nseed: 5\ngenerations: "
                + GENERATIONS
                + "\nfamily: categorical\nparams:\n  model_size: 6\n  samples: "
                + samples
                + "\n  alpha: "
                + alpha
                + "\n  mixing: "
                + mixing
                + "\n");
    return config.cells().get(0);
  }

  private static List<Row> run(
      CellSpec cell, String sampling, List<Source> extra, List<Filter> filters) {
    return run(cell, sampling, extra, filters, null);
  }

  private static List<Row> run(
      CellSpec cell, String sampling, List<Source> extra, List<Filter> filters, Double realWeight) {
    ChainSettings base = Mechanisms.settings(cell, GENERATIONS, 1, sampling);
    List<Source> sources = new ArrayList<>(base.sources());
    sources.addAll(extra);
    ChainSettings settings =
        new ChainSettings(
            base.samples(),
            base.generations(),
            sources,
            filters,
            base.mixing(),
            base.regime(),
            base.window(),
            base.recordEvery(),
            base.sampling(),
            realWeight);
    CellModel<?, ?, ?> model = Families.of(cell.family()).bind(cell, 5);
    CollapseCriterion never = new CollapseCriterion("entropy", 0, true, Double.NEGATIVE_INFINITY);
    List<Row> rows = new ArrayList<>();
    GenerationLoop.run(
        model,
        settings,
        77,
        never,
        (t, alpha, nTrain, values) -> rows.add(new Row(t, nTrain, values.clone())),
        BlockRunner.SEQUENTIAL);
    return rows;
  }

  @Test
  void countMixingRoundsTheCumulativeFractions() {
    // M = 10, alpha = 0.25 and 0.25: round(2.5) = 3 exogenous, round(5) - 3 = 2 counted (not 3)
    List<Row> rows =
        run(cell("count", 10, 0.25), "explicit", List.of(new CountingSource(0.25)), List.of());
    int metrics = rows.get(0).values().length - 1;
    assertTrue(Double.isNaN(rows.get(0).values()[metrics]), "no source ran at generation 0");
    for (Row row : rows.subList(1, rows.size())) {
      assertEquals(2.0, row.values()[metrics], "generation " + row.t());
      assertEquals(10, row.nTrain());
    }
  }

  @ParameterizedTest
  @CsvSource({"count, explicit", "count, exact", "per-sample, explicit", "per-sample, exact"})
  void aSourceThatTakesNothingChangesNoNumber(String mixing, String sampling) {
    CellSpec cell = cell(mixing, 40, 0.3);
    List<Row> without = run(cell, sampling, List.of(), List.of());
    List<Row> with = run(cell, sampling, List.of(new CountingSource(0.0)), List.of());
    assertEquals(without.size(), with.size());
    for (int i = 0; i < without.size(); i++) {
      double[] metrics = without.get(i).values();
      assertArrayEquals(
          metrics, Arrays.copyOf(with.get(i).values(), metrics.length), "generation " + i);
      assertEquals(without.get(i).nTrain(), with.get(i).nTrain());
    }
  }

  /**
   * An observing source sees D_0 at generation 0, then after each fit the new exogenous part alone
   * (12 of 40 samples) and D_t (the weighted fit's D_t is both parts); off in odd generations, it
   * draws nothing and its 8 samples go to the synthetic part (n_train stays 40); its generation-0
   * diagnostic is written after it has observed D_0.
   */
  @ParameterizedTest
  @CsvSource({"explicit, -1", "exact, -1", "explicit, 0.5", "exact, 0.5"})
  void anObservingSourceSeesEachGenerationsDataAndMaySwitchItselfOff(
      String sampling, double weight) {
    List<long[]> seen = new ArrayList<>();
    List<Integer> drawn = new ArrayList<>();
    List<Row> rows =
        run(
            cell("count", 40, 0.3),
            sampling,
            List.of(new ObservingSource(0.2, seen, drawn)),
            List.of(),
            weight < 0 ? null : weight);
    int at = rows.get(0).values().length - 1;
    assertEquals(40.0, rows.get(0).values()[at], "diagnosed after observing D_0");
    assertEquals(GENERATIONS + 1, seen.size());
    for (int t = 0; t <= GENERATIONS; t++) {
      assertArrayEquals(new long[] {t, t == 0 ? 40 : 12, 40}, seen.get(t), "generation " + t);
      assertEquals(40, rows.get(t).nTrain());
    }
    for (int t = 1; t <= GENERATIONS; t++) {
      assertEquals(t % 2 == 0 ? 8 : 0, drawn.get(t - 1), "drawn at generation " + t);
    }
  }

  @Test
  void perSampleMixingSharesOutTheSamplesAmongTheSources() {
    // every sample goes to exactly one part: n_train = M, and the counted source's share over the
    // generations is Binomial(G M, 0.5) / (G M): within 5 sd (false failure rate < 1e-6)
    List<Row> rows =
        run(cell("per-sample", 400, 0.2), "explicit", List.of(new CountingSource(0.5)), List.of());
    int at = rows.get(0).values().length - 1;
    double counted = 0;
    for (Row row : rows.subList(1, rows.size())) {
      assertEquals(400, row.nTrain());
      counted += row.values()[at];
    }
    double n = 400.0 * GENERATIONS;
    assertEquals(0.5, counted / n, 5 * Math.sqrt(0.25 / n));
  }

  @Test
  void filtersThinTheSyntheticPartOnlyAndRecordTheirDiagnostics() {
    // M = 40, alpha 0.3: 12 exogenous samples kept, of the 28 synthetic candidates every second
    List<Row> rows = run(cell("count", 40, 0.3), "auto", List.of(), List.of(new EverySecond()));
    int at = rows.get(0).values().length - 1;
    assertEquals(40, rows.get(0).nTrain());
    assertTrue(Double.isNaN(rows.get(0).values()[at]));
    for (Row row : rows.subList(1, rows.size())) {
      assertEquals(12 + 14, row.nTrain(), "generation " + row.t());
      assertEquals(0.5, row.values()[at]);
    }
  }

  @Test
  void exactSamplingIsRefusedWhereAMechanismNeedsRawSamples() {
    CellSpec cell = cell("count", 40, 0.3);
    ChainSettings base = Mechanisms.settings(cell, GENERATIONS, 1, "exact");
    ChainSettings filtered =
        new ChainSettings(
            base.samples(),
            base.generations(),
            base.sources(),
            List.of(new EverySecond()),
            base.mixing(),
            base.regime(),
            base.window(),
            base.recordEvery(),
            base.sampling());
    assertTrue(base.exactPath(true));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> filtered.exactPath(true));
    assertTrue(e.getMessage().contains("every_second"), e.getMessage());
    ChainSettings fixed =
        new ChainSettings(
            base.samples(),
            base.generations(),
            List.of(new ExogenousSource(new ExogenousSchedule.Constant(0.3), true)),
            List.of(),
            base.mixing(),
            base.regime(),
            base.window(),
            base.recordEvery(),
            base.sampling());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> fixed.exactPath(true))
            .getMessage()
            .contains("fixed_anchor"));
  }

  @Test
  void theExogenousSourceComesFirst() {
    ChainSettings base = Mechanisms.settings(cell("count", 40, 0.3), GENERATIONS, 1, "auto");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ChainSettings(
                40,
                GENERATIONS,
                List.of(new CountingSource(0.1), base.exogenous()),
                List.of(),
                base.mixing(),
                base.regime(),
                1,
                1,
                base.sampling()));
    assertEquals(List.of("exogenous"), List.copyOf(base.mechanisms()));
  }
}
