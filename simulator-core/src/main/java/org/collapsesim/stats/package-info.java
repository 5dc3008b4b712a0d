/**
 * Deterministic replicate statistics for the summary and cells tables (README, Output): mean, sd,
 * se, type-7 quantiles, Student t intervals and the Kaplan-Meier estimate of collapse time.
 */
package org.collapsesim.stats;
