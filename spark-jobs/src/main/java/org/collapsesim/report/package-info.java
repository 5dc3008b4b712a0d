/**
 * {@code collapse report DIR}: reads a sweep's output through the Arrow Java readers and writes a
 * self-contained {@code report.html} with its figures ({@code figures/*.svg}, {@code *.png} drawn
 * by JFreeChart, and a Vega-Lite specification with its data beside each, {@code *.vl.json}).
 *
 * <p>Data flows one way: {@link org.collapsesim.report.ReportData} (the files) to {@link
 * org.collapsesim.report.ReportFigures} (chart models, no drawing) to the three renderings of each
 * model ({@link org.collapsesim.report.ChartRenderer}, {@link org.collapsesim.report.VegaLite}) and
 * the page ({@link org.collapsesim.report.HtmlReport}).
 */
package org.collapsesim.report;
