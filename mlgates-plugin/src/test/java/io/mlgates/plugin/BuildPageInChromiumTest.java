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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    static Path chromium;

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
        return buildPage(action, Theme.LIGHT);
    }

    /** Jenkins' light theme and its dark theme (the dark-theme plugin): page and text colours. */
    enum Theme {
        LIGHT("#ffffff", "#14141f", "#f2f2f3", "#dcdce1", ""),
        DARK("#1f1f25", "#e4e4ea", "#2b2b33", "#3a3a44", "-dark");

        final String background;
        final String text;
        final String header;
        final String border;
        final String suffix;

        Theme(String background, String text, String header, String border, String suffix) {
            this.background = background;
            this.text = text;
            this.header = header;
            this.border = border;
            this.suffix = suffix;
        }
    }

    /** The frame of Jenkins' pages in a theme: header, side panel, main panel, summary table, symbols in currentColor. */
    static String jenkinsCss(Theme theme) {
        return "body { margin: 0; font-family: system-ui, sans-serif; color: " + theme.text + "; background: "
                + theme.background + "; }\n"
                + "a { color: inherit; }\n"
                + "header { background: " + theme.header + "; border-bottom: 1px solid " + theme.border
                + "; padding: 0.6rem 1.25rem; }\n"
                + ".page { display: flex; gap: 1.5rem; padding: 1rem 1.25rem; }\n"
                + "#side-panel { width: 14rem; flex: none; }\n"
                + "#side-panel ul { list-style: none; margin: 0; padding: 0; line-height: 2; }\n"
                + "#side-panel svg { width: 16px; height: 16px; vertical-align: middle; }\n"
                + "#main-panel { flex: 1; min-width: 0; }\n"
                + "h1.build { font-size: 1.6rem; margin: 0 0 1rem; }\n"
                + "table.summary { border-collapse: collapse; width: 100%; }\n"
                + "table.summary td { vertical-align: top; padding: 0 0.75rem 0.75rem 0; }\n"
                + "table.summary td.icon { width: 48px; }\n"
                + "table.summary td.icon svg { width: 48px; height: 48px; }\n"
                + "table.jenkins-table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }\n"
                + "table.jenkins-table th, table.jenkins-table td { border-bottom: 1px solid " + theme.border
                + "; padding: 0.25rem 0.75rem; text-align: left; }\n"
                + "h2.result-page { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-top: 1px solid " + theme.border
                + "; padding-top: 1rem; }\n";
    }

    /** The page head every page shares: the CSP, Jenkins' frame in the theme, the plugin's stylesheets. */
    static String head(String title, Theme theme) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">"
                + "<title>" + title + " [Jenkins]</title>"
                + "<link rel=\"stylesheet\" href=\"css/jenkins" + theme.suffix + ".css\">"
                + "<link rel=\"stylesheet\" href=\"css/ml-gates.css\">"
                + "<link rel=\"stylesheet\" href=\"css/ml-gates-report.css\"></head><body>";
    }

    private Path site() throws IOException {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/ml-gates-report.css"), HtmlReport.stylesheet());
        Files.copy(Path.of("src/main/webapp/css/ml-gates.css"), site.resolve("css/ml-gates.css"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(site.resolve("css/jenkins.css"), jenkinsCss(Theme.LIGHT));
        Files.writeString(site.resolve("css/jenkins-dark.css"), jenkinsCss(Theme.DARK));
        return site;
    }

    /** The build's side panel, with the result's entry and its symbol, as Jenkins lists a run's actions. */
    private static String buildSidePanel(GateResultAction action) throws IOException {
        return "<nav id=\"side-panel\"><ul><li>Status</li><li>Changes</li><li>Console Output</li>"
                + "<li>Pipeline Overview</li><li><a href=\"" + action.getUrlName() + "/\">" + symbol() + " "
                + action.getDisplayName() + "</a></li></ul></nav>";
    }

    /**
     * The result's own page as {@code GateResultAction/index.jelly} lays it out inside {@code l:run-subpage}: the
     * build's side panel, then the title, the organisation policy line and the renderer's page fragment.
     */
    private Path resultPage(GateResultAction action, Theme theme) throws IOException {
        Path site = site();
        String html = head(action.getDisplayName() + " - #42", theme)
                + "<header>Jenkins &#x203A; credit-risk &#x203A; #42 &#x203A; ML Gates &#x203A; " + action.getId()
                + "</header><div class=\"page\">" + buildSidePanel(action) + "<main id=\"main-panel\">"
                + "<h1>" + action.getDisplayName() + "</h1>"
                + (action.getOrganisationPolicy() == null ? "" : "<p class=\"mlgates-organisation\">Organisation"
                + " policy: <code>" + action.getOrganisationPolicy() + "</code></p>")
                + "<div class=\"mlgates\">" + action.getPageHtml() + "</div></main></div></body></html>";
        Path page = site.resolve("result" + theme.suffix + ".html");
        Files.writeString(page, html);
        return page;
    }

    /**
     * The job's trend page as {@code GateTrendAction/index.jelly} and {@code series.jelly} lay it out: the job's side
     * panel, then per result id its latest status, a sparkline per followed metric and the table of builds. The
     * markup is the views' own, filled from the action's view model.
     */
    private Path trendPage(GateTrendAction trend, Theme theme) throws IOException {
        Path site = site();
        StringBuilder html = new StringBuilder(head("credit-risk ML Gates trend", theme))
                .append("<header>Jenkins &#x203A; credit-risk &#x203A; ML Gates trend</header><div class=\"page\">")
                .append("<nav id=\"side-panel\"><ul><li>Status</li><li>Changes</li><li>Build Now</li>")
                .append("<li>Configure</li><li><a href=\"mlgates/\">").append(symbol()).append(" ")
                .append(trend.getDisplayName()).append("</a></li></ul></nav><main id=\"main-panel\">")
                .append("<h1>ML Gates trend, last ").append(trend.getBuilds()).append(" builds</h1>");
        for (io.mlgates.plugin.logic.TrendView.Series series : trend.getTrend().getSeries()) {
            html.append("<div class=\"mlgates-series\"><div><strong>").append(series.getId())
                    .append("</strong> <span class=\"mlgates-status ").append(series.getLatest().getBadge())
                    .append("\">").append(series.getLatest().getStatus()).append("</span> in #")
                    .append(series.getLatest().getBuild()).append("</div>");
            for (io.mlgates.plugin.logic.TrendView.Sparkline line : series.getSparklines()) {
                html.append("<div class=\"mlgates-sparkline\"><code>").append(line.getMetric()).append("</code>")
                        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 32\" width=\"160\"")
                        .append(" height=\"32\" role=\"img\"><polyline class=\"mlgates-line\" points=\"")
                        .append(line.getPoints()).append("\"/></svg> ").append(line.getLatest()).append("</div>");
            }
            html.append("</div><table class=\"jenkins-table mlgates-history\"><thead><tr><th>Build</th><th>Status</th>");
            for (String metric : series.getMetrics()) {
                html.append("<th><code>").append(metric).append("</code></th>");
            }
            html.append("</tr></thead><tbody>");
            for (io.mlgates.plugin.logic.TrendEntry entry : series.getBuilds()) {
                html.append("<tr><td><a href=\"../").append(entry.getBuild()).append("/mlgates/")
                        .append(series.getId()).append("/\">#").append(entry.getBuild()).append("</a></td>")
                        .append("<td><span class=\"mlgates-status ").append(entry.getBadge()).append("\">")
                        .append(entry.getStatus()).append("</span></td>");
                for (String metric : series.getMetrics()) {
                    html.append("<td>").append(entry.display(metric)).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</main></div></body></html>");
        Path page = site.resolve("trend" + theme.suffix + ".html");
        Files.writeString(page, html.toString());
        return page;
    }

    private Path buildPage(GateResultAction action, Theme theme) throws IOException {
        Path site = site();
        String html = head("credit-risk #42", theme)
                + "<header>Jenkins &#x203A; credit-risk &#x203A; #42</header><div class=\"page\">"
                + buildSidePanel(action) + "<main id=\"main-panel\">"
                + "<h1 class=\"build\">Build #42 (26 Nov 2026, 12:00:00)</h1>"
                + "<table class=\"summary\"><tr><td class=\"icon\">" + symbol() + "</td><td>"
                + "<div class=\"mlgates\">" + action.getSummaryHtml() + "</div></td></tr></table>"
                + "<h2 class=\"result-page\">…/42/" + action.getUrlName() + "/</h2>"
                + "<div class=\"mlgates\">" + action.getPageHtml() + "</div>"
                + "</main></div></body></html>";
        Path page = site.resolve("build" + theme.suffix + ".html");
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

    /** A job whose last builds ran the gate, with accuracy and recall moving from build to build. */
    private GateTrendAction creditRiskTrend() throws IOException {
        Path builds = tmp.resolve("jobs/credit-risk/builds");
        double[] accuracy = {0.81, 0.83, 0.82, 0.86, 0.85, 0.88};
        io.mlgates.core.gate.Status[] status = {io.mlgates.core.gate.Status.PASS, io.mlgates.core.gate.Status.PASS,
            io.mlgates.core.gate.Status.WARN, io.mlgates.core.gate.Status.PASS, io.mlgates.core.gate.Status.FAIL,
            io.mlgates.core.gate.Status.PASS};
        for (int b = 0; b < accuracy.length; b++) {
            io.mlgates.plugin.logic.TrendIndex.in(builds).append(37 + b, ResultSummary.of("validate",
                    io.mlgates.plugin.logic.Results.of("credit-risk", List.of(
                            io.mlgates.plugin.logic.Results.check("limit:accuracy:min", status[b], "accuracy",
                                    accuracy[b]),
                            io.mlgates.plugin.logic.Results.check("limit:recall:min",
                                    io.mlgates.core.gate.Status.PASS, "recall", 0.7))), 0, List.of()));
        }
        return new GateTrendAction(builds.toFile(), null);
    }

    /** The symbol takes the theme's text colour (currentColor), in every place it is drawn. */
    private static void assertSymbolsFollowTheText(Chromium browser) throws Exception {
        assertThat(browser.evaluate("[...document.querySelectorAll('#side-panel svg rect, td.icon svg rect')].every(r =>"
                + " getComputedStyle(r).fill === getComputedStyle(document.body).color)").asBoolean())
                .as("every symbol drawn in the text colour").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    @DisplayName("the build page, a result page and the job's trend page in the light and the dark theme")
    void everyPageInBothThemes(Theme theme) throws Exception {
        GateResultAction action = action("validate", creditRisk());
        Files.createDirectories(SCREENSHOTS);
        try (Chromium browser = browser()) {
            browser.open(buildPage(action, theme).toUri().toString(), 1440, 900);
            assertThat(browser.problems()).as("build page: console errors, blocked or failed loads").isEmpty();
            assertThat(browser.evaluate("getComputedStyle(document.body).backgroundColor").asText())
                    .isEqualTo(rgb(theme.background));
            assertSymbolsFollowTheText(browser);
            Files.write(SCREENSHOTS.resolve("jenkins-build-page" + theme.suffix + ".png"), browser.screenshot(1440, 1500));

            browser.open(resultPage(action, theme).toUri().toString(), 1440, 900);
            assertThat(browser.problems()).as("result page").isEmpty();
            assertThat(browser.evaluate("document.querySelector('h1').innerText").asText())
                    .isEqualTo("ML gate: validate");
            assertThat(browser.evaluate("[...document.querySelectorAll('article.gate svg.chart')]"
                    + ".filter(s => s.getBoundingClientRect().width > 100).length").asInt()).isGreaterThanOrEqualTo(3);
            assertSymbolsFollowTheText(browser);
            Files.write(SCREENSHOTS.resolve("jenkins-result-page" + theme.suffix + ".png"),
                    browser.screenshot(1440, 1500));

            browser.open(trendPage(creditRiskTrend(), theme).toUri().toString(), 1200, 700);
            assertThat(browser.problems()).as("trend page").isEmpty();
            assertThat(browser.evaluate("[...document.querySelectorAll('polyline.mlgates-line')]"
                    + ".map(l => l.getBoundingClientRect().width).filter(w => w > 100).length").asInt())
                    .as("a drawn line per followed metric: accuracy, recall").isEqualTo(2);
            assertThat(browser.evaluate("document.querySelectorAll('table.mlgates-history tbody tr').length").asInt())
                    .isEqualTo(6);
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('.mlgates-status.mlgates-fail'))"
                    + ".backgroundColor").asText()).isEqualTo("rgb(185, 28, 28)");
            assertSymbolsFollowTheText(browser);
            Files.write(SCREENSHOTS.resolve("jenkins-trend-page" + theme.suffix + ".png"), browser.screenshot(1200, 900));
        }
    }

    /** {@code #1f1f25} as the browser reports a computed colour: {@code rgb(31, 31, 37)}. */
    private static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (v >> 16) + ", " + ((v >> 8) & 0xff) + ", " + (v & 0xff) + ")";
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
