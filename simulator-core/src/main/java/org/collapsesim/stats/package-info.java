/**
 * Deterministic replicate statistics for the summary and cells tables (SPEC §9): mean, sd, se,
 * type-7 quantiles, Student t intervals and the Kaplan-Meier estimate of collapse time.
 */
package org.collapsesim.stats;
