package org.collapsesim.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs the independent blocks of one large generation (README, Random streams and determinism:
 * blocks of a fixed size, each with its own substream {@link
 * org.collapsesim.random.StreamKeys#block}), either one after the other or as fork/join tasks on a
 * pool. Each block writes only its own part of the output and draws only from its own substream, so
 * the numbers are the same whichever runs them and in whatever order: the pool changes the speed of
 * a chain, never its result.
 *
 * <p>When the chains themselves run as tasks of the same pool (see {@link InProcessRunner}), work
 * stealing gives spare cores to the blocks of the chains in flight: with fewer chains than cores,
 * the blocks of a large generation spread over all of them.
 */
public final class BlockRunner {

  /** Runs blocks in order on the calling thread. */
  public static final BlockRunner SEQUENTIAL = new BlockRunner(null);

  private final ForkJoinPool pool;

  private BlockRunner(ForkJoinPool pool) {
    this.pool = pool;
  }

  /** Runs blocks as tasks of {@code pool}. */
  public static BlockRunner on(ForkJoinPool pool) {
    return new BlockRunner(pool);
  }

  /** Whether blocks may run side by side. */
  public boolean parallel() {
    return pool != null && pool.getParallelism() > 1;
  }

  /**
   * Calls {@code block.accept(b)} for b in [0, blocks) and returns when all are done. An exception
   * thrown by a block is rethrown here.
   */
  public void forEach(int blocks, IntConsumer block) {
    if (blocks < 2 || !parallel()) {
      for (int b = 0; b < blocks; b++) {
        block.accept(b);
      }
      return;
    }
    List<RecursiveAction> tasks = new ArrayList<>(blocks);
    for (int b = 0; b < blocks; b++) {
      int index = b;
      tasks.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              block.accept(index);
            }
          });
    }
    try {
      if (ForkJoinTask.getPool() == pool) {
        ForkJoinTask.invokeAll(tasks);
      } else {
        pool.invoke(
            new RecursiveAction() {
              @Override
              protected void compute() {
                ForkJoinTask.invokeAll(tasks);
              }
            });
      }
    } catch (RuntimeException e) {
      throw unwrapped(e);
    }
  }

  /**
   * The block's own exception: fork/join rethrows a copy of a stolen task's exception, of the same
   * class, with the original as its cause.
   */
  private static RuntimeException unwrapped(RuntimeException e) {
    RuntimeException current = e;
    while (current.getCause() instanceof RuntimeException cause
        && cause.getClass() == current.getClass()) {
      current = cause;
    }
    return current;
  }

  /** The number of blocks of {@code blockSize} that hold {@code n} items. */
  public static int count(long n, int blockSize) {
    return (int) ((n + blockSize - 1) / blockSize);
  }
}
