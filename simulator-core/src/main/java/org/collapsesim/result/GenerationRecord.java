package org.collapsesim.result;

/**
 * One recorded generation of one chain: a row of the generations dataset.
 *
 * @param replicate the replicate index
 * @param seed the chain's derived seed
 * @param generation t
 * @param alphaT the exogenous fraction of generation t
 * @param nTrain the training size of th_t
 * @param metrics the family's metrics, in its metric order, then the mechanisms' diagnostics (NaN
 *     where null)
 */
public record GenerationRecord(
    int replicate, long seed, int generation, double alphaT, long nTrain, double[] metrics) {}
