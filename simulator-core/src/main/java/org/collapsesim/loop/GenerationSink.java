package org.collapsesim.loop;

/** Receives the recorded generations of one chain, in order. */
@FunctionalInterface
public interface GenerationSink {

  /**
   * One recorded generation. {@code metrics} is reused by the loop: copy what you keep.
   *
   * @param generation t, 0..G
   * @param alphaT the exogenous fraction of this generation (1 at t = 0)
   * @param nTrain the training size of th_t
   * @param metrics the family's metrics of th_t, in {@link CellModel#metricNames()} order, then the
   *     diagnostics of the mechanisms ({@link ChainSettings#diagnostics()}; NaN for null)
   */
  void accept(int generation, double alphaT, long nTrain, double[] metrics);
}
