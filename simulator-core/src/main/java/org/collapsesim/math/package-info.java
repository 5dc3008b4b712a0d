/**
 * Bit-deterministic elementary and special functions (README, Random streams and determinism):
 * fdlibm ports of log and exp, the AS241 normal quantile, ln Gamma and digamma, written so vector
 * twins can match them lane by lane.
 */
package org.collapsesim.math;
