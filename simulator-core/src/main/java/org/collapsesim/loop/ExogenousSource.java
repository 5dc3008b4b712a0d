package org.collapsesim.loop;

import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;

/**
 * The exogenous part of D_new: the fraction alpha_t of real data, drawn fresh from the truth P* on
 * the EXOGENOUS stream, or with the fixed anchor the first n samples of D_0 (the same real data
 * reused every generation).
 *
 * @param schedule alpha_t
 * @param fixed reuse D_0's first samples instead of fresh draws
 */
public record ExogenousSource(ExogenousSchedule schedule, boolean fixed) implements Source {

  /** The mechanism name of fresh exogenous draws. */
  public static final String FRESH = "exogenous";

  /** The mechanism name of the fixed anchor. */
  public static final String FIXED = "fixed_anchor";

  public ExogenousSource {
    java.util.Objects.requireNonNull(schedule, "schedule");
  }

  @Override
  public String mechanism() {
    return fixed ? FIXED : FRESH;
  }

  @Override
  public double fraction(int t) {
    return schedule.alpha(t);
  }

  @Override
  public StreamPurpose purpose() {
    return StreamPurpose.EXOGENOUS;
  }

  @Override
  public boolean hasExactPath() {
    return !fixed;
  }

  @Override
  public <B extends SampleBatch<B>, S, M> Part<B, S> open(CellModel<B, S, M> family, B firstData) {
    if (!fixed) {
      return new Part<>() {
        @Override
        public void draw(RandomStream rng, int n, B out, BlockRunner blocks) {
          family.drawTruth(rng, n, out, blocks);
        }

        @Override
        public void drawStats(RandomStream rng, int n, S out, BlockRunner blocks) {
          family.drawTruthStats(rng, n, out, blocks);
        }
      };
    }
    B original = family.newBatch(firstData.size());
    for (int i = 0; i < firstData.size(); i++) {
      original.append(firstData, i);
    }
    return (rng, n, out, blocks) -> {
      for (int i = 0; i < n; i++) {
        out.append(original, i);
      }
    };
  }
}
