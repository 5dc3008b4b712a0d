package org.collapsesim.family.markov;

import org.collapsesim.math.DetMath;
import org.collapsesim.math.IndexSort;

/**
 * The decoding policy applied to each row of a fitted chain before sampling, in the order of
 * language-model decoders: temperature (w^(1/T), relative to the row's largest weight so small
 * temperatures do not underflow), then top-k (the k largest weights, ties by token index), then
 * top-p (the smallest most-probable prefix whose mass reaches p of what top-k kept). Weights need
 * not be normalized. Metrics are always computed on the undecoded model.
 *
 * @param temperature T > 0
 * @param topK 0 = off
 * @param topP 1 = off
 */
record RowDecoding(double temperature, int topK, double topP) {

  boolean identity() {
    return temperature == 1.0 && topK == 0 && topP >= 1.0;
  }

  /** Decodes w[from .. from+len) in place; the entries are in ascending token order. */
  void apply(double[] w, int from, int len) {
    if (len == 0) {
      return;
    }
    int end = from + len;
    if (temperature != 1.0) {
      double max = 0;
      for (int i = from; i < end; i++) {
        max = Math.max(max, w[i]);
      }
      if (max > 0) {
        double logMax = DetMath.log(max);
        double inv = 1.0 / temperature;
        for (int i = from; i < end; i++) {
          w[i] = w[i] > 0 ? DetMath.exp((DetMath.log(w[i]) - logMax) * inv) : 0.0;
        }
      }
    }
    if (topK == 0 && topP >= 1.0) {
      return;
    }
    int[] order = IndexSort.byDescending(w, from, len);
    int keep = topK == 0 ? len : Math.min(topK, len);
    if (topP < 1.0) {
      double total = 0;
      for (int i = 0; i < keep; i++) {
        total += w[from + order[i]];
      }
      double target = topP * total;
      double cumulative = 0;
      int prefix = 0;
      while (prefix < keep) {
        cumulative += w[from + order[prefix++]];
        if (cumulative >= target) {
          break;
        }
      }
      keep = prefix;
    }
    for (int i = keep; i < len; i++) {
      w[from + order[i]] = 0.0;
    }
  }
}
