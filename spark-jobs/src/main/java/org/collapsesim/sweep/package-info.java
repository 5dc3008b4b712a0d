/**
 * The Spark sweep: planning a config's chains into tasks ({@link org.collapsesim.sweep.SweepPlan}),
 * running them on executors into committed work parts ({@link
 * org.collapsesim.sweep.ChainBatchRunner}, {@link org.collapsesim.sweep.WorkParts}), resuming,
 * assembling the output tables with Spark ({@link org.collapsesim.sweep.SweepAssembly}) and
 * reporting progress.
 */
package org.collapsesim.sweep;
