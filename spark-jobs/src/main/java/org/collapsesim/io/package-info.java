/**
 * Output writers of a sweep (README, Output): a small column-oriented table model independent of
 * Spark ({@link org.collapsesim.io.TableSchema}, {@link org.collapsesim.io.TableData}), the Arrow
 * IPC file writer ({@link org.collapsesim.io.ArrowIpcWriter}), the CSV writer ({@link
 * org.collapsesim.io.CsvWriter}), the manifest's JSON ({@link org.collapsesim.io.ManifestJson}) and
 * the rules that keep half-written files invisible ({@link org.collapsesim.io.AtomicOutput}, {@link
 * org.collapsesim.io.OutputDirectory}).
 *
 * <p>Values follow one convention everywhere (README, Output): a double may be infinite but never
 * NaN, and null means "not applicable".
 */
package org.collapsesim.io;
