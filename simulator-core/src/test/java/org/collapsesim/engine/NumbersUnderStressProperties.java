package org.collapsesim.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.result.ChainRecord;
import org.collapsesim.result.GenerationRecord;

/**
 * Numbers under stress: random valid configs of every family and mechanism, small and often
 * degenerate (one sample, fewer samples than dimensions, extreme decoding, every regime and mixing,
 * a verifier that drops everything), run as chains. No chain fails (the loop fails a chain on a NaN
 * metric), no theory value is NaN (a null theory is a null row; a mechanism's diagnostics are NaN
 * only for null), and +/-Infinity appears only where the metric's definition allows it: a singular
 * Gaussian fit has log-determinant and entropy -Infinity and KL(P* || P_t) +Infinity; every other
 * metric is finite.
 */
class NumbersUnderStressProperties {

  /** The metrics that may be infinite, and the sign they may take. */
  private static final Map<String, Double> ALLOWED_INFINITY =
      Map.of(
          "gaussian/logdet_ratio", Double.NEGATIVE_INFINITY,
          "gaussian/entropy", Double.NEGATIVE_INFINITY,
          "gaussian/kl_true_model", Double.POSITIVE_INFINITY);

  private static final Set<String> REGIMES =
      Set.of("replace", "accumulate", "accumulate-subsample", "window");

  @Provide
  Arbitrary<String> configs() {
    Arbitrary<String> common =
        Combinators.combine(
                Arbitraries.of(0.0, 0.05, 0.5, 1.0),
                Arbitraries.of("count", "per-sample"),
                Arbitraries.of(REGIMES),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of("auto", "explicit"))
            .as(
                (alpha, mixing, regime, window, sampling) ->
                    "  alpha: "
                        + alpha
                        + "\n  mixing: "
                        + mixing
                        + "\n  regime: "
                        + regime
                        + (regime.equals("window") ? "\n  window: " + window : "")
                        + "\nsampling: "
                        + (regime.equals("accumulate-subsample") ? "auto" : sampling)
                        + "\n");
    Arbitrary<String> categorical =
        Combinators.combine(
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(1, 60),
                Arbitraries.of("mle", "add-k"),
                Arbitraries.of(0.3, 1.0, 3.0),
                Arbitraries.of(1, 2, 40),
                Arbitraries.of(0.2, 1.0))
            .as(
                (v, m, est, temp, k, p) ->
                    "family: categorical\nparams:\n  model_size: "
                        + v
                        + "\n  samples: "
                        + m
                        + "\n  estimator: "
                        + est
                        + (est.equals("add-k") ? "\n  add_k: 0.5" : "")
                        + "\n  temperature: "
                        + temp
                        + "\n  top_k: "
                        + k
                        + "\n  top_p: "
                        + p
                        + "\n");
    Arbitrary<String> gaussian =
        Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(2, 12),
                Arbitraries.of("mle", "unbiased"),
                Arbitraries.of(0.5, 1.0, 2.0))
            .as(
                (d, m, est, bias) ->
                    "family: gaussian\nparams:\n  model_size: "
                        + d
                        + "\n  samples: "
                        + m
                        + "\n  estimator: "
                        + est
                        + "\n  sampling_bias: "
                        + bias
                        + "\n");
    Arbitrary<String> markov =
        Combinators.combine(
                Arbitraries.integers().between(2, 5),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 30),
                Arbitraries.of(0.5, 1.0, 2.0))
            .as(
                (v, order, m, temp) ->
                    "family: markov\nparams:\n  model_size: "
                        + v
                        + "\n  order: "
                        + order
                        + "\n  samples: "
                        + m
                        + "\n  sequence_length: 6\n  temperature: "
                        + temp
                        + "\n");
    Arbitrary<String> gmm =
        Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(3, 40))
            .as(
                (k, d, m) ->
                    "family: gmm\nparams:\n  model_size: "
                        + k
                        + "\n  dimension: "
                        + d
                        + "\n  samples: "
                        + m
                        + "\n  mc_samples: 50\n");
    Arbitrary<String> linreg =
        Combinators.combine(
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 6))
            .as(
                (d, extra) ->
                    "family: linreg\nparams:\n  model_size: "
                        + d
                        + "\n  samples: "
                        + (d + 1 + extra)
                        + "\n");
    // the mechanisms, on the families that have them (categorical and gaussian): a reservoir, a
    // verifier (with or without refill, one that may drop everything), real-data weighting
    Arbitrary<String> mechanism =
        Arbitraries.of(
            "",
            "  reservoir: {fraction: 0.3}\n",
            "  verifier: {false_accept: 0.0, false_reject: 0.5}\n",
            "  verifier: {false_accept: 0.0, false_reject: 1.0}\n",
            "  verifier: {false_accept: 0.2, false_reject: 0.3, refill: true, max_draws: 500}\n",
            "  real_weight: 0.8\n");
    Arbitrary<String> anchored =
        Combinators.combine(Arbitraries.oneOf(categorical, gaussian), mechanism)
            .as((f, m) -> f + m);
    Arbitrary<String> family =
        Arbitraries.oneOf(categorical, gaussian, markov, gmm, linreg, anchored);
    return Combinators.combine(family, common, Arbitraries.longs().between(1, 1_000_000))
        .as(
            (f, c, seed) ->
                "name: stress\nseed: " + seed + "\nreplicates: 2\ngenerations: 6\n" + f + c);
  }

  @Property(tries = 200)
  void noNaNAnywhereAndInfinityOnlyWhereDefined(@ForAll("configs") String yaml) {
    SweepConfig config;
    try {
      config = ConfigLoader.parse(Families.catalogue(), yaml, null, List.of());
    } catch (ConfigException e) {
      // a combination the families refuse (decoding that does not apply, say): not this property's
      Assume.that(false);
      return;
    }
    PreparedCell cell = PreparedCell.prepare(config, config.cells().get(0));
    List<String> names = cell.metricNames();
    String family = config.cells().get(0).family();
    for (double[] row : cell.theory()) {
      if (row != null) {
        for (double v : row) {
          assertFalse(Double.isNaN(v), "a NaN theory value\n" + yaml);
        }
      }
    }
    for (int r = 0; r < config.replicates(); r++) {
      List<GenerationRecord> rows = new java.util.ArrayList<>();
      ChainRecord chain = cell.runChain(r, rows::add, BlockRunner.SEQUENTIAL);
      assertTrue(chain.ok(), () -> "chain failed: " + chain.error() + "\n" + yaml);
      for (GenerationRecord g : rows) {
        double[] values = g.metrics();
        for (int m = 0; m < values.length; m++) {
          String name = family + "/" + names.get(m);
          double v = values[m];
          if (Double.isInfinite(v)) {
            Double allowed = ALLOWED_INFINITY.get(name);
            assertTrue(
                allowed != null && allowed == v,
                name + " = " + v + " at generation " + g.generation() + "\n" + yaml);
          }
        }
      }
    }
  }
}
