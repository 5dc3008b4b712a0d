package org.collapsesim.family.categorical;

import org.collapsesim.math.DetMath;
import org.collapsesim.math.IndexSort;
import org.collapsesim.random.AliasTable;

/**
 * The true distribution P* over V categories, with what every chain of the cell reuses: log p*, an
 * alias table, the tail set, H(P*) and sum p*^2. Immutable after construction.
 */
final class CategoricalTruth {

  final double[] p;
  final double[] logP;
  private AliasTable sampler; // the explicit path's, built on first use (the exact path has none)

  /** Categories of the tail: the last tail_fraction of V ranked by p*, ties by index. */
  final int[] tail;

  /** Whether category i is in {@link #tail}. */
  final boolean[] inTail;

  final double entropy;
  final double sumSquares;

  /** sum p* and sum p* log p* over the categories with p* > 0, in index order. */
  final double sumP;

  final double sumPLogP;

  /** Categories with p* > 0, ascending: where the exact sampler draws. */
  final int[] live;

  /** The categories ranked by p* descending, ties by index. */
  private final int[] ranked;

  private CategoricalTruth(double[] p, double tailFraction) {
    this.p = p;
    int v = p.length;
    this.logP = new double[v];
    double h = 0;
    double s = 0;
    double sp = 0;
    double spl = 0;
    int positive = 0;
    for (int i = 0; i < v; i++) {
      logP[i] = p[i] > 0 ? DetMath.log(p[i]) : Double.NEGATIVE_INFINITY;
      s += p[i] * p[i];
      if (p[i] > 0) {
        double pLogP = p[i] * logP[i]; // DetMath.xlogx(p[i]), its logarithm taken once
        h -= pLogP;
        sp += p[i];
        spl += pLogP;
        positive++;
      }
    }
    this.sumP = sp;
    this.sumPLogP = spl;
    this.entropy = h;
    this.sumSquares = s;
    this.live = new int[positive]; // a plain loop: at V = 1e6 a stream is interpreted for long
    for (int i = 0, k = 0; i < v; i++) {
      if (p[i] > 0) {
        live[k++] = i;
      }
    }
    int[] order = IndexSort.byDescending(p);
    this.ranked = order;
    int tailSize = Math.max(1, (int) Math.floor(tailFraction * v + 0.5));
    tailSize = Math.min(tailSize, v);
    this.tail = java.util.Arrays.copyOfRange(order, v - tailSize, v);
    this.inTail = new boolean[v];
    for (int i : tail) {
      inTail[i] = true;
    }
  }

  /** Zipf(s): p_i proportional to (i + 1)^-s. */
  static CategoricalTruth zipf(int v, double exponent, double tailFraction) {
    double[] w = new double[v];
    for (int i = 0; i < v; i++) {
      w[i] = DetMath.exp(-exponent * DetMath.log(i + 1.0));
    }
    return new CategoricalTruth(normalize(w), tailFraction);
  }

  /** Uniform over V categories. */
  static CategoricalTruth uniform(int v, double tailFraction) {
    double[] w = new double[v];
    java.util.Arrays.fill(w, 1.0);
    return new CategoricalTruth(normalize(w), tailFraction);
  }

  /** Proportional to the given counts (at least one positive). */
  static CategoricalTruth counts(long[] counts, double tailFraction) {
    double[] w = new double[counts.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = counts[i];
    }
    return new CategoricalTruth(normalize(w), tailFraction);
  }

  private static double[] normalize(double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= total;
    }
    return w;
  }

  /** An alias table of p*, built by the first chain that draws tokens (chains share the truth). */
  synchronized AliasTable sampler() {
    if (sampler == null) {
      sampler = AliasTable.of(p);
    }
    return sampler;
  }

  int size() {
    return p.length;
  }

  /**
   * The verifier's correct set: the most probable categories of the truth (ties by index) whose
   * mass first reaches {@code mass}.
   */
  boolean[] correctSet(double mass) {
    boolean[] correct = new boolean[p.length];
    double covered = 0;
    for (int k = 0; k < ranked.length && covered < mass; k++) {
      correct[ranked[k]] = true;
      covered += p[ranked[k]];
    }
    return correct;
  }
}
