package org.collapsesim.family.sequence;

import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/**
 * The positional learner of the sequence family: one categorical per position, fitted by maximum
 * likelihood p_j(a) = c_j(a) / M, or add-k (c_j(a) + k) / (M + |A| k), from the per-position
 * counts; strings are drawn position by position, independently. Per chain, refitted in place every
 * generation.
 *
 * <p>Each position is a Wright-Fisher population of size M, so under self-training E[GS_t,j] =
 * GS*_j (1 - 1/M)^(t+1) (the categorical family's closed form, position by position).
 */
final class PositionalModel {

  final int alphabet;
  final int length;

  /**
   * The counts fitted on, {@code counts[j * |A| + a]}, and M: integers for the pooled fit (exact as
   * doubles), effective weighted counts under real-data weighting.
   */
  final double[] counts;

  double total;

  /** p_j(a) at {@code j * |A| + a}. */
  final double[] p;

  PositionalModel(int alphabet, int length) {
    this.alphabet = alphabet;
    this.length = length;
    this.counts = new double[length * alphabet];
    this.p = new double[length * alphabet];
  }

  /** Fits to the counts of {@code total} strings, with add-k smoothing {@code addK} (0: MLE). */
  void fit(long[] columnCounts, long total, double addK) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = columnCounts[i];
    }
    this.total = total;
    smooth(addK);
  }

  /**
   * Real-data weighting: the effective counts c_j(a) = M (w c_exo,j(a) / M_exo + (1 - w)
   * c_rest,j(a) / M_rest) with M = M_exo + M_rest, then p as from counts.
   */
  void fitWeighted(
      long[] exogenous, long exogenousTotal, long[] rest, long restTotal, double w, double addK) {
    total = exogenousTotal + restTotal;
    double a = w / exogenousTotal;
    double b = (1 - w) / restTotal;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = total * (a * exogenous[i] + b * rest[i]);
    }
    smooth(addK);
  }

  /** p_j(a) = (c_j(a) + k) / (M + |A| k). */
  private void smooth(double addK) {
    double denominator = total + alphabet * addK;
    for (int i = 0; i < p.length; i++) {
      p[i] = (counts[i] + addK) / denominator;
    }
  }

  /** Appends {@code n} strings, each symbol by inversion of its position's cumulative law. */
  void draw(RandomStream rng, int n, SequenceBatch out) {
    int o = out.reserve(n);
    byte[] s = out.symbols;
    for (int i = 0; i < n; i++) {
      for (int j = 0, base = 0; j < length; j++, base += alphabet, o++) {
        double u = rng.nextDouble();
        int a = 0;
        double cumulative = p[base];
        while (u >= cumulative && a < alphabet - 1) {
          cumulative += p[base + ++a];
        }
        s[o] = (byte) a;
      }
    }
  }

  /**
   * The metrics, means over positions (nats): gini_simpson 1 - sum_a p^2, entropy, fixated (the
   * fraction of positions with p = 1 on one symbol), kl_true_model KL(p*_j || (c_j + eps) / (M +
   * |A| eps)).
   */
  Metrics metrics(SequenceTruth truth, double klEps) {
    double gini = 0;
    double entropy = 0;
    int fixated = 0;
    double kl = 0;
    double logDenominator = DetMath.log(total + alphabet * klEps);
    for (int j = 0, base = 0; j < length; j++, base += alphabet) {
      double squares = 0;
      boolean single = false;
      for (int a = 0; a < alphabet; a++) {
        double pa = p[base + a];
        squares += pa * pa;
        entropy -= DetMath.xlogx(pa);
        single |= pa == 1.0;
        double star = truth.marginal(j, a);
        if (star > 0) {
          kl +=
              star * (DetMath.log(star) - (DetMath.log(counts[base + a] + klEps) - logDenominator));
        }
      }
      gini += 1 - squares;
      fixated += single ? 1 : 0;
    }
    return new Metrics(gini / length, entropy / length, (double) fixated / length, kl / length);
  }

  /** The family's metrics of one fitted model. */
  record Metrics(double giniSimpson, double entropy, double fixated, double klTrueModel) {}
}
