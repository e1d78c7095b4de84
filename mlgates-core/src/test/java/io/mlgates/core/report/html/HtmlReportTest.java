package io.mlgates.core.report.html;

import static io.mlgates.core.report.GateResultFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSource;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.report.GateResultFixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    /** What a reader sees of {@link GateResultFixtures#HOSTILE} once escaped: the markup as text, intact. */
    private static final String VISIBLE = "<script>alert('x')</script> & \"q\"";
    private static final String RTL = "\u202Eevil";
    private static final String LONG = "x".repeat(5000) + "-end";
    private static final Limit AT_LEAST_04 = new Limit(Limit.Comparison.AT_LEAST, 0.4, Limit.Judged.ESTIMATE);

    private final HtmlReport html = new HtmlReport();

    private static CheckResult slice(String column, String group, Status status, OptionalDouble observed,
                                     Optional<Interval> ci, String message) {
        return new CheckResult("slice:" + column + "=" + group + ":recall", status, Optional.of("recall"), observed,
                ci, status == Status.SKIPPED ? Optional.empty() : Optional.of(AT_LEAST_04), OptionalDouble.empty(),
                Optional.of(column + "=" + group), message);
    }

    /** A result with a hostile string in every field that can come from a user's files. */
    static GateResult hostile(Instant when, double accuracy) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", MetricValue.of("accuracy", accuracy, new Interval(0.6, 0.8, 0.95, "wilson")));
        metrics.put("recall", MetricValue.undefined("recall", "no positive labels: recall is 0/0"));
        metrics.put("roc_auc", MetricValue.of("roc_auc", 0.81));
        String reported = "reported." + HOSTILE;
        metrics.put(reported, MetricValue.reported(reported, 0.5));
        List<CheckResult> checks = List.of(
                CheckResult.ofInput("data:rows", Status.PASS, 300, "300 rows read from " + HOSTILE),
                new CheckResult("limit:accuracy:min", Status.FAIL, Optional.of("accuracy"), OptionalDouble.of(accuracy),
                        Optional.of(new Interval(0.6, 0.8, 0.95, "wilson")),
                        Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.9, Limit.Judged.LOWER_BOUND)),
                        OptionalDouble.empty(), Optional.empty(), "accuracy breaks the limit"),
                new CheckResult("limit:recall:min", Status.ERROR, Optional.of("recall"), OptionalDouble.empty(),
                        Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                        "recall is undefined: no positive labels"),
                new CheckResult("limit:" + reported + ":min", Status.WARN, Optional.of(reported), OptionalDouble.of(0.5),
                        Optional.empty(), Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.6, Limit.Judged.ESTIMATE)),
                        OptionalDouble.empty(), Optional.empty(), HOSTILE + " under its limit"),
                slice(HOSTILE, HOSTILE, Status.PASS, OptionalDouble.of(0.62),
                        Optional.of(new Interval(0.45, 0.77, 0.95, "wilson")), "ok " + HOSTILE),
                slice(HOSTILE, LONG, Status.FAIL, OptionalDouble.of(0.3),
                        Optional.of(new Interval(0.2, 0.41, 0.95, "wilson")), "below " + LONG),
                slice(HOSTILE, "\u05E9\u05DC\u05D5\u05DD " + RTL, Status.SKIPPED, OptionalDouble.empty(),
                        Optional.empty(), "slice has 14 rows, fewer than minSize 30: too few to judge"));
        return new GateResult("validate", Status.worstOf(checks.stream().map(CheckResult::status).toList()), HOSTILE,
                new Candidate("sha256:" + "ab".repeat(32), HOSTILE, 2, 1234), "sha256:" + "cd".repeat(32),
                Optional.of(HOSTILE + "/mlgates.yaml"), Optional.empty(),
                new DataSummary("eval/" + HOSTILE + ".csv", TaskType.BINARY, List.of(HOSTILE, "0"), 300, 1,
                        List.of("eval/p.csv:3: " + HOSTILE), 0, List.of(), 9999),
                metrics, checks, Optional.of(GateResultFixtures.curves()), when, "0.1.0" + HOSTILE,
                Optional.empty(),
                        new Evidence(List.of(), SeenChainHead.none(".mlgates/registry.db", "not read"), Map.of()));
    }

    private static void hostileShownIntact(Document doc) {
        assertThat(doc.text()).contains(VISIBLE).contains(RTL);
        HtmlChecks.isolated(doc, RTL);
    }

    @Nested
    class HostileStrings {
        private final GateResult result = hostile(Instant.parse("2026-11-26T12:00:00Z"), 0.7);

        @Test
        @DisplayName("the gate page escapes markup, quotes, control characters and right-to-left text everywhere")
        void gatePage() throws Exception {
            String fragment = html.gate(result);
            assertThat(fragment).doesNotContain("<script>").doesNotContain("\u0007").doesNotContain("\u001b");
            Document doc = HtmlChecks.valid(HtmlChecks.page(fragment));
            hostileShownIntact(doc);
            assertThat(doc.select("svg.chart")).hasSizeGreaterThanOrEqualTo(4); // ROC, PR, calibration, groups
        }

        @Test
        @DisplayName("a result judged from statistics files names them, escaped, where a prediction file is named")
        void statisticsFilesAreNamedEscaped() throws Exception {
            DataSummary d = result.data();
            GateResult fromStatistics = new GateResult(result.gate(), result.status(), result.modelName(),
                    result.candidate(), result.policyDigest(), result.policyFile(), result.organisationPolicy(),
                    new DataSummary("stats/" + HOSTILE + ".json, stats/b.json", d.task(), d.classes(), d.rows(),
                            d.droppedRows(), List.of(), d.failedPredictions(), List.of(), d.bytes(), d.binary(),
                            DataSource.STATISTICS),
                    result.metrics(), result.checks(), result.curves(), result.evaluatedAt(),
                    result.engineVersion(), result.fairness(), result.evidence());
            String fragment = html.gate(fromStatistics);
            assertThat(fragment).doesNotContain("<script>").doesNotContain("\u0007").doesNotContain("\u001b");
            Document doc = HtmlChecks.valid(HtmlChecks.page(fragment));
            hostileShownIntact(doc);
            assertThat(doc.text()).contains("statistics stats/").contains(", stats/b.json");
        }

        @Test
        @DisplayName("the summary and the trend escape them too")
        void summaryAndTrend() throws Exception {
            hostileShownIntact(HtmlChecks.valid(HtmlChecks.page(html.summary(result, "validate.html"))));
            GateResult later = hostile(Instant.parse("2026-11-27T12:00:00Z"), 0.75);
            hostileShownIntact(HtmlChecks.valid(HtmlChecks.page(html.trend(List.of(result, later)))));
        }

        @Test
        @DisplayName("the ethics page escapes hostile attribute names, group values and waivers in the fairness"
                + " tables, the charts and the waivers")
        void ethicsPage() throws Exception {
            String fragment = html.gate(GateResultFixtures.ethics(HOSTILE));
            assertThat(fragment).doesNotContain("<script>").doesNotContain("\u0007").doesNotContain("\u001b");
            Document doc = HtmlChecks.valid(HtmlChecks.page(fragment));
            hostileShownIntact(doc);
            assertThat(doc.select("section.fairness h4 bdi").eachText()).anyMatch(t -> t.startsWith("sex" + VISIBLE));
            assertThat(doc.select("table.fairness-groups td bdi").eachText()).anyMatch(t -> t.startsWith("f" + VISIBLE));
            assertThat(doc.select("section.waivers td bdi").eachText()).anyMatch(t -> t.startsWith("Jane " + VISIBLE))
                    .anyMatch(t -> t.startsWith("accepted " + VISIBLE));
            for (String svg : HtmlChecks.svgs(fragment)) {
                HtmlChecks.xml(svg);
            }
        }

        @Test
        @DisplayName("a very long group name is shortened on the chart, whole in its tooltip and in the table")
        void longNames() throws Exception {
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(result)));
            Element label = doc.select("svg.chart text.group").stream()
                    .filter(t -> t.text().startsWith("xxxx")).findFirst().orElseThrow();
            assertThat(label.ownText()).hasSize(Charts.LABEL_CHARS).endsWith("\u2026");
            assertThat(label.selectFirst("title").text()).isEqualTo(LONG);
            assertThat(doc.select("section.groups td bdi").eachText()).contains(LONG);
        }

        @Test
        @DisplayName("a quote cannot leave an attribute: the link and every chart attribute stay whole")
        void quotesStayInAttributes() throws Exception {
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.summary(result, "a\" onclick=\"x")));
            Element link = doc.selectFirst("a");
            assertThat(link.attr("href")).isEqualTo("a\" onclick=\"x");
            assertThat(link.attributes().size()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("an undefined value reads 'undefined' with its reason, never 0; a defined one carries its interval")
    void undefinedIsShownWithItsReason() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.full("m"))));
        Element recall = doc.select("section.metrics tr").stream().filter(tr -> tr.text().startsWith("recall"))
                .findFirst().orElseThrow();
        assertThat(recall.select("td").get(1).text()).isEqualTo("undefined: no positive labels: recall is 0/0");
        Element check = doc.select("section.all-checks tr").stream()
                .filter(tr -> tr.text().contains("limit:recall:min")).findFirst().orElseThrow();
        assertThat(check.select("td").get(2).text()).isEqualTo("undefined");
        assertThat(check.text()).contains("recall is undefined: no positive labels");
        Element accuracy = doc.select("section.metrics tr").stream().filter(tr -> tr.text().startsWith("accuracy"))
                .findFirst().orElseThrow();
        assertThat(accuracy.text()).contains("0.75").contains("[0.409, 0.929] 95% wilson");
        assertThat(doc.select("section.curves details tr").eachText()).contains(
                "[0.5, 1) 0 undefined: no rows in this bin undefined: no rows in this bin");
    }

    @Test
    @DisplayName("the gate page shows the candidate and policy digests, the data, and every check with its limit")
    void gatePageHoldsTheEvidence() throws Exception {
        GateResult r = GateResultFixtures.full("credit-risk");
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(r)));
        assertThat(doc.select("section.evidence").text()).contains(r.candidate().digest()).contains(r.policyDigest())
                .contains("mlgates.yaml").contains("eval/p.csv").contains("eval/p.csv:3: bad");
        assertThat(doc.select("section.all-checks tbody tr")).hasSize(r.checks().size());
        assertThat(doc.select("section.all-checks tbody").text()).contains(">= 0.7 (lower bound)")
                .contains("<= 0.2").contains("0.8");
    }

    @Test
    @DisplayName("every status shows its word and its own shape, not only a colour")
    void statusReadsWithoutColour() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.full("m"))));
        for (Element badge : doc.select("span.status")) {
            assertThat(badge.text()).isIn("PASS", "WARN", "FAIL", "ERROR", "SKIPPED", "WAIVED");
            assertThat(badge.select("svg.icon path").attr("d")).isNotBlank();
        }
        List<String> shapes = java.util.Arrays.stream(Status.values())
                .filter(s -> s != Status.SKIPPED) // hollow disc: its outline differs by class, not path
                .map(s -> StatusLook.path(s, 7, 7, 5)).distinct().toList();
        assertThat(shapes).hasSize(Status.values().length - 1);
    }

    @Test
    @DisplayName("a summary lists the worst checks first and links to the full result")
    void summaryWorstFirst() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.summary(GateResultFixtures.full("m"), "validate.html")));
        assertThat(doc.select("table.checks tbody tr td:eq(0)").eachText()).containsExactly("ERROR", "FAIL", "WARN");
        assertThat(doc.select("ul.counts li").eachText()).containsExactly("PASS 1", "SKIPPED 1", "WARN 1", "FAIL 1",
                "ERROR 1");
        assertThat(doc.selectFirst("a").attr("href")).isEqualTo("validate.html");
        assertThat(html.summary(GateResultFixtures.full("m"))).doesNotContain("<a ");
    }

    @Test
    @DisplayName("a model without scores says why there is no chart instead of drawing an empty one")
    void noScoresNoCharts() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.withoutCurves("m"))));
        assertThat(doc.select("section.curves svg")).isEmpty();
        assertThat(doc.select("section.curves").text())
                .isEqualTo("Curves No ROC, precision-recall or calibration chart: no score column.");
    }

    @Test
    @DisplayName("a gate that read scores but draws no curves (the ethics gate) says nothing of curves")
    void scoresWithoutCurvesSayNothing() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.withoutCurves("m",
                MetricValue.of("log_loss", 0.49)))));
        assertThat(doc.select("section.curves")).isEmpty();
        assertThat(doc.text()).doesNotContain("score column");
    }

    @Test
    @DisplayName("curves undefined for a single class keep the calibration chart and state the reason")
    void undefinedCurves() throws Exception {
        GateResult r = GateResultFixtures.full("m");
        ScoreCurves single = new ScoreCurves(List.of(), Optional.of("no positive labels: the ROC and "
                + "precision-recall curves need both classes"), GateResultFixtures.curves().calibration());
        GateResult withSingle = new GateResult(r.gate(), r.status(), r.modelName(), r.candidate(), r.policyDigest(),
                r.policyFile(), r.organisationPolicy(), r.data(), r.metrics(), r.checks(), Optional.of(single),
                r.evaluatedAt(), r.engineVersion(), r.fairness(), r.evidence());
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(withSingle)));
        assertThat(doc.select("section.curves svg.chart")).hasSize(1);
        assertThat(doc.select("section.curves p.undefined").text()).contains("undefined: no positive labels");
    }

    @Test
    @DisplayName("the ethics gate's page: each group's count and rates with intervals, undefined ones with the reason;"
            + " disparities with value and interval; small groups with their size; the waivers; per-group bars")
    void fairnessSection() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.ethics(""))));
        Elements attributes = doc.select("section.fairness section.attribute");
        assertThat(attributes.eachAttr("class")).hasSize(3);
        Element sex = attributes.get(0);
        assertThat(sex.selectFirst("h4").text()).isEqualTo("sex (reference group m)");
        assertThat(sex.select("table.fairness-groups thead th").eachText()).containsExactly("Group", "Count",
                "selection_rate", "tpr", "fpr", "fnr", "ppv", "accuracy");
        Element female = sex.select("table.fairness-groups tbody tr").first();
        assertThat(female.child(0).text()).isEqualTo("f");
        assertThat(female.child(1).text()).isEqualTo("40");
        assertThat(female.child(2).text()).matches("[0-9.]+ \\[[0-9.]+, [0-9.]+\\].*");
        assertThat(sex.select("ul.skipped-groups li").eachText()).containsExactly(
                "x: 3 rows (3 rows, fewer than minGroupSize 30)");
        assertThat(sex.select("table.disparities td").eachText()).contains("demographic_parity_ratio");
        Element age = attributes.get(1);
        Element di = age.select("table.disparities tr").stream()
                .filter(tr -> tr.child(0).text().equals("disparate_impact")).findFirst().orElseThrow();
        assertThat(di.child(1).text()).isEqualTo("undefined: no reference group is declared for 'age'");
        assertThat(sex.select("section.groups svg.chart")).hasSize(1);
        assertThat(doc.select("section.waivers tbody tr td").eachText()).containsSubsequence(
                "fairness:sex:four_fifths:f", "FAIL", "fairness:*", "accepted", "Jane", "2027-01-31");
        // the four-fifths checks on each group are drawn with their limit among the per-group charts
        assertThat(doc.select("section.per-group h3").eachText()).anyMatch(t -> t.startsWith("disparate_impact by sex"));
    }

    @Test
    @DisplayName("each SVG chart parses as XML with a title and a description in words")
    void chartsAreXml() throws Exception {
        String fragment = html.gate(hostile(Instant.parse("2026-11-26T12:00:00Z"), 0.7));
        List<String> svgs = HtmlChecks.svgs(fragment);
        assertThat(svgs).hasSizeGreaterThan(5);
        for (String svg : svgs) {
            org.w3c.dom.Document d = HtmlChecks.xml(svg);
            if (d.getDocumentElement().getAttribute("class").equals("chart")) {
                assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
                assertThat(d.getElementsByTagName("desc").item(0).getTextContent()).isNotBlank();
            }
        }
    }

    @Nested
    class GroupBars {
        private final GroupBarChart chart = new GroupBarChart("sex&age_band", "selection_rate", List.of(
                new GroupBar("female&<25", MetricValue.of("selection_rate", 0.31,
                        new Interval(0.22, 0.41, 0.95, "wilson")), Status.PASS),
                new GroupBar("male&" + HOSTILE, MetricValue.of("selection_rate", 0.18,
                        new Interval(0.12, 0.26, 0.95, "wilson")), Status.FAIL),
                new GroupBar("female&60+", MetricValue.undefined("selection_rate",
                        "group has 4 rows, fewer than minGroupSize 30"), Status.SKIPPED)),
                Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.25, Limit.Judged.UPPER_BOUND)));

        @Test
        @DisplayName("per-group bars from constructed data: a bar and whiskers per defined group, the limit drawn")
        void barsWhiskersAndLimit() throws Exception {
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.groups(List.of(chart))));
            assertThat(doc.select("svg.chart rect.bar")).hasSize(2);
            assertThat(doc.select("svg.chart line.whisker")).hasSize(6);
            assertThat(doc.select("svg.chart line.limit")).hasSize(1);
            assertThat(doc.select("svg.chart text.limit-label").text()).isEqualTo("limit >= 0.25 (upper bound)");
            assertThat(doc.select("svg.chart rect.bar.status-fail")).hasSize(1);
            assertThat(doc.select("svg.chart text.value").stream().map(Element::ownText)).containsExactly(
                    "0.31 PASS", "0.18 FAIL", "SKIPPED, undefined: group has 4 rows, fewer than minGroupSize 30");
        }

        @Test
        @DisplayName("the table beside the chart gives each group's value, interval and status in words")
        void tableBesideTheChart() throws Exception {
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.groups(List.of(chart))));
            assertThat(doc.select("section.groups tbody tr").eachText()).containsExactly(
                    "female&<25 0.31 [0.22, 0.41] 95% wilson PASS",
                    "male&" + doc.select("section.groups tbody tr").get(1).child(0).text().substring(5)
                            + " 0.18 [0.12, 0.26] 95% wilson FAIL",
                    "female&60+ undefined: group has 4 rows, fewer than minGroupSize 30 SKIPPED");
            assertThat(doc.select("section.groups tbody tr").get(1).text()).contains(VISIBLE);
        }

        @Test
        @DisplayName("values outside [0, 1] widen the scale instead of leaving the chart")
        void scaleFollowsTheData() throws Exception {
            GroupBarChart wide = new GroupBarChart("region", "reported.margin", List.of(
                    new GroupBar("north", MetricValue.of("reported.margin", -2.5), Status.FAIL),
                    new GroupBar("south", MetricValue.of("reported.margin", 3.0), Status.PASS)), Optional.empty());
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.groups(List.of(wide))));
            for (Element rect : doc.select("svg.chart rect.bar")) {
                double x = Double.parseDouble(rect.attr("x"));
                assertThat(x).isBetween(160.0, 460.0);
                assertThat(x + Double.parseDouble(rect.attr("width"))).isBetween(160.0, 460.1);
            }
        }
    }

    @Nested
    class Trend {
        @Test
        @DisplayName("a trend orders results by time, charts each metric, draws the limit and marks undefined values")
        void trendAcrossBuilds() throws Exception {
            GateResult first = hostile(Instant.parse("2026-11-20T08:00:00Z"), 0.70);
            GateResult second = hostile(Instant.parse("2026-11-22T08:00:00Z"), 0.72);
            GateResult third = hostile(Instant.parse("2026-11-24T08:00:00Z"), 0.78);
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.trend(List.of(third, first, second))));
            assertThat(doc.select("section.trend tbody tr td:eq(0)").eachText()).containsExactly("#1", "#2", "#3");
            assertThat(doc.select("section.trend tbody tr td:eq(1)").eachText()).containsExactly(
                    "2026-11-20 08:00:00 UTC", "2026-11-22 08:00:00 UTC", "2026-11-24 08:00:00 UTC");
            // accuracy, roc_auc and the reported metric are defined somewhere; recall never is, so it has no chart
            assertThat(doc.select("section.trend figure")).hasSize(3);
            Element accuracy = doc.select("section.trend svg.chart").first();
            assertThat(accuracy.selectFirst("title").text()).isEqualTo("accuracy across builds");
            assertThat(accuracy.select("line.limit")).hasSize(1);
            assertThat(accuracy.select("path.mark")).hasSize(3);
            assertThat(accuracy.select("polyline.curve")).hasSize(1);
            // each point is labelled by its run, as the table's first column names it
            assertThat(accuracy.select("text.tick").eachText()).contains("#1", "#2", "#3");
            assertThat(accuracy.select("path.mark title").first().text()).startsWith("#1 (11-20 08:00): 0.7");
        }

        @Test
        @DisplayName("a metric undefined in one build leaves a gap and a hollow mark that says why")
        void gapForUndefined() throws Exception {
            GateResult defined = GateResultFixtures.full("m");
            Map<String, MetricValue> metrics = new LinkedHashMap<>(defined.metrics());
            metrics.put("accuracy", MetricValue.undefined("accuracy", "no rows"));
            GateResult undefined = new GateResult(defined.gate(), defined.status(), defined.modelName(),
                    defined.candidate(), defined.policyDigest(), defined.policyFile(), defined.organisationPolicy(),
                    defined.data(), metrics, defined.checks(), defined.curves(), defined.evaluatedAt().plusSeconds(3600),
                    defined.engineVersion(), defined.fairness(), defined.evidence());
            Document doc = HtmlChecks.valid(HtmlChecks.page(html.trend(List.of(defined, undefined))));
            Element accuracy = doc.select("section.trend svg.chart").first();
            assertThat(accuracy.select("path.mark.undefined title").text()).endsWith("undefined: no rows");
            assertThat(accuracy.select("polyline.curve")).isEmpty();
        }

        @Test
        @DisplayName("a trend is of one gate on one model")
        void oneGateOneModel() {
            assertThatThrownBy(() -> html.trend(List.of(GateResultFixtures.full("a"), GateResultFixtures.full("b"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> html.trend(List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("the stylesheet loads nothing from anywhere: no url(), no @import")
    void stylesheetIsSelfContained() {
        assertThat(HtmlReport.stylesheet()).doesNotContain("url(").doesNotContain("@import").contains(".status-fail");
    }
}
