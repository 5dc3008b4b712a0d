package org.collapsesim.family.markov;

import java.util.Arrays;
import org.collapsesim.random.RandomStream;

/**
 * A fitted order-k chain of one chain: transition counts over the observed contexts (CSR, contexts
 * ascending, tokens ascending), the unigram counts, the empirical context distribution used by
 * metrics and by the sampler to start sequences, and the chain's sampling scratch (rebuilt lazily
 * after each fit).
 *
 * <p>Rows: maximum likelihood n(c, y) / N(c), or add-k (n(c, y) + k) / (N(c) + V k). A context
 * never observed as a source has no maximum likelihood row; the sampler then backs off to the
 * model's unigram distribution (add-k: the uniform row (0 + k) / (0 + V k), which is its own
 * formula).
 */
final class MarkovModel {

  final ContextCodec codec;
  final double addK;
  long[] contexts;
  int[] rowStart;
  int[] tokens;
  // counts are doubles: integers for the pooled fit (exact up to 2^53, so every number matches
  // integer arithmetic), effective weighted counts under real-data weighting
  double[] counts;
  double[] contextTotal;

  /** Index of the successor context of each entry, -1 when it was never observed as a source. */
  int[] succ;

  final double[] unigram;
  double total;

  /** The context distribution: the empirical N(c) / N of the training data. */
  double[] pi;

  boolean samplerReady;
  private double[] rowCum;
  private double[] backoffCum;
  private double[][] denseCum;
  private double[] piCum;

  MarkovModel(ContextCodec codec, double addK) {
    this.codec = codec;
    this.addK = addK;
    this.unigram = new double[codec.v];
  }

  int contexts() {
    return contexts.length;
  }

  int indexOf(long context) {
    int i = Arrays.binarySearch(contexts, context);
    return i >= 0 ? i : -1;
  }

  /** The count of (context index c, token y), 0 if absent. */
  double count(int c, int y) {
    int i = Arrays.binarySearch(tokens, rowStart[c], rowStart[c + 1], y);
    return i >= 0 ? counts[i] : 0;
  }

  /** Builds the sampling tables for {@code decoding}. */
  void prepareSampler(RowDecoding decoding) {
    int n = contexts.length;
    int nnz = tokens.length;
    int v = codec.v;
    piCum = new double[n];
    double running = 0;
    for (int c = 0; c < n; c++) {
      running += pi[c];
      piCum[c] = running;
    }
    rowCum = new double[nnz];
    backoffCum = new double[v];
    denseCum = null;
    if (addK == 0) {
      for (int j = 0; j < nnz; j++) {
        rowCum[j] = counts[j];
      }
      for (int y = 0; y < v; y++) {
        backoffCum[y] = unigram[y];
      }
      for (int c = 0; c < n; c++) {
        decoding.apply(rowCum, rowStart[c], rowStart[c + 1] - rowStart[c]);
      }
      decoding.apply(backoffCum, 0, v);
    } else {
      for (int j = 0; j < nnz; j++) {
        rowCum[j] = counts[j];
      }
      Arrays.fill(backoffCum, addK);
      decoding.apply(backoffCum, 0, v);
      if (!decoding.identity()) {
        denseCum = new double[n][];
      }
    }
    for (int c = 0; c < n; c++) {
      accumulate(rowCum, rowStart[c], rowStart[c + 1]);
    }
    accumulate(backoffCum, 0, v);
    samplerReady = true;
  }

  private static void accumulate(double[] w, int from, int to) {
    double running = 0;
    for (int j = from; j < to; j++) {
      running += w[j];
      w[j] = running;
    }
  }

  /**
   * Appends n tokens from the decoded model: sequences of sequenceLength tokens started from pi.
   */
  void sample(
      RandomStream rng, int n, int sequenceLength, RowDecoding decoding, TransitionBatch out) {
    out.ensureCapacity(n);
    int v = codec.v;
    int remaining = n;
    while (remaining > 0) {
      int length = Math.min(sequenceLength, remaining);
      int c =
          MarkovTruth.search(piCum, 0, piCum.length, rng.nextDouble() * piCum[piCum.length - 1]);
      long context = contexts[c];
      for (int i = 0; i < length; i++) {
        int y;
        int next;
        if (c >= 0 && addK == 0) {
          int j =
              MarkovTruth.search(
                  rowCum,
                  rowStart[c],
                  rowStart[c + 1],
                  rng.nextDouble() * rowCum[rowStart[c + 1] - 1]);
          y = tokens[j];
          next = succ[j];
        } else if (c >= 0 && denseCum == null) {
          // add-k, identity decoding: the counts with probability N(c) / (N(c) + V k), else uniform
          double total = contextTotal[c] + v * addK;
          double u = rng.nextDouble() * total;
          if (u < contextTotal[c]) {
            int j = MarkovTruth.search(rowCum, rowStart[c], rowStart[c + 1], u);
            y = tokens[j];
            next = succ[j];
          } else {
            y = Math.min(v - 1, (int) ((u - contextTotal[c]) / addK));
            next = indexOf(codec.next(context, y));
          }
        } else if (c >= 0) {
          double[] dense = denseRow(c, decoding);
          y = MarkovTruth.search(dense, 0, v, rng.nextDouble() * dense[v - 1]);
          next = indexOf(codec.next(context, y));
        } else {
          y = MarkovTruth.search(backoffCum, 0, v, rng.nextDouble() * backoffCum[v - 1]);
          next = indexOf(codec.next(context, y));
        }
        out.keys[out.size++] = codec.key(context, y);
        context = codec.next(context, y);
        c = next;
      }
      remaining -= length;
    }
  }

  /** The decoded add-k row of context c over all V tokens, cumulative; built once per fit. */
  private double[] denseRow(int c, RowDecoding decoding) {
    double[] row = denseCum[c];
    if (row == null) {
      int v = codec.v;
      row = new double[v];
      Arrays.fill(row, addK);
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        row[tokens[j]] += counts[j];
      }
      decoding.apply(row, 0, v);
      accumulate(row, 0, v);
      denseCum[c] = row;
    }
    return row;
  }
}
