package io.mlgates.core.report.html;

import static io.mlgates.core.report.GateResultFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.report.ConsoleTable;
import io.mlgates.core.report.GateResultFixtures;
import io.mlgates.core.report.GateResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report states its conclusion: the verdict box, the folded passes, the evidence's reading of the rows. */
class VerdictTest {
    private static final Limit AT_MOST_01 = new Limit(Limit.Comparison.AT_MOST, 0.1, Limit.Judged.INTERVAL);
    private final HtmlReport html = new HtmlReport();

    @TempDir
    Path out;

    private static CheckResult interval(Status status, double low, double high) {
        return new CheckResult("fairness:sex:demographic_parity_difference:max", status,
                Optional.of("demographic_parity_difference"), OptionalDouble.of((low + high) / 2),
                Optional.of(new Interval(low, high, 0.95, "newcombe-bonferroni")), Optional.of(AT_MOST_01),
                OptionalDouble.empty(), Optional.empty(), "a long message that spells out every judged group");
    }

    /** {@code r} with {@code extra} checks appended (the status follows). */
    private static GateResult with(GateResult r, CheckResult... extra) {
        List<CheckResult> checks = new ArrayList<>(r.checks());
        checks.addAll(List.of(extra));
        return new GateResult(r.gate(), Status.worstOf(checks.stream().map(CheckResult::status).toList()),
                r.modelName(), r.candidate(), r.policyDigest(), r.policyFile(), r.organisationPolicy(), r.data(),
                r.metrics(), checks, r.curves(), r.evaluatedAt(), r.engineVersion(), r.fairness(), r.evidence());
    }

    @Test
    @DisplayName("the gate page opens with the verdict: status, tally, a line per check that did not pass, the next"
            + " step; the build page's fragment says nothing of a promotion it cannot know")
    void verdictOnTop() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.full("m"))));
        Element box = doc.selectFirst("section.verdict");
        assertThat(box).isNotNull();
        assertThat(doc.body().child(0)).as("the first thing on the page").isEqualTo(box);
        assertThat(box.selectFirst("h2").text()).isEqualTo("Verdict ERROR 1 erred, 1 failed, 1 warned, 1 passed,"
                + " 1 skipped");
        // worst first; each line is the check's id and why, in one sentence
        assertThat(box.select("ul.verdict-lines li").eachText()).containsExactly(
                "ERROR limit:recall:min: recall is undefined: no positive labels",
                "FAIL limit:accuracy:min: lower bound of accuracy = 0.409 breaks >= 0.7",
                "WARN baseline:accuracy:max_drop: dropped");
        assertThat(box.select("p.verdict-promotion")).isEmpty();
        assertThat(box.selectFirst("p.verdict-next").text()).startsWith("Next: fix the input each ERROR names");
    }

    @Test
    @DisplayName("a limit judged on the whole interval says in one line whether the interval straddles, keeps or"
            + " breaks it; the long message stays in the checks table")
    void intervalInOneLine() {
        assertThat(Verdicts.why(interval(Status.WARN, 0, 0.1818)))
                .isEqualTo("0.0909, interval [0, 0.1818] straddles the limit <= 0.1: the data cannot tell");
        assertThat(Verdicts.why(interval(Status.FAIL, 0.12, 0.3))).isEqualTo("0.21, interval [0.12, 0.3] breaks the"
                + " limit <= 0.1");
        CheckResult other = GateResultFixtures.full("m").checks().get(1);
        assertThat(Verdicts.why(other)).isEqualTo(other.message());
    }

    @Test
    @DisplayName("passing and skipped checks fold under those to look at, without script; a waiver that waived"
            + " nothing in this gate is left out of the page and the console, and kept in the JSON")
    void passesFolded() throws Exception {
        CheckResult idle = new CheckResult("waiver:limit:other:*", Status.PASS, Optional.empty(), OptionalDouble.of(0),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                "waiver 1 (limit:other:*) approved by J, valid until 2027-01-31, waives 0 checks of this gate");
        CheckResult used = new CheckResult("waiver:limit:accuracy:*", Status.PASS, Optional.empty(),
                OptionalDouble.of(2), Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                "waiver 2 (limit:accuracy:*) approved by J, valid until 2027-01-31, waives 2 checks of this gate");
        GateResult r = with(GateResultFixtures.full("m"), idle, used);
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(r)));
        Element checks = doc.selectFirst("section.all-checks");
        assertThat(checks.select("> div > table.checks tbody tr td:eq(0)").eachText())
                .containsExactly("ERROR", "FAIL", "WARN");
        Element passed = checks.selectFirst("details.passed");
        assertThat(passed.hasAttr("open")).isFalse();
        assertThat(passed.selectFirst("summary").text()).isEqualTo("2 passed");
        assertThat(passed.select("td.id").eachText()).containsExactly("data:rows", "waiver:limit:accuracy:*");
        assertThat(checks.selectFirst("details.skipped summary").text()).isEqualTo("1 skipped");
        assertThat(doc.text()).doesNotContain("waives 0 checks");
        assertThat(new ConsoleTable().render(r)).doesNotContain("waives 0 checks").contains("waives 2 checks")
                .contains("verdict: ERROR (2 pass, 1 skipped, 1 warn, 1 fail, 1 error)");
        assertThat(new GateResultJson().toJson(r)).contains("waives 0 checks");
    }

    @Test
    @DisplayName("the evidence names the positive class, how the rows became decisions and the favourable outcome")
    void evidenceReading() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.full("m"))));
        assertThat(doc.select("section.evidence dt").eachText()).contains("Positive class", "Decisions",
                "Favourable outcome");
        assertThat(doc.select("section.evidence dd").eachText()).contains("1 (against 0)",
                "score >= 0.5 is predicted 1", "predicted 1 (positive)");
        Document ethics = Jsoup.parse(html.gate(GateResultFixtures.ethics("")));
        assertThat(ethics.select("section.evidence dd").eachText()).contains("the file's column 'pred' (the"
                + " threshold 0.3 is not applied)", "predicted not 1 (negative)");
    }

    @Test
    @DisplayName("a group's selection-rate bar carries no status, since no check judged it; a judged bar keeps its own")
    void barsWithoutStatus() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.ethics(""))));
        Element sex = doc.selectFirst("section.fairness section.attribute");
        Element chart = sex.selectFirst("section.groups");
        assertThat(chart.select("rect.bar")).isNotEmpty().allMatch(b -> b.hasClass("unjudged"));
        assertThat(chart.select("path.mark")).isEmpty();
        assertThat(chart.select("svg text.value").eachText()).noneMatch(t -> t.matches(".*(PASS|WARN|FAIL).*"));
        assertThat(chart.select("thead th").eachText()).containsExactly("Group", "Value", "Interval");
        // the four-fifths chart among the per-group charts: judged, each bar with its check's status
        Element judged = doc.selectFirst("section.per-group section.groups");
        assertThat(judged.select("path.mark")).isNotEmpty();
        assertThat(judged.select("thead th").eachText()).contains("Status");
    }

    @Test
    @DisplayName("AUC, average precision and ECE are printed on their charts")
    void statsOnCharts() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(html.gate(GateResultFixtures.full("m"))));
        assertThat(doc.select("section.curves svg text.stat").eachText()).hasSize(3)
                .anyMatch(t -> t.startsWith("AUC ")).anyMatch(t -> t.startsWith("AP "))
                .anyMatch(t -> t.startsWith("ECE "));
    }

    @Test
    @DisplayName("every page of the static report opens with the verdict; the promotion it was told is stated, and"
            + " when it was not told it says that it does not know")
    void everyPage() throws Exception {
        List<GateResult> results = List.of(GateResultFixtures.full("m"), GateResultFixtures.ethics(HOSTILE));
        StaticReport.write(results, out, Optional.of(PromotionNote.notPromoted("Not promoted: validate ERROR, "
                + HOSTILE)));
        try (var files = Files.list(out)) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(pages).hasSize(3);
            for (Path page : pages) {
                Document doc = HtmlChecks.valid(Files.readString(page));
                Element box = doc.selectFirst("main > section.verdict");
                assertThat(box).as(page.toString()).isNotNull();
                assertThat(doc.selectFirst("main > h1").nextElementSibling()).isEqualTo(box);
                assertThat(box.selectFirst("p.verdict-promotion").text())
                        .startsWith("Not promoted: validate ERROR, <script>alert('x')</script> & \"q\"");
            }
        }
        Document index = Jsoup.parse(out.resolve("index.html").toFile());
        // the index names each gate in its lines, and tallies each gate
        assertThat(index.selectFirst("section.verdict h2").text()).startsWith("Verdict ERROR ethics FAIL (");
        assertThat(index.select("section.verdict li span.gate").eachText()).contains("ethics", "validate");
        StaticReport.write(List.of(GateResultFixtures.full("m")), out.resolve("unknown"));
        for (String page : List.of("index.html", "validate.html")) {
            assertThat(Jsoup.parse(out.resolve("unknown").resolve(page).toFile())
                    .selectFirst("p.verdict-promotion").text()).isEqualTo(Verdicts.UNKNOWN_PROMOTION);
        }
    }
}
