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
    /** Screenshots land here; docs/report-credit-risk.png is a copy of the gate page's. */
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

    @Test
    @DisplayName("the credit-risk report loads with its stylesheet and charts, no console error, nothing blocked")
    void creditRiskReport() throws Exception {
        Path repo = tmp.resolve("credit-risk");
        copy(EXAMPLE, repo);
        Path report = runAndReport(repo);
        Files.createDirectories(SCREENSHOTS);
        try (Chromium browser = browser()) {
            browser.open(report.resolve("index.html").toUri().toString(), 1200, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.title").asText()).isEqualTo("ML Gates report: credit-risk");
            Files.write(SCREENSHOTS.resolve("credit-risk-index.png"), browser.screenshot(1200, 900));

            browser.open(report.resolve("validate.html").toUri().toString(), 1200, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"
                    + ".content").asText()).isEqualTo("default-src 'none'; style-src 'self'; img-src 'self' data:");
            // The stylesheet applied (background #f6f7f8), though the policy allows nothing but it.
            assertThat(browser.evaluate("getComputedStyle(document.body).backgroundColor").asText())
                    .isEqualTo("rgb(246, 247, 248)");
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('svg.chart .curve')).fill")
                    .asText()).isEqualTo("none");
            // Three curve charts and two per-group charts, each drawn with a size.
            assertThat(browser.evaluate("[...document.querySelectorAll('svg.chart')]"
                    + ".filter(s => s.getBoundingClientRect().width > 100).length").asInt()).isEqualTo(5);
            Files.write(SCREENSHOTS.resolve("credit-risk-validate.png"), browser.screenshot(1200, 2600));
            assertThat(browser.problems()).isEmpty();

            browser.open(report.resolve("ethics.html").toUri().toString(), 1200, 900);
            assertThat(browser.problems()).isEmpty();
            // sex, age_band and their intersection, each with its group table and disparities; the waivers
            assertThat(browser.evaluate("document.querySelectorAll('section.fairness table.fairness-groups').length")
                    .asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.querySelectorAll('section.fairness table.disparities').length")
                    .asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.querySelectorAll('section.waivers tbody tr').length").asInt())
                    .isEqualTo(4);
            assertThat(browser.evaluate("[...document.querySelectorAll('section.fairness svg.chart')]"
                    + ".filter(s => s.getBoundingClientRect().width > 100).length").asInt()).isEqualTo(3);
            Files.write(SCREENSHOTS.resolve("credit-risk-ethics.png"), browser.screenshot(1200, 2600));
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
