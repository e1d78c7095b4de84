package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import io.mlgates.plugin.logic.promotion.EvidenceRef;
import io.mlgates.plugin.logic.promotion.PendingPromotion;
import io.mlgates.plugin.logic.promotion.PromotionView;
import io.mlgates.plugin.logic.promotion.VerifiedApprovers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What build.xml keeps of a waiting promotion, and what a restart reads back: small, plain, no execution. */
class PromotionsActionTest {
    static PendingPromotion pending() {
        String digest = "sha256:" + "ab".repeat(32);
        return new PendingPromotion("production", "production", digest,
                List.of(new EvidenceRef("validate", 42, "validate", digest)),
                new EvidenceRef("validate", 42, "validate", digest), "ana", "ana", "ana", null,
                "https://ci.example/job/credit-risk/42/", null, new VerifiedApprovers().with("priya", "officers"));
    }

    @Test
    void buildXmlKeepsTheWaitingPromotionAndItsViewAndARestartReadsThemBack() {
        PromotionsAction action = new PromotionsAction();
        String id = action.reserve("production");
        action.waiting(pending(), new PromoteExecution(null, new MlPromoteStep("production")));
        PromotionView view = PromotionPageInChromiumTest.waiting();
        action.show(id, view);
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});

        String xml = xstream.toXML(action);
        PromotionsAction back = (PromotionsAction) xstream.fromXML(xml);

        assertThat(xml).doesNotContain("PromoteExecution").hasSizeLessThan(8_000);
        assertThat(back.isWaiting()).isTrue();
        PendingPromotion restored = back.pending("production");
        assertThat(restored.candidate()).isEqualTo(pending().candidate());
        assertThat(restored.evidence()).isEqualTo(pending().evidence());
        assertThat(restored.approvers().entries()).isEqualTo(pending().approvers().entries());
        assertThat(back.getViews()).singleElement().satisfies(v -> {
            assertThat(v.getKind()).isEqualTo("WAITING_FOR_APPROVALS");
            assertThat(v.getStillNeeded()).isEqualTo(1);
            assertThat(v.getApprovals()).extracting(PromotionView.Line::getName).containsExactly("priya");
        });
        assertThat(back.reserve("production")).as("ids stay taken after a restart").isEqualTo("production-2");
        assertThat(back.getIconFileName()).as("in the side panel while it waits").isNotNull();

        back.done("production");
        assertThat(back.getIconFileName()).isNull();
        assertThat(back.getViews()).as("the record stays on the build page").hasSize(1);
    }

    @Test
    void aPromotionsSignedSummaryIsNamedInBuildXmlAndLinkedFromItsPage() {
        PromotionsAction action = new PromotionsAction();
        String id = action.reserve("production");
        action.show(id, PromotionPageInChromiumTest.waiting());
        KeptAttestation kept = new KeptAttestation("SHA256:abc", "sha256:" + "ab".repeat(32));
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});
        assertThat(new PromotionPage(action, id).getAttestation()).as("nothing signed yet").isNull();
        assertThat(xstream.toXML(action)).doesNotContain("attestation");

        action.keepAttestation(id, kept);
        PromotionsAction back = (PromotionsAction) xstream.fromXML(xstream.toXML(action));

        assertThat(new PromotionPage(back, id).getAttestation()).isEqualTo(kept);
        assertThat(back.attestation("other")).isNull();
    }
}
