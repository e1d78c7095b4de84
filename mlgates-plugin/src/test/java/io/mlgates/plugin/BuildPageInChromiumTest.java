package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.html.HtmlReport;
import io.mlgates.core.testing.Chromium;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.ValidateTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build page as a person sees it, without a Jenkins: a static page laid out like Jenkins' build page holding what
 * the views embed (the action's summary fragment in its summary box, then its page fragment) with the plugin's
 * stylesheets, under a strict Content-Security-Policy, opened in Debian's headless Chromium. Needs Chromium: CI
 * installs it (.ci/run calls .ci/install-chromium); elsewhere the test is skipped when Chromium is missing, but
 * never on CI.
 */
class BuildPageInChromiumTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:";
    /** docs/jenkins-build-page.png is a copy of the screenshot written here. */
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

    private Chromium browser() throws Exception {
        return new Chromium(chromium, Files.createDirectories(tmp.resolve("profile")), tmp.resolve("chromium.log"));
    }

    /** The credit-risk example judged by the step's own task, as mlValidate would on an agent. */
    private GateResult creditRisk() throws Exception {
        Path repo = tmp.resolve("credit-risk");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Path target = repo.resolve(EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains(".mlgates")) {
                    Files.copy(p, target);
                }
            }
        }
        return new ValidateTask(null, null, null).evaluate(repo, ProgressListener.NONE,
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
    }

    /** The action of a build holding {@code result} as {@code id}, its full result in the file beside build.xml. */
    private GateResultAction action(String id, GateResult result) throws IOException {
        Path build = tmp.resolve("builds/42");
        Path file = GateResultAction.resultFile(build.toFile(), id);
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GateResultJson().toJson(result));
        GateResultAction action = new GateResultAction(ResultSummary.of(id, result, 0,
                List.of(".mlgates/results/" + id + "/validate.json")));
        action.locate(build.toFile());
        return action;
    }

    /**
     * A page with the build page's frame (breadcrumbs, side panel, the summary box with the plugin's icon) around the
     * fragments, and the result's page below it, each within the element the views put it in, linking the
     * stylesheets the views link, served from beside it.
     */
    private Path buildPage(GateResultAction action) throws IOException {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/ml-gates-report.css"), HtmlReport.stylesheet());
        Files.copy(Path.of("src/main/webapp/css/ml-gates.css"), site.resolve("css/ml-gates.css"));
        Files.writeString(site.resolve("css/jenkins.css"), """
                body { margin: 0; font-family: system-ui, sans-serif; color: #14141f; background: #fff; }
                header { background: #f2f2f3; border-bottom: 1px solid #dcdce1; padding: 0.6rem 1.25rem; }
                .page { display: flex; gap: 1.5rem; padding: 1rem 1.25rem; }
                #side-panel { width: 14rem; flex: none; }
                #side-panel ul { list-style: none; margin: 0; padding: 0; line-height: 2; }
                #main-panel { flex: 1; min-width: 0; }
                h1.build { font-size: 1.6rem; margin: 0 0 1rem; }
                table.summary { border-collapse: collapse; width: 100%; }
                table.summary td { vertical-align: top; padding: 0 0.75rem 0.75rem 0; }
                table.summary td.icon { width: 48px; }
                table.summary td.icon svg { width: 48px; height: 48px; }
                h2.result-page { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-top: 1px solid #dcdce1;
                  padding-top: 1rem; }
                """);
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">"
                + "<title>credit-risk #42 [Jenkins]</title>"
                + "<link rel=\"stylesheet\" href=\"css/jenkins.css\">"
                + "<link rel=\"stylesheet\" href=\"css/ml-gates.css\">"
                + "<link rel=\"stylesheet\" href=\"css/ml-gates-report.css\"></head><body>"
                + "<header>Jenkins &#x203A; credit-risk &#x203A; #42</header><div class=\"page\">"
                + "<nav id=\"side-panel\"><ul><li>Status</li><li>Changes</li><li>Console Output</li>"
                + "<li>Pipeline Overview</li><li><a href=\"" + action.getUrlName() + "/\">ML gate: "
                + action.getId() + "</a></li></ul></nav><main id=\"main-panel\">"
                + "<h1 class=\"build\">Build #42 (26 Nov 2026, 12:00:00)</h1>"
                + "<table class=\"summary\"><tr><td class=\"icon\">" + symbol() + "</td><td>"
                + "<div class=\"mlgates\">" + action.getSummaryHtml() + "</div></td></tr></table>"
                + "<h2 class=\"result-page\">…/42/" + action.getUrlName() + "/</h2>"
                + "<div class=\"mlgates\">" + action.getPageHtml() + "</div>"
                + "</main></div></body></html>";
        Path page = site.resolve("build.html");
        Files.writeString(page, html);
        return page;
    }

    /** The plugin's symbol, inlined as Jenkins inlines symbols (so it takes the text colour). */
    static String symbol() throws IOException {
        return Files.readString(Path.of("src/main/resources/images/symbols/ml-gates.svg"));
    }

    @Test
    @DisplayName("the credit-risk build page shows the renderer's summary and page: styled, charts drawn, nothing blocked")
    void creditRiskBuildPage() throws Exception {
        GateResultAction action = action("validate", creditRisk());
        assertThat(action.getLoadProblem()).isNull();
        Path page = buildPage(action);
        Files.createDirectories(SCREENSHOTS);
        try (Chromium browser = browser()) {
            browser.open(page.toUri().toString(), 1440, 900);
            assertThat(browser.problems()).as("console errors, blocked or failed loads").isEmpty();
            assertThat(browser.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"
                    + ".content").asText()).isEqualTo(POLICY);
            // The renderer's stylesheet applied: a section of the fragments has its border and white background.
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('section.mlgates.summary'))"
                    + ".borderTopStyle").asText()).isEqualTo("solid");
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('.mlgates .status-warn')).color")
                    .asText()).isEqualTo("rgb(154, 103, 0)");
            assertThat(browser.evaluate("document.querySelector('table.summary td.icon svg').getBoundingClientRect()"
                    + ".width").asInt()).as("the plugin's symbol drawn").isEqualTo(48);
            // The summary links to the result's page; the page draws its charts with a size.
            assertThat(browser.evaluate("document.querySelector('section.summary a').getAttribute('href')").asText())
                    .isEqualTo("mlgates/validate/");
            assertThat(browser.evaluate("[...document.querySelectorAll('article.gate svg.chart')]"
                    + ".filter(s => s.getBoundingClientRect().width > 100).length").asInt()).isGreaterThanOrEqualTo(3);
            Files.write(SCREENSHOTS.resolve("jenkins-build-page.png"), browser.screenshot(1440, 1500));
            assertThat(browser.problems()).isEmpty();
        }
    }

    @Test
    @DisplayName("hostile names on the build page show as text: no element, no script, no error")
    void hostileBuildPage() throws Exception {
        Path page = buildPage(action("hostile", ViewsTest.hostile()));
        try (Chromium browser = browser()) {
            browser.open(page.toUri().toString(), 1200, 900);
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.evaluate("document.querySelectorAll('script, iframe, object').length").asInt())
                    .isZero();
            assertThat(browser.evaluate("document.querySelectorAll('img').length").asInt())
                    .as("no image: the summary box's icon is an inline symbol").isZero();
            assertThat(browser.evaluate("document.body.innerText.includes(\"<img src=x onerror=alert(1)>\")")
                    .asBoolean()).isTrue();
        }
    }

    @Test
    @DisplayName("the check is not a rubber stamp: an inline style on the page is reported as blocked")
    void violationsAreCaught() throws Exception {
        GateResultAction action = action("validate", ViewsTest.hostile());
        Path page = buildPage(action);
        Files.writeString(page, Files.readString(page).replace("<main id=\"main-panel\">",
                "<main id=\"main-panel\" style=\"color: red\">"));
        try (Chromium browser = browser()) {
            browser.open(page.toUri().toString(), 1200, 900);
            assertThat(String.join("\n", browser.problems())).containsIgnoringCase("Content Security Policy");
        }
    }
}
