package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlgates.core.testing.Chromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static report as a person sees it: opened from the file system in Debian's headless Chromium, under the
 * strict Content-Security-Policy its pages carry. Needs Chromium: CI installs it (.ci/run calls
 * .ci/install-chromium); elsewhere the test is skipped when Chromium is missing, but never on CI.
 */
class ReportInChromiumTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");
    /** Screenshots land here; tools/report-screenshot.sh copies them into docs/. */
    static final Path SCREENSHOTS = Path.of("target", "browser");
    private static Path chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        Optional<Path> found = Chromium.find();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("Chromium is missing on CI: .ci/run installs it through .ci/install-chromium");
        }
        chromium = found.orElse(null);
    }

    /** Per test, so that each shows as skipped, with the reason, where Chromium is missing. */
    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(chromium != null,
                "Chromium is not installed (bash .ci/install-chromium, or set CHROMIUM): browser test skipped");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains(".mlgates")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Path runAndReport(Path repo) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), "run",
                repo.toString());
        assertThat(code).as("mlgates run: %s", err).isLessThanOrEqualTo(1);
        Path report = repo.resolve(".mlgates/results/report");
        assertThat(report.resolve("index.html")).exists();
        return report;
    }

    private Chromium browser() throws Exception {
        return new Chromium(chromium, Files.createDirectories(tmp.resolve("profile")), tmp.resolve("chromium.log"));
    }

    /** The width the report is made for: a laptop's browser window. */
    static final int WIDTH = 1280;

    /**
     * What every page of the report must show at {@link #WIDTH}: nothing wider than the window (a wide table scrolls
     * inside its card, if anything), the verdict box right under the title, and the passing checks folded away.
     */
    private static void conclusionFirstAndFits(Chromium browser, String page, boolean gatePage) throws Exception {
        assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).as("%s: page width", page)
                .isLessThanOrEqualTo(WIDTH);
        assertThat(browser.evaluate("[...document.querySelectorAll('main *')]"
                + ".filter(e => e.getBoundingClientRect().right > " + WIDTH + ").length").asInt())
                .as("%s: elements past the right edge", page).isZero();
        assertThat(browser.evaluate("document.querySelector('main > h1').nextElementSibling"
                + ".matches('section.verdict')").asBoolean()).as("%s: verdict under the title", page).isTrue();
        assertThat(browser.evaluate("document.querySelector('section.verdict').getBoundingClientRect().top")
                .asDouble()).as("%s: verdict in the first screen", page).isLessThan(300);
        assertThat(browser.evaluate("document.querySelector('section.verdict .verdict-next').innerText").asText())
                .startsWith("Next: ");
        if (gatePage) {
            // the passed checks are folded: their summary shows, their table does not, until opened
            assertThat(browser.evaluate("document.querySelector('details.passed').open").asBoolean()).isFalse();
            assertThat(browser.evaluate("document.querySelector('details.passed > summary').innerText").asText())
                    .matches("\\d+ passed");
            // folded, the details take no more height than their summary line
            assertThat(browser.evaluate("document.querySelector('details.passed').getBoundingClientRect().height"
                    + " - document.querySelector('details.passed > summary').getBoundingClientRect().height")
                    .asDouble()).isLessThan(2);
            // every table fits its card at this width: none needs its scroll
            assertThat(browser.evaluate("[...document.querySelectorAll('.table-scroll')]"
                    + ".filter(d => d.getClientRects().length > 0 && d.scrollWidth > d.clientWidth)"
                    + ".map(d => d.querySelector('caption') ? d.querySelector('caption').innerText : '?')")
                    .size()).as("%s: tables wider than their card", page).isZero();
        }
    }

    @Test
    @DisplayName("the credit-risk report at 1280 px: its stylesheet and charts load with no console error and"
            + " nothing blocked; each page opens with the verdict, folds its passes and fits the window")
    void creditRiskReport() throws Exception {
        Path repo = tmp.resolve("credit-risk");
        copy(EXAMPLE, repo);
        Path report = runAndReport(repo);
        Files.createDirectories(SCREENSHOTS);
        try (Chromium browser = browser()) {
            browser.open(report.resolve("index.html").toUri().toString(), WIDTH, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.title").asText()).isEqualTo("ML Gates report: credit-risk");
            conclusionFirstAndFits(browser, "index", false);
            assertThat(browser.evaluate("document.querySelector('section.verdict .verdict-promotion').innerText")
                    .asText()).isEqualTo("Promoted to staging as version 1 in .mlgates/registry.db.");
            Files.write(SCREENSHOTS.resolve("credit-risk-index.png"), browser.screenshot(WIDTH, 1800));

            browser.open(report.resolve("validate.html").toUri().toString(), WIDTH, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"
                    + ".content").asText()).isEqualTo("default-src 'none'; style-src 'self'; img-src 'self' data:");
            // The stylesheet applied (background #f6f7f8), though the policy allows nothing but it.
            assertThat(browser.evaluate("getComputedStyle(document.body).backgroundColor").asText())
                    .isEqualTo("rgb(246, 247, 248)");
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('svg.chart .curve')).fill")
                    .asText()).isEqualTo("none");
            // Three curve charts, two per-group charts and one distribution chart per judged column (the 20 inputs),
            // each drawn with a size.
            assertThat(browser.evaluate("[...document.querySelectorAll('svg.chart')]"
                    + ".filter(s => s.getBoundingClientRect().width > 100).length").asInt()).isEqualTo(25);
            assertThat(browser.evaluate("document.querySelectorAll('section.data figure svg.chart').length").asInt())
                    .isEqualTo(20);
            conclusionFirstAndFits(browser, "validate", true);
            assertThat(browser.evaluate("[...document.querySelectorAll('section.verdict li')].map(l => l.innerText)"
                    + ".join('\\n')").asText()).isEqualTo("WARN limit:recall:min: recall = 0.5778 breaks the"
                    + " limit >= 0.6\nWARN drift:credit_history: drift in 'credit_history': chisquare p-value 0.0172"
                    + " < 0.05 (700 reference, 300 current values)");
            Files.write(SCREENSHOTS.resolve("credit-risk-validate.png"), browser.screenshot(WIDTH, 2000));
            assertThat(browser.problems()).isEmpty();

            browser.open(report.resolve("ethics.html").toUri().toString(), WIDTH, 900);
            assertThat(browser.problems()).isEmpty();
            conclusionFirstAndFits(browser, "ethics", true);
            // sex, age_band and their intersection, each with its group table and disparities; the waivers
            assertThat(browser.evaluate("document.querySelectorAll('section.fairness table.fairness-groups').length")
                    .asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.querySelectorAll('section.fairness table.disparities').length")
                    .asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.querySelectorAll('section.waivers tbody tr').length").asInt())
                    .isEqualTo(4);
            assertThat(browser.evaluate("[...document.querySelectorAll('section.fairness svg.chart')]"
                    + ".filter(s => s.getBoundingClientRect().width > 100).length").asInt()).isEqualTo(3);
            // the selection-rate bars carry no status: no check judged them
            assertThat(browser.evaluate("document.querySelector('section.fairness').innerText"
                    + ".match(/\\b(PASS|WARN|FAIL)\\b/g)").isNull()).isTrue();
            Files.write(SCREENSHOTS.resolve("credit-risk-ethics.png"), browser.screenshot(WIDTH, 3300));
            assertThat(browser.problems()).isEmpty();
        }
    }

    @Test
    @DisplayName("hostile names in the policy and the data show as text: no element, no script, no error")
    void hostileStrings() throws Exception {
        Path repo = tmp.resolve("hostile");
        Files.createDirectories(repo.resolve("model"));
        Files.write(repo.resolve("model/m.bin"), new byte[] {1});
        Files.createDirectories(repo.resolve("eval"));
        String group = "<img src=x onerror=alert(1)>\u202Eevil";
        StringBuilder csv = new StringBuilder("label,score,grp\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2).append(',').append(i % 2 == 0 ? "0.3" : "0.8").append(',')
                    .append(i < 20 ? "\"" + group + "\"" : "\"a\"\"b' " + "y".repeat(300) + "\"").append('\n');
        }
        Files.writeString(repo.resolve("eval/predictions.csv"), csv);
        Files.writeString(repo.resolve("mlgates.yaml"), "model:\n  name: \"</title><script>alert(1)</script>\"\n"
                + "slices:\n  - column: grp\n    minSize: 5\n    limits:\n      - metric: recall\n        min: 0.5\n"
                + "ethics:\n  fairness:\n    sensitive: [grp]\n    minGroupSize: 5\n"
                + "waivers:\n  - check: \"*\"\n    reason: \"<img src=x onerror=alert(2)>\"\n"
                + "    approver: \"<script>alert(3)</script>\"\n    expires: 2999-12-31\n");
        Path report = runAndReport(repo);
        try (Chromium browser = browser()) {
            browser.open(report.resolve("validate.html").toUri().toString(), 1200, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.querySelectorAll('script, img').length").asInt()).isZero();
            assertThat(browser.evaluate("document.title").asText())
                    .isEqualTo("validate gate: </title><script>alert(1)</script>");
            assertThat(browser.evaluate("document.body.innerText.includes('<img src=x onerror=alert(1)>')")
                    .asBoolean()).isTrue();

            browser.open(report.resolve("ethics.html").toUri().toString(), 1200, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.querySelectorAll('script, img').length").asInt()).isZero();
            assertThat(browser.evaluate("document.querySelectorAll('section.fairness table.fairness-groups').length")
                    .asInt()).isEqualTo(1);
            assertThat(browser.evaluate("document.querySelector('section.fairness').innerText"
                    + ".includes('<img src=x onerror=alert(1)>')").asBoolean()).isTrue();
        }
    }

    @Test
    @DisplayName("the check is not a rubber stamp: an inline style, a style element, a script and a remote image are caught")
    void violationsAreCaught() throws Exception {
        Path page = tmp.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; "
                + "img-src 'self' data:\"><title>bad</title><style>p { color: red }</style></head><body>"
                + "<p style=\"color: blue\">x</p><script>console.error('ran')</script>"
                + "<img src=\"http://127.0.0.1:9/x.png\" alt=\"\"></body></html>");
        try (Chromium browser = browser()) {
            browser.open(page.toUri().toString(), 800, 600);
            assertThat(browser.problems()).isNotEmpty();
            assertThat(String.join("\n", browser.problems()))
                    .containsIgnoringCase("Content Security Policy").contains("csp");
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('p')).color").asText())
                    .as("blocked styles do not apply").isEqualTo("rgb(0, 0, 0)");
        }
    }
}
