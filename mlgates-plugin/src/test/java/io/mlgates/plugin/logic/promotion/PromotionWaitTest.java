package io.mlgates.plugin.logic.promotion;

import static io.mlgates.plugin.logic.promotion.Road.at;
import static io.mlgates.plugin.logic.promotion.Road.digest;
import static io.mlgates.plugin.logic.promotion.Road.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.attestation.Statement;
import io.mlgates.core.attestation.VerifiedEnvelope;
import io.mlgates.core.gate.Status;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TrendIndex;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.attest.Signing;
import io.mlgates.plugin.logic.attest.TestKeys;
import io.mlgates.plugin.logic.attest.UnusableKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiting step with plain objects: what each judgement does to the build and the step as time passes and people
 * decide. The build keeps what it is given; the step records how it ended or when it asked to be woken.
 */
class PromotionWaitTest {
    @TempDir
    Path tmp;
    Kept kept;
    TeamRegistry team;
    PromotionInputs inputs;
    final FakeBuild build = new FakeBuild();
    final FakeStep step = new FakeStep();
    final List<String> log = new ArrayList<>();

    static final class FakeBuild implements PromotionWait.Build {
        final Map<String, PendingPromotion> pending = new LinkedHashMap<>();
        final Map<String, PromotionView> views = new LinkedHashMap<>();
        final List<String> badges = new ArrayList<>();
        final Map<String, SignedEnvelope> attestations = new LinkedHashMap<>();
        int saves;

        @Override
        public Optional<PendingPromotion> pending(String id) {
            return Optional.ofNullable(pending.get(id));
        }

        @Override
        public boolean show(String id, PromotionView view) {
            PromotionView before = views.put(id, view);
            return before == null || !before.getKind().equals(view.getKind())
                    || before.getStillNeeded() != view.getStillNeeded();
        }

        @Override
        public void done(String id) {
            pending.remove(id);
        }

        @Override
        public void promoted(PromotionView view) {
            badges.add(view.getStage());
        }

        @Override
        public void keepAttestation(String id, SignedEnvelope summary) {
            attestations.put(id, summary);
        }

        @Override
        public void save() {
            saves++;
        }
    }

    static final class FakeStep implements PromotionWait.Step {
        Map<String, Object> value;
        String failure;
        String rejection;
        final List<Instant> wakes = new ArrayList<>();

        @Override
        public void succeed(Map<String, Object> v) {
            value = v;
        }

        @Override
        public void fail(String message) {
            failure = message;
        }

        @Override
        public void reject(String approver, String reason) {
            rejection = approver + ": " + reason;
        }

        @Override
        public void wakeAt(Instant at) {
            wakes.add(at);
        }

        boolean ended() {
            return value != null || failure != null || rejection != null;
        }
    }

    @BeforeEach
    void inStaging() throws Exception {
        kept = new Kept(tmp.resolve("builds"));
        ResultSummary ethics = kept.store(42, "ethics", result("ethics", 1, Status.PASS, Kept.POLICY_DIGEST));
        ResultSummary validate = kept.store(42, "validate", result("validate", 1, Status.WARN, Kept.POLICY_DIGEST));
        team = () -> SqliteRegistry.open(tmp.resolve("registry.db"), "team registry", at(Road.BUILT));
        inputs = new PromotionInputs(kept.builds(), Optional.empty());
        List<io.mlgates.plugin.logic.TrendEntry> index = TrendIndex.in(kept.builds()).recent(100);
        for (String stage : List.of("staging", "production")) {
            PendingPromotion p = inputs.gather(PromotionInputsTest.ask(stage), 42, List.of(ethics, validate), index);
            build.pending.put(stage, p);
        }
        judge("staging", Road.BUILT, true);
        assertThat(step.value).containsEntry("result", "promoted").containsEntry("stage", "staging")
                .containsEntry("version", 1);
        assertThat(build.badges).containsExactly("staging");
        step.value = null;
    }

    /** Nothing signed, unless a test sets a key. */
    Signing signing = Signing.none();

    private void judge(String id, Instant now, boolean failOnError) throws Exception {
        PromotionFlow flow = new PromotionFlow(team, inputs, at(now), EligibilityTest.CASE_INSENSITIVE);
        new PromotionWait(flow, at(now), signing).judge(id, failOnError, build, step, log::add);
    }

    private void decide(String approver, Approval.Decision decision, String reason, Instant when) throws Exception {
        try (ModelRegistry registry = team.open()) {
            registry.decide(new Approval(Road.MODEL, digest(1), "production", approver, decision, reason, when));
        }
    }

    @Test
    void withoutApprovalsItWaitsAsksToBeWokenAtTheDepartureAndSaysWhatItWaitsFor() throws Exception {
        judge("production", Road.FRIDAY, true);

        assertThat(step.ended()).isFalse();
        assertThat(build.pending).containsKey("production");
        assertThat(build.views.get("production").getKind()).isEqualTo("WAITING_FOR_APPROVALS");
        assertThat(step.wakes).containsExactly(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(log).last().asString().contains("waits for 2 more approvals from risk",
                "next departure Tuesday 2026-12-01 14:00 Europe/Berlin");
    }

    @Test
    void theDepartureCompletesAPromotionThatOnlyWaitedForTheTrain() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", Road.FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", Road.FRIDAY.plusSeconds(60));
        judge("production", Road.FRIDAY.plusSeconds(3600), true);
        assertThat(build.views.get("production").getKind()).isEqualTo("WAITING_FOR_DEPARTURE");
        int lines = log.size();

        judge("production", step.wakes.get(0), true);

        assertThat(step.value).containsEntry("result", "promoted").containsEntry("stage", "production")
                .containsEntry("version", 1).containsEntry("registry", "team registry");
        assertThat(build.pending).doesNotContainKey("production");
        assertThat(build.badges).containsExactly("staging", "production");
        assertThat(log.subList(lines, log.size())).singleElement().asString()
                .contains("promoted credit-risk version 1 to production in team registry; chain head");
        assertThat(build.attestations).as("no key set: nothing signed").isEmpty();
    }

    @Test
    void aFreezeKeepsItWaitingAndMovesTheWakeToTheFirstDepartureAfterIt() throws Exception {
        Instant duringFreeze = Instant.parse("2026-12-07T12:00:00Z");
        decide("alice", Approval.Decision.APPROVE, "recall is fine", duringFreeze);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", duringFreeze.plusSeconds(60));

        judge("production", Road.FROZEN, true);

        assertThat(step.ended()).isFalse();
        assertThat(build.views.get("production").getRefusals()).extracting(PromotionView.Line::getName)
                .containsExactly("train.freeze");
        assertThat(step.wakes).containsExactly(Instant.parse("2026-12-15T13:00:00Z"));
    }

    @Test
    void aRejectionEndsTheStepNamingWhoAndWhy() throws Exception {
        decide("alice", Approval.Decision.REJECT, "the disparity needs a second look", Road.FRIDAY);

        judge("production", Road.FRIDAY.plusSeconds(60), true);

        assertThat(step.rejection).isEqualTo("alice: the disparity needs a second look");
        assertThat(build.pending).doesNotContainKey("production");
    }

    @Test
    void aRefusalFailsTheBuildOrWithoutFailOnErrorReturnsEveryRuleToTheScript() throws Exception {
        ResultSummary failed = kept.store(43, "validate", result("validate", 1, Status.FAIL, Kept.POLICY_DIGEST));
        PendingPromotion production = build.pending.get("production");
        PendingPromotion elsewhere = new PendingPromotion("other", "production", digest(1),
                List.of(new EvidenceRef("validate", 43, "validate", failed.getResultDigest())), production.policy(),
                "bob", "bob", "bob", null, "job/credit-risk/43/", null, new VerifiedApprovers());
        build.pending.put("other", elsewhere);
        build.pending.put("other-2", elsewhere);

        judge("other", Road.FRIDAY, true);
        judge("other-2", Road.FRIDAY, false);

        assertThat(step.failure).startsWith("mlPromote: refused: credit-risk to production:")
                .contains("evidence.status", "evidence.missing", "failOnError: false");
        assertThat(step.value).containsEntry("result", "refused");
        assertThat(step.value.get("refusals").toString()).contains("rule=evidence.status");
    }

    @Test
    void theJobPageReadsEachStageAndItsVersionFromTheRegistry() throws Exception {
        ModelStages stages = ModelStages.read(team, Road.MODEL);

        assertThat(stages.getStages()).extracting(ModelStages.Stage::getName, ModelStages.Stage::getVersion,
                ModelStages.Stage::getDigest).containsExactly(org.assertj.core.groups.Tuple.tuple("staging", 1,
                digest(1)));
        assertThat(ModelStages.read(team, "no-such-model").getStages()).isEmpty();
    }

    @Test
    void aPromotionThatNoLongerWaitsIsLeftAlone() throws Exception {
        build.pending.remove("production");

        judge("production", Road.DEPARTING, true);

        assertThat(step.ended()).isFalse();
        assertThat(build.saves).isEqualTo(1);
    }

    @Test
    void withAKeyAPromotionKeepsItsSignedVerificationSummary() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", Road.FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", Road.FRIDAY.plusSeconds(60));
        judge("production", Road.FRIDAY.plusSeconds(3600), true);
        signing = TestKeys.sshKey("signing-openssh");

        judge("production", step.wakes.get(0), true);

        assertThat(step.value).containsEntry("result", "promoted");
        SignedEnvelope summary = build.attestations.get("production");
        VerifiedEnvelope verified = TestKeys.verify(summary, "signing-openssh.pub");
        assertThat(verified.signers()).extracting(VerifiedEnvelope.Signer::keyFingerprint)
                .containsExactly(TestKeys.OPENSSH_FINGERPRINT);
        Statement statement = Statement.parse(verified.payload(), "payload");
        assertThat(statement.predicateType()).isEqualTo("https://slsa.dev/verification_summary/v1");
        assertThat(statement.subjects()).singleElement()
                .satisfies(s -> assertThat(s.digest()).containsValue(digest(1).substring("sha256:".length())));
        JsonNode predicate = statement.predicate();
        assertThat(predicate.get("verificationResult").asText()).isEqualTo("PASSED");
        assertThat(predicate.get("timeVerified").asText()).isEqualTo(step.wakes.get(0).toString());
        JsonNode promotion = predicate.get("https://mlgates.io/attestation/promotion");
        assertThat(promotion.get("stage").asText()).isEqualTo("production");
        assertThat(promotion.get("candidate").asText()).isEqualTo(digest(1));
        assertThat(promotion.get("version").asInt()).isEqualTo(1);
        assertThat(promotion.get("auditChainHead").asText()).isNotBlank();
        List<String> approvers = new ArrayList<>();
        predicate.get("https://mlgates.io/attestation/approvals")
                .forEach(a -> approvers.add(a.get("approver").asText()));
        assertThat(approvers).containsExactlyInAnyOrder("alice", "Carol");
        assertThat(log).contains("[ML Gates] signed the promotion's Verification Summary Attestation with the key "
                + TestKeys.OPENSSH_FINGERPRINT);
    }

    @Test
    void aKeyThatCannotSignFailsThePromotionBeforeAnythingIsPromoted() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", Road.FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", Road.FRIDAY.plusSeconds(60));
        signing = new Signing(() -> {
            throw UnusableKey.missing("mlgates-signing");
        }, Optional.empty());

        judge("production", Road.DEPARTING, true);

        assertThat(step.failure).isEqualTo("mlPromote: the signing key set in Manage Jenkins cannot sign: no credential"
                + " with the id 'mlgates-signing' in Jenkins' global credentials; expected an SSH private key (\"SSH"
                + " Username with private key\") or a secret file holding an Ed25519 key; nothing was promoted. Set a"
                + " usable key there, or none to keep promotions unsigned");
        assertThat(build.pending).doesNotContainKey("production");
        assertThat(build.badges).containsExactly("staging");
        assertThat(build.attestations).isEmpty();
        assertThat(ModelStages.read(team, Road.MODEL).getStages()).extracting(ModelStages.Stage::getName)
                .containsExactly("staging");
    }
}
