package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.board.Board;
import io.mlgates.core.board.ModelRow;
import io.mlgates.core.report.html.HtmlReport;
import io.mlgates.core.testing.Chromium;
import io.mlgates.plugin.logic.board.BoardFixtures;
import io.mlgates.plugin.logic.board.BoardQuery;
import io.mlgates.plugin.logic.board.BoardScreen;
import io.mlgates.plugin.logic.board.TrainScreen;
import io.mlgates.plugin.logic.board.Viewer;
import io.mlgates.plugin.logic.promotion.IdComparison;
import io.mlgates.plugin.logic.promotion.JenkinsUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release-train board and a train's page as an approver sees them, without a Jenkins: Jenkins' frame around the
 * renderer's fragments ({@link BoardScreen}, {@link TrainScreen}, as {@code BoardAction/index.jelly} and
 * {@code TrainPage/index.jelly} write them), under a strict Content-Security-Policy in headless Chromium. credit-risk is
 * blocked (no ethics result for its candidate), fraud-detector waits for a second approval that omar, the viewer, may
 * give, churn boards Tuesday's train. docs/jenkins-board-page.png and docs/jenkins-train-page.png are copies of the
 * screenshots written here. Skipped where Chromium is missing, never on CI.
 */
class BoardPageInChromiumTest {
    private static final Viewer OMAR = new Viewer(Optional.of(new JenkinsUser("omar", List.of())), IdComparison.EXACT);

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        BuildPageInChromiumTest.findChromium();
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(BuildPageInChromiumTest.chromium != null,
                "Chromium is not installed (bash .ci/install-chromium, or set CHROMIUM): browser test skipped");
    }

    private Path page(String name, String title, String breadcrumb, String main) throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/ml-gates-report.css"), HtmlReport.stylesheet());
        Files.copy(Path.of("src/main/webapp/css/ml-gates.css"), site.resolve("css/ml-gates.css"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(site.resolve("css/jenkins.css"), BuildPageInChromiumTest.jenkinsCss(
                BuildPageInChromiumTest.Theme.LIGHT) + "body { font-size: 14px; }\n"
                + "select, textarea, button { font: inherit; }\n");
        String symbol = BuildPageInChromiumTest.symbol();
        String html = BuildPageInChromiumTest.head(title, BuildPageInChromiumTest.Theme.LIGHT)
                + "<header>Jenkins &#x203A; " + breadcrumb + "</header><div class=\"page\"><nav id=\"side-panel\"><ul>"
                + "<li>New Item</li><li>Build History</li><li>Manage Jenkins</li><li>My Views</li>"
                + "<li id=\"board-link\"><a href=\"board.html\">" + symbol + " ML release trains</a></li></ul></nav>"
                + "<main id=\"main-panel\">" + main + "</main></div></body></html>";
        Path page = site.resolve(name);
        Files.writeString(page, html);
        return page;
    }

    private Path boardHtml() throws Exception {
        Board board = BoardFixtures.board();
        BoardQuery query = BoardQuery.parse(Map.of(), board.models().stream().map(ModelRow::facts).toList());
        String fragment = new BoardScreen(Optional.of(board), query, List.of(), OMAR).getPageHtml();
        return page("board.html", "ML release trains", "ML release trains", "<h1>ML release trains</h1>"
                + "<div class=\"mlgates\">" + fragment + "</div><p><a href=\"api/\">REST API</a></p>");
    }

    private Path trainHtml() throws Exception {
        Board board = BoardFixtures.board();
        String fragment = new TrainScreen("weekly", board, Optional.of(board.trains().get(0)), List.of("weekly"),
                List.of(), OMAR).getPageHtml();
        return page("train.html", "Release train weekly", "ML release trains &#x203A; train &#x203A; weekly",
                "<h1>Release train weekly</h1><div class=\"mlgates\">" + fragment + "</div>");
    }

    private Chromium browser() throws Exception {
        return new Chromium(BuildPageInChromiumTest.chromium, Files.createDirectories(tmp.resolve("profile")),
                tmp.resolve("chromium.log"));
    }

    @Test
    @DisplayName("the board shows each model's stages, gates, status, approvals with the forms omar may use, lapses and departure")
    void boardPage() throws Exception {
        Files.createDirectories(BuildPageInChromiumTest.SCREENSHOTS);
        try (Chromium browser = browser()) {
            browser.open(boardHtml().toUri().toString(), 1440, 900);
            assertThat(browser.problems()).as("console errors, blocked or failed loads").isEmpty();
            assertThat(browser.evaluate("[...document.querySelectorAll('tr.mlgates-board-row')].map(r =>"
                    + " r.querySelector('.mlgates-status[class*=mlgates-board-]').innerText).join(' ')").asText())
                    .isEqualTo("blocked waiting boarding");
            assertThat(browser.evaluate("document.querySelector('.mlgates-board-blockers').innerText").asText())
                    .contains("evidence.missing", "no ethics result");
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('.mlgates-board-blocked'))"
                    + ".backgroundColor").asText()).isEqualTo("rgb(185, 28, 28)");
            // one decision form, for the promotion omar may still approve; posting to its own page
            assertThat(browser.evaluate("[...document.forms].filter(f => f.method === 'post').map(f =>"
                    + " f.getAttribute('action')).join(' ')").asText())
                    .isEqualTo("../" + BoardFixtures.FRAUD_PROMOTION + "approve");
            assertThat(browser.evaluate("document.querySelector('form.mlgates-board-decide textarea')"
                    + ".getBoundingClientRect().width").asInt()).as("the reason's box laid out").isGreaterThan(100);
            assertThat(browser.evaluate("document.querySelector('form.mlgates-board-filter').method").asText())
                    .isEqualTo("get");
            assertThat(browser.evaluate("document.querySelector('#board-link svg').getBoundingClientRect().width")
                    .asInt()).as("the side panel's symbol drawn").isEqualTo(16);
            Files.write(BuildPageInChromiumTest.SCREENSHOTS.resolve("jenkins-board-page.png"),
                    browser.screenshot(1440, 1100));
            assertThat(browser.problems()).isEmpty();
        }
    }

    @Test
    @DisplayName("a train's page shows what boards, waits, is blocked and why, and what lapses before the departure")
    void trainPage() throws Exception {
        Files.createDirectories(BuildPageInChromiumTest.SCREENSHOTS);
        try (Chromium browser = browser()) {
            browser.open(trainHtml().toUri().toString(), 1280, 800);
            assertThat(browser.problems()).as("console errors, blocked or failed loads").isEmpty();
            assertThat(browser.evaluate("[...document.querySelectorAll('.mlgates-train-page h2')].map(h =>"
                    + " h.innerText).join(' | ')").asText()).isEqualTo("Boarding (1) | Waiting for approvals (1) |"
                    + " Blocked (1) | Lapses before the departure (1)");
            assertThat(browser.evaluate("document.querySelector('.mlgates-train-next').innerText").asText())
                    .contains("Tuesday 2026-12-01 14:00 Europe/Berlin", "2026-12-01 10:00 Europe/Berlin");
            assertThat(browser.evaluate("document.querySelectorAll('form.mlgates-board-decide').length").asInt())
                    .isEqualTo(1);
            Files.write(BuildPageInChromiumTest.SCREENSHOTS.resolve("jenkins-train-page.png"),
                    browser.screenshot(1280, 900));
            assertThat(browser.problems()).isEmpty();
        }
    }
}
