package org.collapsesim.ctm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lazy enumeration against the plain one: every one of the (4n + 2)^(2n) machines built and run
 * on its own, n = 1..3 (7,529,536 machines for n = 3), must give exactly the same count for every
 * output on the all-0 tape.
 */
class BruteForceEnumerationTest {

  private static final int[] STEP_BOUND = {0, 1, 6, 21};

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void lazyEnumerationCountsWhatRunningEveryMachineCounts(int n) {
    OutputDistribution lazy = OutputDistribution.enumerate(n);
    Map<String, Long> plain = runEveryMachine(n);
    long halting = plain.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(halting, lazy.haltingBlank0());
    Map<String, Long> lazyCounts = new TreeMap<>();
    for (String s : lazy.outputs()) {
      if (lazy.countBlank0(s) > 0) {
        lazyCounts.put(s, lazy.countBlank0(s));
      }
    }
    assertEquals(plain, lazyCounts);
  }

  /** Blank-0 output counts of all (n, 2) machines, each machine run alone up to S(n) steps. */
  static Map<String, Long> runEveryMachine(int n) {
    int entries = 2 * n;
    int options = 4 * n + 2;
    int bound = STEP_BOUND[n];
    int[] digits = new int[entries];
    byte[] tape = new byte[2 * bound + 3];
    Map<String, Long> counts = new TreeMap<>();
    while (true) {
      java.util.Arrays.fill(tape, (byte) 0);
      int head = bound + 1;
      int lo = head;
      int hi = head;
      int state = 0;
      for (int step = 0; step < bound; step++) {
        int option = digits[2 * state + tape[head]];
        if (option < 2) { // write the option's symbol and halt
          tape[head] = (byte) option;
          StringBuilder s = new StringBuilder();
          for (int i = lo; i <= hi; i++) {
            s.append(tape[i]);
          }
          counts.merge(s.toString(), 1L, Long::sum);
          break;
        }
        int move = option - 2; // ((next state) * 2 + direction) * 2 + symbol
        tape[head] = (byte) (move & 1);
        head += (move >> 1 & 1) == 0 ? -1 : 1;
        lo = Math.min(lo, head);
        hi = Math.max(hi, head);
        state = move >> 2;
      }
      int e = 0;
      while (e < entries && ++digits[e] == options) {
        digits[e++] = 0;
      }
      if (e == entries) {
        return counts;
      }
    }
  }
}
