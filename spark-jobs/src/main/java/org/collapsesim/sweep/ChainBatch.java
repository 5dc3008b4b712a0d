package org.collapsesim.sweep;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One Spark task's chains: some replicates of one cell. Which chains share a task never changes a
 * number: each chain's numbers depend only on the config, its cell and its replicate.
 *
 * @param attempt the sweep attempt (1 for the first run, +1 per {@code --resume})
 * @param task the task's index within the attempt
 * @param cellIndex the cell's index in the config
 * @param replicates the replicates to run, ascending
 */
public record ChainBatch(int attempt, int task, int cellIndex, int[] replicates)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ChainBatch {
    replicates = replicates.clone();
  }

  @Override
  public int[] replicates() {
    return replicates.clone();
  }

  /** The number of chains. */
  public int size() {
    return replicates.length;
  }

  /** The name of the part directory this batch commits: unique per attempt and task. */
  public String partName() {
    return String.format("part-a%04d-t%07d", attempt, task);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChainBatch b
        && attempt == b.attempt
        && task == b.task
        && cellIndex == b.cellIndex
        && Arrays.equals(replicates, b.replicates);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * attempt + task) + cellIndex) + Arrays.hashCode(replicates);
  }

  @Override
  public String toString() {
    return "ChainBatch["
        + partName()
        + " cell "
        + cellIndex
        + ", "
        + replicates.length
        + " replicates]";
  }
}
