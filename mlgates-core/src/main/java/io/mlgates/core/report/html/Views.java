package io.mlgates.core.report.html;

import gg.jte.Content;
import java.util.List;
import java.util.Optional;

/**
 * What the templates show, already worded and formatted: the templates hold structure only. Strings here may come
 * from users' files; the templates escape them and {@link SafeHtmlOutput} cleans them.
 */
final class Views {
    private Views() {
    }

    record Count(StatusLook look, long n) {
    }

    record CheckRow(StatusLook look, String id, String metric, String observed, String interval, String limit,
                    String baseline, String message) {
    }

    record MetricRow(String name, String value, String reason, String interval, String source) {
    }

    /** A gate's summary; {@code listChecks} false where the page's verdict box already lists them (the index). */
    record Summary(String gate, StatusLook status, String model, String evaluatedAt, String candidate,
                   List<Count> counts, List<CheckRow> worst, long more, Optional<String> href, boolean listChecks) {
    }

    record Figure(Svg svg, String caption) {
    }

    record BinRow(String range, long rows, String meanScore, String positiveRate) {
    }

    /** A group's bar in words; {@code look} is empty when no check judged the group. */
    record GroupRow(String group, String value, String interval, Optional<StatusLook> look) {
    }

    /** A chart and its table; {@code judged} when any of its groups carries a check's status. */
    record GroupSection(String title, Svg chart, List<GroupRow> rows, boolean judged) {
    }

    /** One check that failed, erred or warned, and why, in the verdict box; {@code gate} is empty on a gate's page. */
    record VerdictLine(StatusLook look, String gate, String check, String why) {
    }

    /**
     * The box on top of a page: the status, a tally, a line per check that did not pass ({@code more} left out),
     * the waivers in one sentence (empty for none), what became of the candidate (empty where the page does not
     * tell, as on the build page), and the next step.
     */
    record Verdict(StatusLook status, String headline, List<VerdictLine> lines, long more, String waivers,
                   Optional<String> promotion, String next) {
    }

    /** How a binary model's rows became decisions: the positive class, the decision rule, the favourable outcome. */
    record Reading(String positive, String decisions, String favourable) {
    }

    /**
     * A gate's page. Checks come in three lists: those to look at ({@code attention}: failed, erred, warned, waived,
     * worst first), and the passed and skipped ones, which the page folds away.
     */
    record Gate(String gate, StatusLook status, String model, Verdict verdict, List<Count> counts, String candidate,
                String artifacts, String candidateFiles, String policyDigest, String policyFile, String predictions,
                String dataLine, Optional<Reading> reading, List<String> dropReasons, String evaluatedAt,
                String engineVersion, List<CheckRow> attention, List<CheckRow> passed, List<CheckRow> skipped,
                List<Figure> curveFigures, List<BinRow> bins, Optional<String> curvesNote,
                List<GroupSection> groups, Optional<Fairness> fairness, List<WaiverRow> waivers,
                List<MetricRow> metrics, Optional<Data> data) {
    }

    /** One finding of the input schema checks: the column (empty for the whole schema), the rule, what was found. */
    record SchemaRow(StatusLook look, String column, String rule, String finding) {
    }

    /**
     * One judged column's drift: the status of its check (empty without one), the method, the statistic, the
     * p-value (empty for a distance), the threshold, the verdict, the reference and current rows, and the chart of both
     * sides' distributions when the result carries them.
     */
    record DriftRow(Optional<StatusLook> look, String column, String method, String statistic, String pValue,
                    String threshold, String verdict, String rows, Optional<Svg> chart) {
    }

    /** The validation page's data section; {@code dataset} is empty without drift. */
    record Data(List<SchemaRow> schema, List<DriftRow> drift, String dataset) {
    }

    /** A figure with its interval, or undefined with the reason (then {@code value} is empty). */
    record Cell(String value, String interval, String reason) {
    }

    /** One included group of an attribute: its size and each rate of {@link #RATES}. */
    record FairnessGroupRow(String group, long count, List<Cell> rates) {
    }

    /** A group not judged: too few rows. */
    record SkippedGroup(String group, long count, String reason) {
    }

    /** A disparity over every group present, and over the judged groups with its simultaneous interval. */
    record DisparityRow(String name, Cell all, Cell judged) {
    }

    /** The ethics gate's figures for one attribute (or intersection). */
    record FairnessAttribute(String name, String reference, List<FairnessGroupRow> groups, List<SkippedGroup> skipped,
                             List<DisparityRow> disparities, List<GroupSection> charts, int judgedGroups) {
    }

    record Fairness(List<String> rates, List<FairnessAttribute> attributes) {
    }

    /** A WAIVED check and the waiver that excused it. */
    record WaiverRow(String check, String was, String pattern, String reason, String approver, String expires) {
    }

    record BuildRow(String run, String when, StatusLook look, String candidate, String counts) {
    }

    record Trend(String gate, String model, List<BuildRow> builds, List<Figure> charts, long omitted) {
    }

    record Link(String href, String text) {
    }

    /** A whole page of the static report: the fragments in {@code body}, the stylesheet linked, no script. */
    record Page(String title, String csp, String stylesheet, List<Link> nav, Content body) {
    }
}
