package org.collapsesim.family.markov;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.StreamPurpose;

/**
 * The true order-k chain P*: its rows over the contexts it can visit (CSR, contexts ascending,
 * tokens ascending within a row), its stationary distribution, entropy rate and stationary unigram,
 * and the held-out truth text that perplexity is measured on. Closed and irreducible by
 * construction, so the stationary distribution is unique. Immutable after construction.
 */
final class MarkovTruth {

  /**
   * Random truths beyond this many reachable contexts are refused (they would not fit the driver).
   */
  static final int MAX_CONTEXTS = 1 << 20;

  final ContextCodec codec;
  final long[] contexts;
  final int[] rowStart;
  final int[] tokens;
  final double[] prob;
  final double[] logProb;
  final double[] cum;
  final int[] succ;
  final double[] pi;
  final double[] piCum;
  final double entropyRate;
  final double[] unigram;
  final double unigramSumSquares;

  /** Held-out truth transitions: distinct keys ascending with their counts. */
  final long[] heldoutKeys;

  final long[] heldoutCounts;
  final long heldoutTotal;

  private MarkovTruth(
      ContextCodec codec,
      long[] contexts,
      int[] rowStart,
      int[] tokens,
      double[] prob,
      long truthKey,
      int heldoutTokens,
      int sequenceLength) {
    this.codec = codec;
    this.contexts = contexts;
    this.rowStart = rowStart;
    this.tokens = tokens;
    this.prob = prob;
    int n = contexts.length;
    int nnz = tokens.length;
    logProb = new double[nnz];
    cum = new double[nnz];
    succ = new int[nnz];
    double[] rowEntropy = new double[n];
    for (int c = 0; c < n; c++) {
      double running = 0;
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        logProb[j] = prob[j] > 0 ? DetMath.log(prob[j]) : Double.NEGATIVE_INFINITY;
        running += prob[j];
        cum[j] = running;
        rowEntropy[c] -= DetMath.xlogx(prob[j]);
        int s = Arrays.binarySearch(contexts, codec.next(contexts[c], tokens[j]));
        if (s < 0) {
          throw new IllegalStateException(
              "truth table is not closed: context " + contexts[c] + " token " + tokens[j]);
        }
        succ[j] = s;
      }
    }
    pi = Stationary.of(n, rowStart, succ, prob);
    piCum = new double[n];
    double h = 0;
    double running = 0;
    unigram = new double[codec.v];
    for (int c = 0; c < n; c++) {
      h += pi[c] * rowEntropy[c];
      running += pi[c];
      piCum[c] = running;
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        unigram[tokens[j]] += pi[c] * prob[j];
      }
    }
    entropyRate = h;
    double squares = 0;
    for (double u : unigram) {
      squares += u * u;
    }
    unigramSumSquares = squares;
    TransitionCounts heldout = new TransitionCounts(codec.v);
    TransitionBatch text = new TransitionBatch(heldoutTokens);
    sample(
        new RandomStream(StreamKeys.hash(truthKey, StreamPurpose.HELDOUT.tag())),
        heldoutTokens,
        sequenceLength,
        text);
    for (int i = 0; i < text.size; i++) {
      heldout.add(text.keys[i], 1);
    }
    heldoutKeys = heldout.sortedKeys();
    heldoutCounts = new long[heldoutKeys.length];
    for (int i = 0; i < heldoutKeys.length; i++) {
      heldoutCounts[i] = heldout.get(heldoutKeys[i]);
    }
    heldoutTotal = heldout.total;
  }

  /**
   * Appends n tokens: sequences of sequenceLength tokens, each started in a context drawn from pi*.
   */
  void sample(RandomStream rng, int n, int sequenceLength, TransitionBatch out) {
    out.ensureCapacity(n);
    int remaining = n;
    while (remaining > 0) {
      int length = Math.min(sequenceLength, remaining);
      int c = search(piCum, 0, piCum.length, rng.nextDouble() * piCum[piCum.length - 1]);
      for (int i = 0; i < length; i++) {
        int from = rowStart[c];
        int to = rowStart[c + 1];
        int j = search(cum, from, to, rng.nextDouble() * cum[to - 1]);
        out.keys[out.size++] = codec.key(contexts[c], tokens[j]);
        c = succ[j];
      }
      remaining -= length;
    }
  }

  /** The first index j in [from, to) with cum[j] > u (the last one if rounding leaves none). */
  static int search(double[] cum, int from, int to, double u) {
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * A random sparse table: grown from the start context (tokens 0, 1, ..., k-1) over every context
   * it reaches. Each context's row has min(rowSupport, V) tokens with Dirichlet(concentration)
   * weights, drawn from a stream keyed by the truth and the context alone, and always includes the
   * token after the context's last (t + 1 mod V): that token leads every context back to the start
   * through the cycle 0, 1, ..., V-1, so the reached set is closed and irreducible.
   */
  static MarkovTruth dirichlet(
      ContextCodec codec,
      double concentration,
      int rowSupport,
      long truthKey,
      int heldoutTokens,
      int sequenceLength) {
    int v = codec.v;
    int support = Math.min(rowSupport, v);
    Map<Long, int[]> rowTokens = new HashMap<>();
    Map<Long, double[]> rowWeights = new HashMap<>();
    ArrayDeque<Long> queue = new ArrayDeque<>();
    long start = codec.startContext();
    queue.add(start);
    rowTokens.put(start, null);
    long nnz = 0;
    while (!queue.isEmpty()) {
      long c = queue.removeFirst();
      RandomStream rng = new RandomStream(StreamKeys.hash(truthKey, c));
      int[] row = supportOf(rng, c, codec, support);
      double[] w = new double[support];
      DirichletRows.dirichlet(rng, concentration, support, w);
      sortRow(row, w);
      rowTokens.put(c, row);
      rowWeights.put(c, w);
      nnz += support;
      for (int y : row) {
        long s = codec.next(c, y);
        if (!rowTokens.containsKey(s)) {
          if (rowTokens.size() >= MAX_CONTEXTS) {
            throw new IllegalArgumentException(
                "the random truth reaches more than "
                    + MAX_CONTEXTS
                    + " contexts (model_size "
                    + v
                    + ", order "
                    + codec.order
                    + ", truth.row_support "
                    + rowSupport
                    + "); lower one of them");
          }
          rowTokens.put(s, null);
          queue.addLast(s);
        }
      }
    }
    long[] contexts = new long[rowTokens.size()];
    int i = 0;
    for (long c : rowTokens.keySet()) {
      contexts[i++] = c;
    }
    Arrays.sort(contexts);
    int[] rowStart = new int[contexts.length + 1];
    int[] tokens = new int[Math.toIntExact(nnz)];
    double[] prob = new double[tokens.length];
    int at = 0;
    for (int c = 0; c < contexts.length; c++) {
      int[] row = rowTokens.get(contexts[c]);
      double[] w = rowWeights.get(contexts[c]);
      System.arraycopy(row, 0, tokens, at, row.length);
      System.arraycopy(w, 0, prob, at, w.length);
      at += row.length;
      rowStart[c + 1] = at;
    }
    try {
      return new MarkovTruth(
          codec, contexts, rowStart, tokens, prob, truthKey, heldoutTokens, sequenceLength);
    } catch (Stationary.NotConverged e) {
      throw new IllegalArgumentException(
          "the random truth (model_size "
              + v
              + ", order "
              + codec.order
              + ", truth.concentration "
              + concentration
              + ", truth.row_support "
              + rowSupport
              + ") mixes too slowly for its stationary law: "
              + e.getMessage()
              + "; raise truth.concentration, or lower model_size or order to at most "
              + Stationary.DENSE_LIMIT
              + " reachable contexts, which are solved exactly",
          e);
    }
  }

  private static int[] supportOf(RandomStream rng, long context, ContextCodec codec, int support) {
    int v = codec.v;
    int[] row = new int[support];
    if (support == v) {
      for (int y = 0; y < v; y++) {
        row[y] = y;
      }
      return row;
    }
    boolean[] chosen = support * 8 >= v ? new boolean[v] : null;
    row[0] = codec.order == 0 ? rng.nextInt(v) : (int) ((context % v + 1) % v);
    mark(chosen, row[0]);
    for (int i = 1; i < support; i++) {
      int y;
      do {
        y = rng.nextInt(v);
      } while (contains(chosen, row, i, y));
      row[i] = y;
      mark(chosen, y);
    }
    return row;
  }

  private static void mark(boolean[] chosen, int y) {
    if (chosen != null) {
      chosen[y] = true;
    }
  }

  private static boolean contains(boolean[] chosen, int[] row, int n, int y) {
    if (chosen != null) {
      return chosen[y];
    }
    for (int i = 0; i < n; i++) {
      if (row[i] == y) {
        return true;
      }
    }
    return false;
  }

  /** Sorts a row by token, carrying the weights (insertion sort: rows are short). */
  private static void sortRow(int[] row, double[] w) {
    for (int i = 1; i < row.length; i++) {
      int y = row[i];
      double x = w[i];
      int j = i - 1;
      while (j >= 0 && row[j] > y) {
        row[j + 1] = row[j];
        w[j + 1] = w[j];
        j--;
      }
      row[j + 1] = y;
      w[j + 1] = x;
    }
  }

  /**
   * The maximum likelihood chain of a token text read cyclically (the last k tokens precede the
   * first), so that every context has a successor and the chain is closed and irreducible.
   */
  static MarkovTruth text(
      ContextCodec codec, int[] text, long truthKey, int heldoutTokens, int sequenceLength) {
    TransitionCounts counts = new TransitionCounts(codec.v);
    for (int i = 0; i < text.length; i++) {
      counts.add(codec.key(codec.cyclicContext(text, i), text[i]), 1);
    }
    long[] keys = counts.sortedKeys();
    int nnz = keys.length;
    int[] tokens = new int[nnz];
    double[] prob = new double[nnz];
    long[] rowKeys = new long[nnz];
    int n = 0;
    int[] rowStartTmp = new int[nnz + 1];
    for (int j = 0; j < nnz; j++) {
      long c = codec.contextOf(keys[j]);
      if (n == 0 || rowKeys[n - 1] != c) {
        rowKeys[n] = c;
        rowStartTmp[n] = j;
        n++;
      }
      tokens[j] = codec.tokenOf(keys[j]);
    }
    rowStartTmp[n] = nnz;
    long[] contexts = Arrays.copyOf(rowKeys, n);
    int[] rowStart = Arrays.copyOf(rowStartTmp, n + 1);
    for (int c = 0; c < n; c++) {
      long total = 0;
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        total += counts.get(keys[j]);
      }
      for (int j = rowStart[c]; j < rowStart[c + 1]; j++) {
        prob[j] = counts.get(keys[j]) / (double) total;
      }
    }
    return new MarkovTruth(
        codec, contexts, rowStart, tokens, prob, truthKey, heldoutTokens, sequenceLength);
  }
}
