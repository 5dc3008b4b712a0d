package org.collapsesim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapsesim.result.GenerationRecord;

/**
 * Deliberate failures, for the project's tests and for users who want to see what their own cluster
 * does when a chain or an executor dies. Faults are set by the JVM system property {@value
 * #PROPERTY} on the driver, never by the config, so that {@code --resume} accepts the same config
 * (its hash is unchanged). The driver parses them before anything runs and hands them to every
 * batch (on Spark, serialized with the task closure).
 *
 * <p>Syntax: faults separated by {@code ;}, each
 *
 * <ul>
 *   <li>{@code chain:CELL/REPLICATE@GENERATION[:always]}: the chain throws when it reaches
 *       GENERATION (0..G). It ends as a {@code failed} row whose error names the fault. By default
 *       only in the sweep's first attempt, so that {@code --resume} reruns it successfully; with
 *       {@code :always} in every attempt.
 *   <li>{@code executor-exit:CELL/REPLICATE[:always]}: the JVM that is about to run this chain
 *       halts with status {@value #EXIT_STATUS} (an executor lost mid-task). By default only in
 *       Spark's first attempt of the task, so Spark's retry succeeds; with {@code :always} in every
 *       attempt, which fails the sweep once Spark gives up. On a local master the executor is the
 *       driver: use it on a cluster or {@code local-cluster}.
 * </ul>
 *
 * CELL is the cell's index in the config's expansion order (as {@code collapse run --cell INDEX}
 * and {@code collapse validate} number them), REPLICATE the replicate.
 */
public final class FaultInjection implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The system property (driver) and Spark local property (tasks) holding the fault list. */
  public static final String PROPERTY = "collapse.faults";

  /** The status an injected executor exit halts its JVM with. */
  public static final int EXIT_STATUS = 57;

  private static final Pattern CHAIN = Pattern.compile("chain:(\\d+)/(\\d+)@(\\d+)(:always)?");
  private static final Pattern EXECUTOR = Pattern.compile("executor-exit:(\\d+)/(\\d+)(:always)?");

  /** No faults. */
  public static final FaultInjection NONE = new FaultInjection(List.of());

  private record Fault(boolean exit, int cell, int replicate, int generation, boolean always)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final List<Fault> faults;

  private FaultInjection(List<Fault> faults) {
    this.faults = List.copyOf(faults);
  }

  /**
   * Parses a fault list.
   *
   * @param text the property's value; null or blank for none
   * @throws IllegalArgumentException naming the fault that does not parse and the syntax
   */
  public static FaultInjection parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    List<Fault> faults = new ArrayList<>();
    for (String part : text.split(";")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      Matcher chain = CHAIN.matcher(item);
      Matcher exit = EXECUTOR.matcher(item);
      try {
        if (chain.matches()) {
          faults.add(
              new Fault(
                  false,
                  Integer.parseInt(chain.group(1)),
                  Integer.parseInt(chain.group(2)),
                  Integer.parseInt(chain.group(3)),
                  chain.group(4) != null));
        } else if (exit.matches()) {
          faults.add(
              new Fault(
                  true,
                  Integer.parseInt(exit.group(1)),
                  Integer.parseInt(exit.group(2)),
                  -1,
                  exit.group(3) != null));
        } else {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            PROPERTY
                + ": \""
                + item
                + "\" is not a fault (allowed: chain:CELL/REPLICATE@GENERATION[:always] or"
                + " executor-exit:CELL/REPLICATE[:always], separated by ';')");
      }
    }
    return new FaultInjection(faults);
  }

  /** The faults set on this JVM by {@value #PROPERTY}. */
  public static FaultInjection fromSystemProperty() {
    return parse(System.getProperty(PROPERTY));
  }

  /** The first fault that names no chain of a sweep, described; null when every fault names one. */
  public String problemWith(int cells, int replicates, int generations) {
    for (Fault f : faults) {
      if (f.cell >= cells || f.replicate >= replicates || f.generation > generations) {
        return PROPERTY
            + ": a fault names cell "
            + f.cell
            + ", replicate "
            + f.replicate
            + (f.exit ? "" : ", generation " + f.generation)
            + " (allowed: cells 0.."
            + (cells - 1)
            + ", replicates 0.."
            + (replicates - 1)
            + ", generations 0.."
            + generations
            + ")";
      }
    }
    return null;
  }

  /**
   * True when a fault halts the JVM that runs a chain (an executor lost): only the Spark engine
   * survives that, on a cluster or {@code local-cluster}.
   */
  public boolean haltsAnExecutor() {
    return faults.stream().anyMatch(Fault::exit);
  }

  /** True when there is no fault. */
  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * Halts this JVM if an executor-exit fault names the chain.
   *
   * @param taskAttempt Spark's attempt number of the task (0 for the first)
   */
  void beforeChain(int cell, int replicate, int taskAttempt) {
    for (Fault f : faults) {
      if (f.exit && f.cell == cell && f.replicate == replicate && (f.always || taskAttempt == 0)) {
        System.err.println(
            "collapse: injected executor exit before chain (cell "
                + cell
                + ", replicate "
                + replicate
                + ")");
        Runtime.getRuntime().halt(EXIT_STATUS);
      }
    }
  }

  /**
   * Wraps a chain's row consumer so that it throws at the generation a chain fault names.
   *
   * @param sweepAttempt the sweep attempt ({@link ChainBatch#attempt()}: 1 for the first run)
   */
  Consumer<GenerationRecord> rows(
      int cell, int replicate, int sweepAttempt, Consumer<GenerationRecord> rows) {
    for (Fault f : faults) {
      if (!f.exit
          && f.cell == cell
          && f.replicate == replicate
          && (f.always || sweepAttempt == 1)) {
        int generation = f.generation;
        return r -> {
          if (r.generation() >= generation) {
            throw new IllegalStateException(
                "injected fault (" + PROPERTY + ") at generation " + generation);
          }
          rows.accept(r);
        };
      }
    }
    return Objects.requireNonNull(rows);
  }
}
