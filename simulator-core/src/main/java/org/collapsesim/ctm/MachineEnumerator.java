package org.collapsesim.ctm;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact blank-0 output counts of all (n, 2) Turing machines, by lazy enumeration of the
 * transition table (the method of Delahaye and Zenil, Applied Mathematics and Computation 219(1),
 * 2012, made exact by counting whole subtrees at once).
 *
 * <p>The machine runs with its table <em>undefined</em>; the first time an entry (state, symbol) is
 * read, the run branches over its 4n + 2 options. A run that halts with u entries never read stands
 * for (4n + 2)^u machines that all make exactly the same run, so its output is counted with that
 * weight; a run that has made S(n) non-halting transitions (the busy-beaver step bound) never
 * halts, whatever the unread entries hold. At most 2n entries are ever defined, so the branching is
 * at most 2n levels deep: each level keeps its own copy of the tape and the walk needs no deep
 * recursion. For n = 4 the tree has about 5e7 leaves.
 *
 * <p>Hand-written hot kernel (primitive arrays, an open-addressing map of primitive keys, no
 * allocation per leaf): a general-purpose Turing-machine or collections library would allocate per
 * run and make n = 4 take many minutes instead of well under one.
 */
final class MachineEnumerator {

  /**
   * Busy-beaver step numbers S(n), n = 1..4: a machine still running after S(n) steps never halts.
   */
  private static final int[] STEP_BOUND = {0, 1, 6, 21, 107};

  /** Longest output the 64-bit key holds (one leading sentinel bit). */
  private static final int MAX_KEY_LENGTH = 62;

  private static final int UNDEFINED = -2;
  private static final int HALT = -1;

  private final int states;
  private final int options;
  private final int stepBound;

  /** weight[u] = (4n + 2)^u: the machines one run stands for when u entries are unread. */
  private final long[] weight;

  /**
   * Per entry e = 2 * state + symbol: symbol written, move (-1 or +1, 0 on halting), next state.
   */
  private final int[] write;

  private final int[] move;
  private final int[] next;

  /** One tape per branching level; cells outside the visited range are blank (0). */
  private final byte[][] tapes;

  private final LongCounts outputs = new LongCounts();
  private long halting;

  private MachineEnumerator(int states) {
    this.states = states;
    this.options = 4 * states + 2;
    this.stepBound = STEP_BOUND[states];
    int entries = 2 * states;
    this.weight = new long[entries + 1];
    weight[0] = 1;
    for (int u = 1; u <= entries; u++) {
      weight[u] = weight[u - 1] * options;
    }
    this.write = new int[entries];
    this.move = new int[entries];
    this.next = new int[entries];
    Arrays.fill(next, UNDEFINED);
    this.tapes = new byte[entries + 1][2 * stepBound + 3];
  }

  /**
   * Enumerates every (n, 2) machine on the blank-0 tape.
   *
   * @param states n, in 1..4 (checked by the caller)
   * @return the halting count and the count of each output, keyed by the output string
   */
  static OutputDistribution enumerate(int states) {
    MachineEnumerator walk = new MachineEnumerator(states);
    int start = walk.stepBound + 1;
    walk.run(0, start, 0, 0, start, start, 2 * states);
    Map<String, Long> counts = new TreeMap<>();
    walk.outputs.forEach((key, count) -> counts.put(decode(key), count));
    return new OutputDistribution(states, walk.halting, counts);
  }

  /**
   * Runs the machine from the given configuration on {@code tapes[level]} until it halts, proves
   * itself non-halting, or reads an undefined entry (then branches over its options).
   */
  private void run(int level, int head, int state, int steps, int lo, int hi, int unread) {
    byte[] tape = tapes[level];
    while (steps < stepBound) {
      int entry = 2 * state + tape[head];
      int to = next[entry];
      if (to == UNDEFINED) {
        branch(level, head, state, steps, lo, hi, unread, entry);
        return;
      }
      tape[head] = (byte) write[entry];
      if (to == HALT) {
        record(tape, lo, hi, weight[unread]);
        return;
      }
      head += move[entry];
      lo = Math.min(lo, head);
      hi = Math.max(hi, head);
      state = to;
      steps++;
    }
  }

  /** Tries every option of the undefined {@code entry}; the subtree below each is walked once. */
  private void branch(
      int level, int head, int state, int steps, int lo, int hi, int unread, int entry) {
    byte[] tape = tapes[level];
    byte[] child = tapes[level + 1];
    int rest = unread - 1;
    byte under = tape[head];
    for (int w = 0; w <= 1; w++) { // halting options: write w, halt
      tape[head] = (byte) w;
      record(tape, lo, hi, weight[rest]);
    }
    tape[head] = under;
    for (int to = 0; to < states; to++) {
      for (int step = -1; step <= 1; step += 2) {
        for (int w = 0; w <= 1; w++) {
          write[entry] = w;
          move[entry] = step;
          next[entry] = to;
          System.arraycopy(tape, 0, child, 0, tape.length);
          child[head] = (byte) w;
          int h = head + step;
          run(level + 1, h, to, steps + 1, Math.min(lo, h), Math.max(hi, h), rest);
        }
      }
    }
    next[entry] = UNDEFINED;
  }

  private void record(byte[] tape, int lo, int hi, long machines) {
    halting += machines;
    int length = hi - lo + 1;
    if (length > MAX_KEY_LENGTH) {
      throw new IllegalStateException(
          "an output of " + length + " cells exceeds the " + MAX_KEY_LENGTH + "-cell key");
    }
    long key = 1;
    for (int i = lo; i <= hi; i++) {
      key = (key << 1) | tape[i];
    }
    outputs.add(key, machines);
  }

  /** The string of a key: the bits below the leading sentinel, most significant first. */
  private static String decode(long key) {
    int length = 63 - Long.numberOfLeadingZeros(key);
    char[] s = new char[length];
    for (int i = 0; i < length; i++) {
      s[i] = (char) ('0' + ((key >>> (length - 1 - i)) & 1));
    }
    return new String(s);
  }
}
