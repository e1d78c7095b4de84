package io.mlgates.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultFixtures;
import io.mlgates.core.workspace.Workspace;
import io.mlgates.core.testing.FixedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticReportTest {
    @TempDir
    Path out;

    private static Document page(Path file) throws Exception {
        return HtmlChecks.valid(Files.readString(file));
    }

    @Test
    @DisplayName("the credit-risk report: index, gate page and stylesheet, valid, linked, under a strict CSP")
    void creditRisk() throws Exception {
        Workspace ws = Workspace.at(Path.of("..", "examples", "credit-risk"));
        GateResult result = new ValidationGate().evaluate(
                ValidationRequest.of(ws, new PolicyLoader().loadFromRepository(ws.root()), FixedClock.CLOCK));
        Path index = StaticReport.write(List.of(result), out);

        assertThat(index).isEqualTo(out.resolve("index.html"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("index.html", "validate.html", "mlgates.css");
        }
        for (String name : List.of("index.html", "validate.html")) {
            Document doc = page(out.resolve(name));
            assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                    .isEqualTo(StaticReport.CONTENT_SECURITY_POLICY);
            assertThat(doc.select("link[rel=stylesheet]")).hasSize(1);
            for (Element link : doc.select("a[href], link[href]")) {
                String href = link.attr("href");
                assertThat(href).as("relative link").doesNotContain(":").doesNotStartWith("/");
                assertThat(out.resolve(href)).as("link target").exists();
            }
            assertThat(doc.select("img, [src]")).isEmpty();
        }
        Document gate = page(out.resolve("validate.html"));
        assertThat(gate.title()).isEqualTo("validate gate: credit-risk");
        assertThat(gate.select("section.curves svg.chart")).hasSize(3);
        assertThat(gate.select("section.groups")).hasSize(2); // age_band and sex slices, recall >= 0.4
        assertThat(gate.select("section.groups").first().text()).contains("60+").contains("SKIPPED")
                .contains("undefined: slice age_band=60+ has 14 rows");
        assertThat(Files.readString(out.resolve("mlgates.css"))).isEqualTo(HtmlReport.stylesheet());
    }

    @Test
    @DisplayName("several results of one gate make a trend on the index and on the gate's page, the latest in full")
    void trendOfSeveralResults() throws Exception {
        GateResult older = HtmlReportTest.hostile(Instant.parse("2026-11-20T08:00:00Z"), 0.70);
        GateResult newer = HtmlReportTest.hostile(Instant.parse("2026-11-21T08:00:00Z"), 0.74);
        StaticReport.write(List.of(newer, older), out);
        Document index = page(out.resolve("index.html"));
        assertThat(index.select("section.summary")).hasSize(1);
        assertThat(index.select("section.trend tbody tr")).hasSize(2);
        Document gate = page(out.resolve("validate.html"));
        assertThat(gate.select("section.all-checks").text()).contains("0.74").doesNotContain("0.7 ");
    }

    @Test
    @DisplayName("two models get a page each, named from their names with only safe characters")
    void pagesPerGateAndModel() throws Exception {
        StaticReport.write(List.of(GateResultFixtures.full("credit-risk"),
                GateResultFixtures.full("../../etc/passwd <b>")), out);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html",
                    "mlgates.css", "validate-credit-risk.html", "validate-etc-passwd-b.html");
        }
        assertThat(page(out.resolve("index.html")).select("section.summary")).hasSize(2);
    }

    @Test
    @DisplayName("a report needs at least one result")
    void empty() {
        assertThatThrownBy(() -> StaticReport.write(List.of(), out)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the page checks are not a rubber stamp: a parse error, a style attribute or a script fail them")
    void checksBite() {
        assertThatThrownBy(() -> HtmlChecks.valid(HtmlChecks.page("<table><tr><td>x</b></td></tr></table></i>")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("parse errors");
        assertThatThrownBy(() -> HtmlChecks.valid(HtmlChecks.page("<p style=\"color:red\">x</p>")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("inline style");
        assertThatThrownBy(() -> HtmlChecks.valid(HtmlChecks.page("<script>x()</script>")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> HtmlChecks.valid(HtmlChecks.page("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<text>a &nbsp; b</text></svg>"))).isInstanceOf(Exception.class);
    }
}
