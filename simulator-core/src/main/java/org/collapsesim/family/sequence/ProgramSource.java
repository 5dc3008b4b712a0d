package org.collapsesim.family.sequence;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.loop.BlockRunner;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.SampleBatch;
import org.collapsesim.loop.Source;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;

/**
 * The program anchor as a source of D_new: Zenil's symbolic anchoring by algorithmic probability
 * made concrete. Each chain fits a periodic program with a noise channel to its data by two-part
 * minimum description length ({@link ProgramSpace}: CTM or length prior, Krichevsky-Trofimov data
 * code) and draws the fraction beta_t of every generation from Gen(g-hat, r-hat), the chosen output
 * through the {@link NoiseChannel} at the fitted rate, on the PROGRAM stream.
 *
 * <pre>
 *   fit on      once: D_0  |  exogenous: all exogenous samples so far  |  every-generation: D_t
 *   gate        on iff  bits(g-hat) + data(g-hat) + margin <= min(statistical code, n log2|A|)
 *   generation t draws from the program fit after generation t - 1; when the gate is off that
 *   generation, its share goes to the synthetic part (Source.Part#on)
 * </pre>
 *
 * <p>Diagnostics describe the program in force for generation t's draw, at t = 0 the fit on D_0
 * (nothing is drawn then): anchor_on (the gate), program_correct (g-hat equals the truth's
 * noiseless output; null for the markov truth, which has none), anchor_noise (r-hat) and
 * anchor_bits (prior + data bits of g-hat).
 *
 * <p>The fit reads per-position symbol counts only, never whole strings, so every policy works from
 * the loop's statistics. Sampling is explicit only, like the family.
 *
 * @param space the hypothesis space with its prior, shared by every chain of the cell
 * @param fraction beta_t
 * @param fit what the program is fit on
 * @param gate whether the MDL gate may switch the anchor off
 * @param margin the gate's margin in bits
 * @param truthOutput the truth's noiseless output (base-36 digits), or null when it has none
 */
public record ProgramSource(
    ProgramSpace space,
    ExogenousSchedule fraction,
    Fit fit,
    boolean gate,
    double margin,
    String truthOutput)
    implements Source {

  /** The mechanism name. */
  public static final String NAME = "program";

  /** The definitions of its diagnostics, in the order {@link Part#diagnose} writes them. */
  public static final List<MetricDefinition> DIAGNOSTICS =
      List.of(
          new MetricDefinition(
              "anchor_on",
              "1 when the program anchor's gate is on for generation t's draw (bits + data +"
                  + " margin <= the positional KT code and the uniform code), else 0",
              "indicator"),
          new MetricDefinition(
              "program_correct",
              "1 when the chosen program's output equals the truth's noiseless output, else 0"
                  + " (null for a truth that is not a program)",
              "indicator"),
          new MetricDefinition(
              "anchor_noise",
              "r-hat = k / n, the chosen program's fitted noise rate",
              "substitutions per symbol"),
          new MetricDefinition(
              "anchor_bits", "bits(g) + data(g) of the chosen program's output", "bits"));

  /** What the program is fit on ({@code program.fit}). */
  public enum Fit {
    /** D_0 only. */
    ONCE,
    /** Every exogenous sample seen so far (D_0 and each generation's fresh real data). */
    EXOGENOUS,
    /** The loop's own training data D_t: the self-referential case. */
    EVERY_GENERATION;

    /** The config spelling. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy spelt {@code key} (validated by the config). */
    public static Fit of(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public ProgramSource {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(fraction, "fraction");
    Objects.requireNonNull(fit, "fit");
  }

  @Override
  public String mechanism() {
    return NAME;
  }

  @Override
  public double fraction(int t) {
    return fraction.alpha(t);
  }

  @Override
  public StreamPurpose purpose() {
    return StreamPurpose.PROGRAM;
  }

  /** Explicit only: the sequence family has no exact path. */
  @Override
  public boolean hasExactPath() {
    return false;
  }

  @Override
  public List<String> diagnostics() {
    return DIAGNOSTICS.stream().map(MetricDefinition::name).toList();
  }

  @Override
  public boolean observes() {
    return true;
  }

  /**
   * The chain's part. The source is built for sequence cells only (validation refuses {@code
   * program} elsewhere), so B and S are the family's batch and counts.
   */
  @Override
  @SuppressWarnings("unchecked")
  public <B extends SampleBatch<B>, S, M> Part<B, S> open(CellModel<B, S, M> family, B firstData) {
    if (!(family instanceof SequenceCell)) {
      throw new IllegalArgumentException("program: the sequence family only, not " + family);
    }
    return (Part<B, S>) new ProgramPart();
  }

  /** One chain's program: the fit in force, and what it has been fit on. */
  private final class ProgramPart implements Part<SequenceBatch, SequenceCounts> {
    private ProgramFit current; // set by observe(0) before anything asks for it
    private int[] output;
    private SequenceCounts exogenousSeen; // fit exogenous only

    @Override
    public boolean on(int t) {
      return current.anchorOn(gate, margin);
    }

    @Override
    public void observe(int t, SequenceCounts exogenous, SequenceCounts training) {
      switch (fit) {
        case ONCE -> {
          if (t == 0) {
            refit(exogenous);
          }
        }
        case EXOGENOUS -> {
          if (exogenousSeen == null) {
            exogenousSeen = new SequenceCounts(training.counts.length);
          }
          if (exogenous != null) {
            exogenousSeen.add(exogenous);
            refit(exogenousSeen);
          }
        }
        case EVERY_GENERATION -> {
          if (training.total > 0) { // a generation a filter emptied keeps the program
            refit(training);
          }
        }
      }
    }

    private void refit(SequenceCounts data) {
      current = space.fit(data.counts, data.total);
      output = current.outputSymbols();
    }

    @Override
    public void draw(RandomStream rng, int n, SequenceBatch out, BlockRunner blocks) {
      NoiseChannel.draw(output, current.noise(), space.alphabet(), rng, n, out);
    }

    @Override
    public void diagnose(double[] out, int at, int t) {
      out[at] = current.anchorOn(gate, margin) ? 1 : 0;
      out[at + 1] = truthOutput == null ? Double.NaN : current.output().equals(truthOutput) ? 1 : 0;
      out[at + 2] = current.noise();
      out[at + 3] = current.totalBits();
    }
  }
}
