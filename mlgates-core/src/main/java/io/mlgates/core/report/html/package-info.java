/**
 * Gate results as HTML: {@link io.mlgates.core.report.html.HtmlReport} renders the fragments every surface embeds
 * (build page summary, gate page, per-group charts, trend) and {@link io.mlgates.core.report.html.StaticReport}
 * assembles them into a folder that opens from the file system. Templates live in {@code src/main/jte} and compile
 * to classes of this package at build time; geometry of the charts is computed in {@code Charts}.
 *
 * <p>Where the ethics gate's sections slot in: per-group fairness rates become
 * {@link io.mlgates.core.report.html.GroupBarChart}s, added to the gate page beside those that
 * {@code GroupCharts.fromSlices} builds (each renders as a bar chart and a table); a {@code WAIVED} check already
 * shows with its word and shape, and a waiver's reason, approver and expiry join the gate view as one more section
 * once results carry them.
 */
package io.mlgates.core.report.html;
