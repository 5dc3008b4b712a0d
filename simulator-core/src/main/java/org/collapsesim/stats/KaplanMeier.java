package org.collapsesim.stats;

import java.util.Arrays;

/**
 * The Kaplan-Meier product-limit estimate (Kaplan and Meier 1958) of the survival function of
 * collapse_generation (README, Output, cells table): S(t) = prod over event times t_i &lt;= t of (1
 * - d_i / n_i), where d_i chains collapsed at t_i and n_i were still at risk. A chain that never
 * collapsed is censored at the horizon G. At a tie between an event and a censoring the censored
 * chain counts as at risk (the usual convention).
 *
 * <p>The factors are multiplied in increasing time order, each computed as (n_i - d_i) / n_i:
 * deterministic and independent of the order of the input pairs.
 *
 * @param n the number of chains
 * @param eventTimes the distinct times at which at least one chain collapsed, ascending
 * @param atRisk n_i, the chains at risk just before each event time
 * @param events d_i, the chains that collapsed at each event time
 * @param survival S(t_i), the survival just after each event time
 */
public record KaplanMeier(int n, int[] eventTimes, int[] atRisk, int[] events, double[] survival) {

  /** Defensive copies: the record is immutable. */
  public KaplanMeier {
    eventTimes = eventTimes.clone();
    atRisk = atRisk.clone();
    events = events.clone();
    survival = survival.clone();
  }

  /** A copy of the event times. */
  @Override
  public int[] eventTimes() {
    return eventTimes.clone();
  }

  /** A copy of the at-risk counts. */
  @Override
  public int[] atRisk() {
    return atRisk.clone();
  }

  /** A copy of the event counts. */
  @Override
  public int[] events() {
    return events.clone();
  }

  /** A copy of the survival values. */
  @Override
  public double[] survival() {
    return survival.clone();
  }

  /**
   * Fits the curve to chains given as (time, event) pairs: {@code times[i]} is chain i's collapse
   * generation when {@code collapsed[i]}, else its censoring time (the horizon G).
   *
   * @throws IllegalArgumentException if the arrays differ in length or a time is negative
   */
  public static KaplanMeier fit(int[] times, boolean[] collapsed) {
    if (times.length != collapsed.length) {
      throw new IllegalArgumentException(
          "times has " + times.length + " entries but collapsed has " + collapsed.length);
    }
    int n = times.length;
    long[] keys = new long[n]; // time, then censored (1) after collapsed (0) at the same time
    for (int i = 0; i < n; i++) {
      if (times[i] < 0) {
        throw new IllegalArgumentException(
            "times[" + i + "] = " + times[i] + "; times must be >= 0");
      }
      keys[i] = ((long) times[i] << 1) | (collapsed[i] ? 0L : 1L);
    }
    Arrays.sort(keys);
    int[] t = new int[n];
    int[] r = new int[n];
    int[] d = new int[n];
    double[] s = new double[n];
    int m = 0;
    int atRisk = n;
    double surv = 1.0;
    int i = 0;
    while (i < n) {
      int time = (int) (keys[i] >>> 1);
      int deaths = 0;
      int leaving = 0;
      while (i < n && (int) (keys[i] >>> 1) == time) {
        if ((keys[i] & 1L) == 0L) {
          deaths++;
        }
        leaving++;
        i++;
      }
      if (deaths > 0) {
        surv *= (double) (atRisk - deaths) / atRisk;
        t[m] = time;
        r[m] = atRisk;
        d[m] = deaths;
        s[m] = surv;
        m++;
      }
      atRisk -= leaving;
    }
    return new KaplanMeier(
        n, Arrays.copyOf(t, m), Arrays.copyOf(r, m), Arrays.copyOf(d, m), Arrays.copyOf(s, m));
  }

  /**
   * S(t): the estimated probability of not having collapsed by generation t (1 before any event).
   */
  public double survivalAt(int t) {
    double s = 1.0;
    for (int k = 0; k < eventTimes.length && eventTimes[k] <= t; k++) {
      s = survival[k];
    }
    return s;
  }

  /**
   * The median collapse generation: the smallest event time with S(t) &lt;= 0.5, or {@code null}
   * when the curve never falls that low (fewer than half the chains observed to collapse).
   */
  public Integer median() {
    for (int k = 0; k < eventTimes.length; k++) {
      if (survival[k] <= 0.5) {
        return eventTimes[k];
      }
    }
    return null;
  }

  /** The number of chains that collapsed (at any time). */
  public int collapsedCount() {
    int c = 0;
    for (int e : events) {
      c += e;
    }
    return c;
  }

  /**
   * The fraction of chains that collapsed by the horizon: collapsed chains / n (chains censored at
   * G did not collapse). {@code null} for n = 0.
   */
  public Double fractionCollapsed() {
    return n == 0 ? null : (double) collapsedCount() / n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KaplanMeier k
        && n == k.n
        && Arrays.equals(eventTimes, k.eventTimes)
        && Arrays.equals(atRisk, k.atRisk)
        && Arrays.equals(events, k.events)
        && Arrays.equals(survival, k.survival);
  }

  @Override
  public int hashCode() {
    return 31
            * (31 * (31 * (31 * n + Arrays.hashCode(eventTimes)) + Arrays.hashCode(atRisk))
                + Arrays.hashCode(events))
        + Arrays.hashCode(survival);
  }

  @Override
  public String toString() {
    return "KaplanMeier[n="
        + n
        + ", eventTimes="
        + Arrays.toString(eventTimes)
        + ", atRisk="
        + Arrays.toString(atRisk)
        + ", events="
        + Arrays.toString(events)
        + ", survival="
        + Arrays.toString(survival)
        + "]";
  }
}
