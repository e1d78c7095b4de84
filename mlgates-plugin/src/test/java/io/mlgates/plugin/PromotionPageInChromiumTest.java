package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.Refusal;
import io.mlgates.core.report.html.HtmlReport;
import io.mlgates.core.testing.Chromium;
import io.mlgates.plugin.logic.promotion.EvidenceRef;
import io.mlgates.plugin.logic.promotion.PendingPromotion;
import io.mlgates.plugin.logic.promotion.PromotionHtml;
import io.mlgates.plugin.logic.promotion.PromotionState;
import io.mlgates.plugin.logic.promotion.PromotionView;
import io.mlgates.plugin.logic.promotion.VerifiedApprovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A waiting promotion's page and a promoted build's badge as a person sees them, without a Jenkins: Jenkins' frame
 * around the renderer's fragment ({@link PromotionHtml}, as {@code PromotionPage/index.jelly} writes it), the decision
 * forms as {@code f:form} renders them, and a build history row with the badge as {@code PromotedBadge/badge.jelly}
 * draws it, under a strict Content-Security-Policy in headless Chromium. docs/jenkins-promotion-page.png is a copy of
 * the screenshot written here. Skipped where Chromium is missing, never on CI.
 */
class PromotionPageInChromiumTest {
    @TempDir
    Path tmp;

    /** Found, skipped or failed on CI as the build page's browser test does. */
    @BeforeAll
    static void findChromium() {
        BuildPageInChromiumTest.findChromium();
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(BuildPageInChromiumTest.chromium != null,
                "Chromium is not installed (bash .ci/install-chromium, or set CHROMIUM): browser test skipped");
    }

    /** credit-risk version 3 on its way to production: one officer approved, one more is needed, the train departs Tuesday. */
    static PromotionView waiting() {
        String digest = "sha256:5f0c" + "3a9e".repeat(15);
        PendingPromotion pending = new PendingPromotion("production", "production", digest,
                List.of(new EvidenceRef("validate", 42, "validate", digest), new EvidenceRef("ethics", 42, "ethics",
                        digest)), new EvidenceRef("validate", 42, "validate", digest), "ana", "ana", "ana", null,
                "https://ci.example/job/credit-risk/42/", null, new VerifiedApprovers());
        PromotionOutcome outcome = new PromotionOutcome(PromotionOutcome.Result.REFUSED, "credit-risk", "production",
                digest, OptionalInt.of(3), OptionalInt.of(2), List.of(new Refusal("approvals.quorum",
                "needs 2 approvals from group credit-risk-officers, has 1 (priya)"), new Refusal("train.departure",
                "stage production rides the release train and no departure is open now; the next departure is"
                        + " Tuesday 2026-12-01 14:00 Europe/Berlin (cut-off Tuesday 2026-12-01 10:00 Europe/Berlin)")),
                Optional.of(ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, ZoneId.of("Europe/Berlin"))), false,
                Optional.empty());
        PromotionState state = new PromotionState(PromotionState.Kind.WAITING_FOR_APPROVALS, outcome,
                Optional.of("credit-risk-officers"), 2, List.of(new Approval("credit-risk", digest, "production",
                "priya", Approval.Decision.APPROVE, "recall of bad loans 0.578 is under the wish, accepted for this"
                + " release; the under-25 disparity is waived until 2027-11-30 [Jenkins user priya, build"
                + " https://ci.example/job/credit-risk/42/]", Instant.parse("2026-11-27T09:12:00Z"))),
                List.of("ana's approval does not count: ana authored the candidate (four-eyes rule)"),
                Optional.empty());
        return PromotionView.of(pending, state, Instant.parse("2026-11-27T09:12:05Z"));
    }

    private Path page(PromotionView view) throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/ml-gates-report.css"), HtmlReport.stylesheet());
        Files.copy(Path.of("src/main/webapp/css/ml-gates.css"), site.resolve("css/ml-gates.css"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(site.resolve("css/jenkins.css"), BuildPageInChromiumTest.jenkinsCss(
                BuildPageInChromiumTest.Theme.LIGHT) + "form { margin: 0 0 1rem; } textarea { width: 32rem;"
                + " height: 3rem; display: block; margin: 0.25rem 0; }\n"
                + ".history { margin-top: 2rem; border-top: 1px solid #dcdce1; padding-top: 0.5rem; }\n");
        String symbol = BuildPageInChromiumTest.symbol();
        String badge = "<span class=\"mlgates-badge\" tooltip=\"Promoted credit-risk version 3 to staging\">" + symbol
                + " staging</span>";
        String html = BuildPageInChromiumTest.head("ML promotion production - #42", BuildPageInChromiumTest.Theme.LIGHT)
                + "<header>Jenkins &#x203A; credit-risk &#x203A; #42 &#x203A; ML promotion &#x203A; production"
                + "</header><div class=\"page\"><nav id=\"side-panel\"><ul><li>Status</li><li>Console Output</li>"
                + "<li>Pipeline Overview</li><li><a href=\"../\">" + symbol + " ML promotion</a></li></ul>"
                + "<div class=\"history\"><strong>Build History</strong><ul><li>#42 (waiting)</li>"
                + "<li id=\"promoted\">#41 " + badge + "</li><li>#40</li></ul></div></nav>"
                + "<main id=\"main-panel\"><h1>ML promotion production</h1>"
                + "<div class=\"mlgates\">" + PromotionHtml.page(view, "../../../") + "</div>"
                + "<h2>Decide</h2>"
                + "<form method=\"post\" action=\"approve\" name=\"approve\"><label>Reason for approving"
                + "<textarea name=\"reason\"></textarea></label><button type=\"submit\">Approve</button></form>"
                + "<form method=\"post\" action=\"reject\" name=\"reject\"><label>Reason for rejecting"
                + "<textarea name=\"reason\"></textarea></label><button type=\"submit\">Reject</button></form>"
                + "</main></div></body></html>";
        Path page = site.resolve("promotion.html");
        Files.writeString(page, html);
        return page;
    }

    @Test
    @DisplayName("the promotion page shows the candidate, evidence, approvals, what is needed and the departure; the badge names the stage")
    void promotionPageAndBadge() throws Exception {
        Files.createDirectories(BuildPageInChromiumTest.SCREENSHOTS);
        try (Chromium browser = new Chromium(BuildPageInChromiumTest.chromium, Files.createDirectories(tmp.resolve("profile")),
                tmp.resolve("chromium.log"))) {
            browser.open(page(waiting()).toUri().toString(), 1280, 900);
            assertThat(browser.problems()).as("console errors, blocked or failed loads").isEmpty();
            assertThat(browser.evaluate("document.querySelector('.mlgates-promotion-page').innerText").asText())
                    .contains("1 still needed", "Tuesday 2026-12-01 14:00 Europe/Berlin", "priya",
                            "waiting for approvals");
            assertThat(browser.evaluate("[...document.querySelectorAll('.mlgates-evidence a')].map(a =>"
                    + " a.getAttribute('href')).join(' ')").asText())
                    .isEqualTo("../../../42/mlgates/validate/ ../../../42/mlgates/ethics/");
            assertThat(browser.evaluate("[...document.forms].every(f => f.method === 'post')").asBoolean()).isTrue();
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('.mlgates-promotion-waiting-for-"
                    + "approvals')).backgroundColor").asText()).isEqualTo("rgb(37, 99, 235)");
            assertThat(browser.evaluate("document.querySelector('#promoted .mlgates-badge svg')"
                    + ".getBoundingClientRect().width").asInt()).as("the badge's symbol drawn").isEqualTo(16);
            assertThat(browser.evaluate("document.querySelector('#promoted').innerText").asText()).contains("staging");
            Files.write(BuildPageInChromiumTest.SCREENSHOTS.resolve("jenkins-promotion-page.png"),
                    browser.screenshot(1280, 900));
            assertThat(browser.problems()).isEmpty();
        }
    }
}
