/**
 * Gate results as HTML: {@link io.mlgates.core.report.html.HtmlReport} renders the fragments every surface embeds
 * (build page summary, gate page, per-group charts, trend) and {@link io.mlgates.core.report.html.StaticReport}
 * assembles them into a folder that opens from the file system. Templates live in {@code src/main/jte} and compile
 * to classes of this package at build time; geometry of the charts is computed in {@code Charts}.
 *
 * <p>The ethics gate's sections: a result's fairness figures become a table of each group's rates and one of the
 * disparities per attribute, with the selection rates as a {@link io.mlgates.core.report.html.GroupBarChart}
 * beside those that {@code GroupCharts.fromSlices} builds (the four-fifths checks, with their limit); every
 * {@code WAIVED} check shows with its word and shape, and its waiver's reason, approver and expiry in a section of
 * their own.
 *
 * <p>Every page states its conclusion first: {@code Verdicts} builds the verdict box (status, a line per check that
 * did not pass, the waivers, the {@link io.mlgates.core.report.html.PromotionNote} when the caller knows one, the
 * next step) for a gate's page and for the static report's index.
 */
package io.mlgates.core.report.html;
