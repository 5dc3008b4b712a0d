/**
 * Small dense linear algebra on row-major {@code double[]} matrices (Cholesky, Jacobi eigen) and
 * closed-form divergences between Gaussians; IEEE operations in a fixed order only (README, Random
 * streams and determinism).
 */
package org.collapsesim.linalg;
