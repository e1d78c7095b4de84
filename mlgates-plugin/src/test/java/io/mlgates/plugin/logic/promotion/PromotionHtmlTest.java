package io.mlgates.plugin.logic.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The promotion page's fragments: everything a person typed is text, and the page says what is still needed. */
class PromotionHtmlTest {
    static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";

    /** A promotion waiting for one more approval, whose every typed string is hostile. */
    static PromotionView hostile() {
        String digest = Road.digest(1);
        PendingPromotion pending = new PendingPromotion("production", "production", digest,
                List.of(new EvidenceRef("validate", 42, "validate", digest)),
                new EvidenceRef("validate", 42, "validate", digest), "bob", "bob", "bob", null,
                "job/credit-risk/42/", "hotfix " + MARKUP, new VerifiedApprovers());
        PromotionOutcome outcome = new PromotionOutcome(PromotionOutcome.Result.REFUSED, "model " + MARKUP,
                "production", digest, OptionalInt.of(3), OptionalInt.of(2),
                List.of(new Refusal("approvals.quorum", "needs 2, has 1 " + MARKUP)),
                Optional.of(ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, ZoneId.of("Europe/Berlin"))), true,
                Optional.empty());
        PromotionState state = new PromotionState(PromotionState.Kind.WAITING_FOR_APPROVALS, outcome,
                Optional.of("risk"), 2, List.of(new Approval("m", digest, "production", "carol " + MARKUP,
                Approval.Decision.APPROVE, "reason " + MARKUP, Instant.parse("2026-11-27T09:00:00Z"))),
                List.of("eve's approval does not count: " + MARKUP), Optional.empty());
        return PromotionView.of(pending, state, Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void everyTypedStringIsTextAndTheStateIsSpelledOut() {
        PromotionView view = hostile();
        Document page = Jsoup.parseBodyFragment(PromotionHtml.page(view, "../../../"));
        Document summary = Jsoup.parseBodyFragment(PromotionHtml.summary(List.of(view), "mlgates-promotion"));

        for (Document d : List.of(page, summary)) {
            assertThat(d.select("script, img, [onerror]")).isEmpty();
        }
        assertThat(page.text()).contains("model " + MARKUP, "carol " + MARKUP, "reason " + MARKUP,
                "hotfix " + MARKUP, "1 still needed", "Tuesday 2026-12-01 14:00 Europe/Berlin",
                "waiting for approvals", "version 3");
        assertThat(page.select("a").attr("href")).isEqualTo("../../../42/mlgates/validate/");
        assertThat(summary.select("a").attr("href")).isEqualTo("mlgates-promotion/production/");
        assertThat(summary.text()).contains("1 more approval needed from risk");
    }

    @Test
    void theScriptGetsTheRefusalsAsRuleAndMessage() {
        var value = hostile().toScript("team registry");

        assertThat(value).containsEntry("result", "refused").containsEntry("version", 3)
                .containsEntry("registry", "team registry").containsEntry("emergency", true);
        assertThat(value.get("refusals")).asList().singleElement().asString().contains("approvals.quorum");
    }
}
