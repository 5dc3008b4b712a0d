package org.collapsesim.family.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.TheoryAssert;
import org.collapsesim.result.GenerationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program anchor in the generation loop (M = 100 strings of L = 32 bits, noise r = 0.1, CTM
 * prior, margin 10 bits, as in configs/symbolic-anchor.yaml): what it identifies on D_0, when its
 * gate hands its share to the synthetic part, what its part draws, what each fit policy sees, and
 * the diagnostics' timing from generation 0 on.
 *
 * <p>False-failure rates: the identification and gate counts allow 2 failures in 200 replicates
 * where one replicate fails with probability far below 1e-3 ({@link ProgramIdentificationTest}
 * gives the margins: 48 to 90 bits for the truth, never within 7 bits of a gate flip), so 3 or more
 * failures have probability below 1e-3 even at that rate; the mean tests are 4 standard errors
 * (6e-5 each); the variance test is a chi-square with 199 degrees of freedom cut at 0.6 and 1.6
 * times its mean (below 1e-5 together). Bit-for-bit tests cannot fail by chance.
 */
class ProgramAnchorLoopTest {

  private static final int REPLICATES = 200;

  private static String config(int replicates, int generations, String truth, String params) {
    return "name: p\nseed: 20261205\nreplicates: "
        + replicates
        + "\ngenerations: "
        + generations
        + "\nfamily: sequence\ntruth: "
        + truth
        + "\nparams:\n  model_size: 32\n  samples: 100\n"
        + params;
  }

  private static final String PERIODIC = "{program: periodic, block: '0010111', noise: 0.1}";
  private static final String THUE_MORSE = "{program: thue-morse, noise: 0.1}";
  private static final String NOISE = "{program: periodic, block: '0', noise: 0.5}";

  /** The diagnostics of replicate r at recorded generation t. */
  private static double[] diagnostics(ChainRunner run, int r, int t) {
    List<String> names = run.cell().metricNames();
    double[] all = run.rows(r).get(t).metrics();
    int from = names.indexOf("anchor_on");
    return Arrays.copyOfRange(all, from, from + ProgramSource.DIAGNOSTICS.size());
  }

  private static int count(double[] values, double value) {
    int n = 0;
    for (double v : values) {
      n += v == value ? 1 : 0;
    }
    return n;
  }

  /** The family's metrics of every recorded row of every replicate. */
  private static double[][] familyMetrics(ChainRunner run) {
    int metrics = SequenceFamily.METRIC_NAMES.size();
    return run.chains().stream()
        .flatMap(c -> run.rows(c.replicate()).stream())
        .map(GenerationRecord::metrics)
        .map(m -> Arrays.copyOf(m, metrics))
        .toArray(double[][]::new);
  }

  @Test
  void theTrueProgramIsIdentifiedOnD0AndReportedAtGenerationZero() {
    ChainRunner run =
        ChainRunner.run(config(REPLICATES, 1, PERIODIC, "  program: {fraction: 0.1}\n"));
    double[] correct = run.metric("program_correct", 0);
    double[] on = run.metric("anchor_on", 0);
    assertTrue(count(correct, 1) >= 198, count(correct, 1) + " / 200 found the true program");
    assertTrue(count(on, 1) >= 198, "anchor on in " + count(on, 1) + " / 200");
    for (int r = 0; r < REPLICATES; r++) {
      // generation 1 draws from the fit on D_0, which generation 0 already describes
      assertArrayEquals(diagnostics(run, r, 0), diagnostics(run, r, 1), "replicate " + r);
      assertTrue(diagnostics(run, r, 0)[2] <= 0.5, "r-hat is admissible");
    }
  }

  /**
   * Over three symbols (length prior, max_period 6 by default) the true block is found as well: a
   * wrong output pays about 80 extra mismatches per wrong position, as in binary, against prior
   * differences of tens of bits.
   */
  @Test
  void aTernaryProgramIsIdentifiedWithTheLengthPrior() {
    ChainRunner run =
        ChainRunner.run(
            config(
                20,
                1,
                "{program: periodic, block: '0121', noise: 0.1}",
                "  alphabet: 3\n  program: {fraction: 0.1}\n"));
    assertEquals("length", run.cell().cell().getString("program.prior"));
    assertEquals(20, count(run.metric("program_correct", 0), 1));
    assertEquals(20, count(run.metric("anchor_on", 0), 1));
  }

  @Test
  void theGateIsOffForThueMorseAndForIidNoise() {
    ChainRunner tm =
        ChainRunner.run(config(REPLICATES, 0, THUE_MORSE, "  program: {fraction: 0.1}\n"));
    assertTrue(count(tm.metric("anchor_on", 0), 0) >= 198, "Thue-Morse: gate off");
    assertEquals(REPLICATES, count(tm.metric("program_correct", 0), 0), "no period fits it");
    ChainRunner noise =
        ChainRunner.run(config(REPLICATES, 0, NOISE, "  program: {fraction: 0.1}\n"));
    assertTrue(count(noise.metric("anchor_on", 0), 0) >= 198, "noise: gate off");
  }

  @Test
  void aMarkovTruthHasNoProgramToBeCorrectAbout() {
    ChainRunner run =
        ChainRunner.run(
            config(3, 2, "{program: markov, stay: 0.9}", "  program: {fraction: 0.1}\n"));
    for (int t = 0; t <= 2; t++) {
      assertEquals(3, countNaN(run, t, "program_correct"), "null without a program truth");
      assertEquals(0, countNaN(run, t, "anchor_bits"), "the fit is described");
    }
  }

  private static int countNaN(ChainRunner run, int t, String name) {
    int n = 0;
    for (double v : run.metric(name, t)) {
      n += Double.isNaN(v) ? 1 : 0;
    }
    return n;
  }

  /**
   * Thue-Morse with the gate on: the anchor is off in every generation, so its share goes to the
   * synthetic part and the chain is the closed loop's, bit for bit, in both mixing modes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"count", "per-sample"})
  void aGatedOffAnchorGivesItsShareToTheSyntheticPart(String mixing) {
    String params = "  mixing: " + mixing + "\n";
    double[][] closed = familyMetrics(ChainRunner.run(config(10, 30, THUE_MORSE, params)));
    ChainRunner gated =
        ChainRunner.run(config(10, 30, THUE_MORSE, params + "  program: {fraction: 0.3}\n"));
    for (int r = 0; r < 10; r++) {
      assertEquals(0, diagnostics(gated, r, 30)[0], "gate off");
    }
    assertTrue(Arrays.deepEquals(closed, familyMetrics(gated)));
  }

  /**
   * program.fraction 0 (refit every generation, gate forced on) beside fresh data is the chain
   * without the anchor, bit for bit: the anchor's fit reads the loop's data and never touches it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"count", "per-sample"})
  void fractionZeroIsTheLoopWithoutTheAnchor(String mixing) {
    String params = "  mixing: " + mixing + "\n  alpha: 0.1\n";
    double[][] without = familyMetrics(ChainRunner.run(config(10, 30, PERIODIC, params)));
    ChainRunner zero =
        ChainRunner.run(
            config(
                10,
                30,
                PERIODIC,
                params + "  program: {fraction: 0.0, fit: every-generation, gate: false}\n"));
    assertTrue(Arrays.deepEquals(without, familyMetrics(zero)));
  }

  /**
   * The part draws Gen(g-hat, r-hat): with the whole of D_1 from a forced anchor fit to Thue-Morse
   * (no period fits it, so r-hat is well above the truth's 0.1), every position of D_1 shows the
   * program's symbol with probability 1 - r-hat, and the MLE's Gini-Simpson has E[GS_1 | r-hat] = 2
   * r-hat (1 - r-hat) (1 - 1/M).
   */
  @Test
  void thePartDrawsTheFittedProgramThroughItsFittedNoise() {
    ChainRunner run =
        ChainRunner.run(
            config(REPLICATES, 1, THUE_MORSE, "  program: {fraction: 1.0, gate: false}\n"));
    double[] gs = run.metric("gini_simpson", 1);
    double[] rHat = run.metric("anchor_noise", 1);
    double[] difference = new double[REPLICATES];
    for (int r = 0; r < REPLICATES; r++) {
      difference[r] = gs[r] - 2 * rHat[r] * (1 - rHat[r]) * (1 - 1 / 100.0);
    }
    // the best period misses about 3 of Thue-Morse's 32 symbols: r-hat near 0.18, not 0.1 (its
    // mean over 200 replicates has a standard error near 5e-4)
    double meanNoise = Arrays.stream(rHat).average().orElseThrow();
    assertTrue(meanNoise > 0.15, "mean r-hat " + meanNoise);
    TheoryAssert.assertMeanNear("GS_1 - E[GS_1 | r-hat]", 0, difference, 4);
  }

  /**
   * fit: exogenous refits on D_0 and every fresh exogenous sample: with alpha = 0.5 under count
   * mixing, the program in force for generation 20's draw is fit on 100 + 19 x 50 = 1,050 strings,
   * and r-hat = k/n with k ~ Binomial(n, 0.1), n = 1,050 x 32 (the true program being chosen).
   */
  @Test
  void theExogenousPolicyFitsEveryExogenousSampleSoFar() {
    ChainRunner run =
        ChainRunner.run(
            config(
                REPLICATES,
                20,
                PERIODIC,
                "  alpha: 0.5\n  program: {fraction: 0.1, fit: exogenous}\n"));
    assertEquals(REPLICATES, count(run.metric("program_correct", 20), 1));
    double[] rHat = run.metric("anchor_noise", 20);
    double n = 1050.0 * 32;
    double variance = 0.1 * 0.9 / n;
    TheoryAssert.assertMeanNear("r-hat at generation 20", 0.1, rHat, 4);
    double mean = Arrays.stream(rHat).average().orElseThrow();
    double sampleVariance =
        Arrays.stream(rHat).map(x -> (x - mean) * (x - mean)).sum() / (REPLICATES - 1);
    double ratio = sampleVariance / variance;
    assertTrue(ratio > 0.6 && ratio < 1.6, "Var(r-hat) / (r(1 - r)/n) = " + ratio);
  }

  /**
   * No new exogenous samples, no refit: with the fixed anchor (D_0 reused) the exogenous policy
   * keeps the fit on D_0 and its chain is the once policy's, bit for bit.
   */
  @Test
  void theExogenousPolicyWithTheFixedAnchorIsTheOncePolicy() {
    String params = "  alpha: 0.2\n  fixed_anchor: true\n  mixing: per-sample\n";
    ChainRunner once =
        ChainRunner.run(config(10, 20, PERIODIC, params + "  program: {fraction: 0.2}\n"));
    ChainRunner exogenous =
        ChainRunner.run(
            config(10, 20, PERIODIC, params + "  program: {fraction: 0.2, fit: exogenous}\n"));
    for (int r = 0; r < 10; r++) {
      for (int t = 0; t <= 20; t++) {
        assertArrayEquals(once.rows(r).get(t).metrics(), exogenous.rows(r).get(t).metrics());
      }
    }
  }

  /**
   * every-generation refits on D_t after each generation: generation 1 still draws from the fit on
   * D_0 (its diagnostics equal generation 0's), generation 2 from the fit on D_1, whose mismatch
   * count differs from D_0's almost surely (two counts near 320 with sd about 17 coincide with
   * probability about 2.5%: allowing 30 of 200 coincidences fails with probability below 1e-6).
   */
  @Test
  void everyGenerationRefitsOnTheLoopsOwnData() {
    ChainRunner run =
        ChainRunner.run(
            config(REPLICATES, 2, PERIODIC, "  program: {fraction: 0.1, fit: every-generation}\n"));
    int refit = 0;
    for (int r = 0; r < REPLICATES; r++) {
      assertArrayEquals(diagnostics(run, r, 0), diagnostics(run, r, 1), "replicate " + r);
      refit += diagnostics(run, r, 2)[2] != diagnostics(run, r, 1)[2] ? 1 : 0;
    }
    assertTrue(refit >= 170, "r-hat changed at generation 2 in " + refit + " / 200");
  }

  /** Two runs of a cell with every part of the anchor in play give the same rows, bit for bit. */
  @Test
  void chainsAreDeterministic() {
    String yaml =
        config(
            6,
            15,
            PERIODIC,
            "  alpha: 0.1\n  mixing: per-sample\n  program: {fraction: 0.2, fit: exogenous}\n");
    ChainRunner first = ChainRunner.run(yaml);
    ChainRunner second = ChainRunner.run(yaml);
    for (int r = 0; r < 6; r++) {
      for (int t = 0; t <= 15; t++) {
        assertArrayEquals(first.rows(r).get(t).metrics(), second.rows(r).get(t).metrics());
      }
    }
  }
}
