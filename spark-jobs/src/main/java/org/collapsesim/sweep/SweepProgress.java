package org.collapsesim.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a sweep on stderr: chains done / total, rate and ETA. On a terminal the line is
 * rewritten in place ({@code \r}) every second; otherwise a plain line is printed every {@code
 * plainPeriodSeconds}. The count comes from a supplier polled by a timer thread (the driver's view
 * of a Spark accumulator, updated as tasks finish).
 */
public final class SweepProgress implements AutoCloseable {

  private final PrintStream out;
  private final boolean inPlace;
  private final long total;
  private final long alreadyDone;
  private final LongSupplier done;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  /**
   * Starts reporting.
   *
   * @param total every chain of the sweep
   * @param alreadyDone chains committed by earlier attempts (counted as done, not in the rate)
   * @param done chains finished in this attempt so far
   * @param inPlace rewrite one line (a terminal) rather than print periodic lines
   */
  public SweepProgress(
      PrintStream out,
      long total,
      long alreadyDone,
      LongSupplier done,
      boolean inPlace,
      int plainPeriodSeconds) {
    this.out = out;
    this.inPlace = inPlace;
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.done = done;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "collapse-sim-progress");
              t.setDaemon(true);
              return t;
            });
    long period = inPlace ? 1 : Math.max(1, plainPeriodSeconds);
    timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
  }

  /** The progress line for {@code doneNow} chains of this attempt after {@code seconds}. */
  static String line(long total, long alreadyDone, long doneNow, double seconds) {
    long all = Math.min(total, alreadyDone + doneNow);
    double rate = seconds > 0 ? doneNow / seconds : 0;
    String eta = rate > 0 ? duration((total - all) / rate) : "?";
    return String.format(
        Locale.ROOT,
        "chains %d/%d (%.1f%%), %.1f chains/s, ETA %s",
        all,
        total,
        total == 0 ? 100.0 : 100.0 * all / total,
        rate,
        eta);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private synchronized void print() {
    String text =
        line(total, alreadyDone, done.getAsLong(), (System.nanoTime() - startNanos) / 1e9);
    if (inPlace) {
      out.print("\r" + text + "   ");
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** Stops the timer and prints the final line. */
  @Override
  public void close() {
    timer.shutdownNow();
    print();
    if (inPlace) {
      out.println();
    }
  }
}
