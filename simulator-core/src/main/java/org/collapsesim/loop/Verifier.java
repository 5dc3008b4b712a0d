package org.collapsesim.loop;

import java.util.Arrays;
import java.util.List;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.kernel.Kernels;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamPurpose;

/**
 * A verifier filtering the synthetic part (an external checker that sees the truth: the curation
 * step of self-consuming loops with curated data, Ferbach et al., 2024; the verifier of Feng et
 * al., 2024, "Beyond model collapse: scaling up with synthesized data requires verification"). Each
 * synthetic candidate x is accepted with probability 1 - FNR if correct(x), FPR otherwise, by one
 * uniform of the VERIFIER stream per candidate in draw order; the family says what correct means
 * ({@link CellModel#correct}). Without refill the part may stay short (n_train shrinks). With
 * refill, further rounds of candidates come from refill substreams of the SYNTHETIC stream (round 0
 * is exactly the unfiltered loop's draw), sized from the acceptance so far and capped, until the
 * part is full or max_draws candidates have been tried. A {@link CellModel#positional} family
 * (linreg) refills a rejected row by relabelling the same row: round r relabels, once each, the
 * rows rejected in round r - 1.
 *
 * <p>From a fixed model q the accepted samples are iid from the tilted law q(x) a(x) / A with
 * refill; without it each candidate is kept independently with probability a(x) (docs/theory.md,
 * "The verifier: one-step laws"). Diagnostics per generation: verifier_accept_rate (accepted /
 * tried) and, with refill, verifier_exhausted (1 when the part stayed short).
 *
 * @param falseAccept FPR, in [0, 1]
 * @param falseReject FNR, in [0, 1]
 * @param refill draw further candidates until the synthetic part is full
 * @param maxDraws with refill, the candidates tried per generation before the part is left short
 */
public record Verifier(double falseAccept, double falseReject, boolean refill, long maxDraws)
    implements Filter {

  /** The mechanism name. */
  public static final String NAME = "verifier";

  /** The diagnostic counting a refilled part left short after max_draws candidates (0 or 1). */
  public static final String EXHAUSTED = "verifier_exhausted";

  /** The definitions of its diagnostics: the acceptance rate, then (with refill) exhaustion. */
  public static final List<MetricDefinition> DIAGNOSTICS =
      List.of(
          new MetricDefinition(
              "verifier_accept_rate",
              "accepted / tried synthetic candidates of the generation (null when none was tried)",
              "fraction"),
          new MetricDefinition(
              EXHAUSTED,
              "1 when a refilling verifier tried max_draws candidates and left the synthetic part"
                  + " short, else 0",
              "indicator"));

  /** The most candidates a refill round draws beyond the part's size (memory, not numbers). */
  static final long MAX_ROUND = 1 << 20;

  public Verifier {
    if (!(falseAccept >= 0 && falseAccept <= 1 && falseReject >= 0 && falseReject <= 1)
        || maxDraws < 1) {
      throw new IllegalArgumentException(
          "verifier: false_accept "
              + falseAccept
              + " and false_reject "
              + falseReject
              + " must be in [0, 1], max_draws "
              + maxDraws
              + " >= 1");
    }
  }

  /** The acceptance probability of a candidate. */
  public double acceptance(boolean correct) {
    return correct ? 1 - falseReject : falseAccept;
  }

  /** Whether a candidate is accepted, given its uniform u in [0, 1). */
  public boolean accepts(boolean correct, double u) {
    return u < acceptance(correct);
  }

  @Override
  public String mechanism() {
    return NAME;
  }

  @Override
  public StreamPurpose purpose() {
    return StreamPurpose.VERIFIER;
  }

  @Override
  public List<String> diagnostics() {
    return DIAGNOSTICS.stream().limit(refill ? 2 : 1).map(MetricDefinition::name).toList();
  }

  /** Binomial thinning without refill; with refill the candidates tried need the samples. */
  @Override
  public boolean hasExactPath() {
    return !refill;
  }

  @Override
  public <B extends SampleBatch<B>, S, M> Part<B> open(CellModel<B, S, M> family) {
    return new Part<>() {
      private long tried;
      private long accepted;
      private boolean exhausted;
      private final B more = family.newBatch(1);
      private int[] rows = new int[16]; // positional families: the rows rejected this round
      private long[] words = new long[0]; // the round's coins, drawn at once by the kernel
      private int[] keptRows = new int[0]; // the round's accepted candidates

      @Override
      public void filter(RandomStream coins, B candidates, B kept) {
        filter(coins, candidates, kept, null);
      }

      @Override
      public void filter(RandomStream coins, B candidates, B kept, MoreCandidates<B> refills) {
        int n = candidates.size();
        boolean positional = family.positional();
        tried = 0;
        accepted = 0;
        B current = candidates;
        for (int round = 1; ; round++) {
          int size = current.size();
          int rejected = 0;
          // candidate i's coin is the stream's next word: the round's words come at once from the
          // vector kernel (the same words as nextDouble's, one per candidate tried), and the
          // stream skips exactly the ones used
          int limit = refill ? (int) Math.min(size, maxDraws - tried) : size;
          if (words.length < limit) {
            words = new long[Math.max(limit, 2 * words.length)];
          }
          Kernels.get().randomWords(coins.key(), coins.position(), words, limit);
          // the accepted rows are listed, then appended to D_new in one call
          if (keptRows.length < limit) {
            keptRows = new int[Math.max(limit, 2 * keptRows.length)];
          }
          int room = (int) Math.min(n - accepted, limit);
          int keep = 0;
          int i = 0;
          for (; i < limit && keep < room; i++) {
            if (accepts(family.correct(current, i), RandomStream.toDouble(words[i]))) {
              keptRows[keep++] = i;
            } else if (positional) {
              rows = grow(rows, rejected);
              rows[rejected++] = family.positionOf(current, i);
            }
          }
          kept.appendRows(current, keptRows, keep);
          coins.skip(i);
          tried += i;
          accepted += keep;
          if (!refill || refills == null || accepted == n || tried >= maxDraws) {
            break;
          }
          long need = n - accepted;
          long next = Math.max(need, need * tried / Math.max(accepted, 1));
          next = Math.min(Math.min(next, maxDraws - tried), Math.max(n, MAX_ROUND));
          if (positional) { // each rejected row relabelled once, in the order they were rejected
            next = rejected;
          }
          more.clear();
          refills.draw(round, (int) next, more, positional ? Arrays.copyOf(rows, rejected) : null);
          current = more;
        }
        exhausted = refill && accepted < n;
      }

      @Override
      public <T> void filterStats(CellModel<?, T, ?> cells, RandomStream coins, T stats) {
        tried = cells.count(stats);
        cells.thinStats(stats, acceptance(true), acceptance(false), coins);
        accepted = cells.count(stats);
        exhausted = false;
      }

      private int[] grow(int[] a, int used) {
        return used < a.length ? a : Arrays.copyOf(a, 2 * a.length);
      }

      @Override
      public void diagnose(double[] out, int at) {
        out[at] = tried == 0 ? Double.NaN : (double) accepted / tried;
        if (refill) {
          out[at + 1] = exhausted ? 1.0 : 0.0;
        }
      }
    };
  }
}
