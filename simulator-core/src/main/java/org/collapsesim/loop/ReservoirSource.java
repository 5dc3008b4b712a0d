package org.collapsesim.loop;

import java.util.List;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;

/**
 * The entropy reservoir: a high-entropy source that is not the truth, taking the fraction lambda_t
 * of D_new after the exogenous part (the family says what it is: uniform over the V categories;
 * N(m, s^2 I) for the Gaussian). Like real data it pulls the chain towards a fixed "continent", but
 * towards its own law rather than P*: it keeps entropy, not truth (docs/theory.md, "Categorical:
 * Gini-Simpson with a reservoir and weighting"). Its draws come from the RESERVOIR stream and cost
 * one draw per sample; its statistics can be drawn exactly.
 *
 * @param schedule lambda_t, a constant or a schedule like alpha
 */
public record ReservoirSource(ExogenousSchedule schedule) implements Source {

  /** The mechanism name. */
  public static final String NAME = "reservoir";

  public ReservoirSource {
    java.util.Objects.requireNonNull(schedule, "schedule");
  }

  @Override
  public String mechanism() {
    return NAME;
  }

  @Override
  public double fraction(int t) {
    return schedule.alpha(t);
  }

  @Override
  public StreamPurpose purpose() {
    return StreamPurpose.RESERVOIR;
  }

  @Override
  public boolean hasExactPath() {
    return true;
  }

  /** reservoir_t, the fraction of the generation, beside alpha_t. */
  @Override
  public List<String> diagnostics() {
    return List.of("reservoir_t");
  }

  @Override
  public <B extends SampleBatch<B>, S, M> Part<B, S> open(CellModel<B, S, M> family, B firstData) {
    return new Part<>() {
      @Override
      public void draw(RandomStream rng, int n, B out, BlockRunner blocks) {
        family.drawReservoir(rng, n, out, blocks);
      }

      @Override
      public void drawStats(RandomStream rng, int n, S out, BlockRunner blocks) {
        family.drawReservoirStats(rng, n, out, blocks);
      }

      @Override
      public void diagnose(double[] out, int at, int t) {
        out[at] = t == 0 ? Double.NaN : schedule.alpha(t); // nothing drawn at generation 0
      }
    };
  }
}
