package org.collapsesim.family.categorical;

import org.collapsesim.math.DetMath;
import org.collapsesim.math.IndexSort;

/**
 * The decoding policy applied to a fitted categorical model before sampling, in the order of common
 * language-model decoders: temperature, then top-k, then top-p (nucleus). Metrics are always
 * computed on the undecoded model.
 *
 * @param temperature q_i proportional to p_i^(1/T), T > 0
 * @param topK keep the k most probable categories (ties by index); 0 = off
 * @param topP keep the smallest most-probable prefix whose mass reaches p; 1 = off
 */
record CategoricalDecoding(double temperature, int topK, double topP) {

  /** Whether decoding leaves the model unchanged. */
  boolean identity() {
    return temperature == 1.0 && topK == 0 && topP >= 1.0;
  }

  /** Writes the decoded weights of {@code p} into {@code q} (not normalized; positive sum). */
  void apply(double[] p, double[] q) {
    int v = p.length;
    if (temperature == 1.0) {
      System.arraycopy(p, 0, q, 0, v);
    } else {
      // relative to the largest p, so small temperatures do not underflow every weight
      double max = 0;
      for (double x : p) {
        max = Math.max(max, x);
      }
      double logMax = DetMath.log(max);
      double inv = 1.0 / temperature;
      for (int i = 0; i < v; i++) {
        q[i] = p[i] > 0 ? DetMath.exp((DetMath.log(p[i]) - logMax) * inv) : 0.0;
      }
    }
    if (topK == 0 && topP >= 1.0) {
      return;
    }
    int[] order = IndexSort.byDescending(q);
    int keep = topK == 0 ? v : Math.min(topK, v);
    if (topP < 1.0) {
      double total = 0;
      for (int i = 0; i < keep; i++) {
        total += q[order[i]];
      }
      double target = topP * total;
      double cumulative = 0;
      int prefix = 0;
      while (prefix < keep) {
        cumulative += q[order[prefix++]];
        if (cumulative >= target) {
          break;
        }
      }
      keep = prefix;
    }
    for (int i = keep; i < v; i++) {
      q[order[i]] = 0.0;
    }
  }
}
