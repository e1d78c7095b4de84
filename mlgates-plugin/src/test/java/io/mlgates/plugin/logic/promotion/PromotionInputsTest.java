package io.mlgates.plugin.logic.promotion;

import static io.mlgates.plugin.logic.promotion.Road.at;
import static io.mlgates.plugin.logic.promotion.Road.digest;
import static io.mlgates.plugin.logic.promotion.Road.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.Status;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.release.Refusal;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.StoredResults;
import io.mlgates.plugin.logic.TrendIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence for the candidate from this build and earlier ones, read back and checked on the controller. */
class PromotionInputsTest {
    @TempDir
    Path tmp;
    Kept kept;
    PromotionInputs inputs;

    @BeforeEach
    void job() {
        kept = new Kept(tmp.resolve("builds"));
        inputs = new PromotionInputs(kept.builds(), Optional.empty());
    }

    static PromotionInputs.Ask ask(String stage) {
        return new PromotionInputs.Ask(stage, stage, "bob", "bob", Optional.of("bob"), Optional.empty(),
                "job/credit-risk/42/", Optional.empty());
    }

    private List<io.mlgates.plugin.logic.TrendEntry> index() throws Exception {
        return TrendIndex.in(kept.builds()).recent(Integer.MAX_VALUE);
    }

    @Test
    void everyResultOfThisBuildCountsTheWorstSpeaksAndAnEarlierBuildFillsAMissingGate() throws Exception {
        kept.store(41, "ethics", result("ethics", 1, Status.PASS, Kept.POLICY_DIGEST));
        kept.store(41, "ethics-other", result("ethics", 2, Status.FAIL, Kept.POLICY_DIGEST));
        ResultSummary first = kept.store(42, "validate", result("validate", 1, Status.PASS, Kept.POLICY_DIGEST));
        ResultSummary second = kept.store(42, "validate-2", result("validate", 1, Status.WARN, Kept.POLICY_DIGEST));

        PendingPromotion p = inputs.gather(ask("production"), 42, List.of(first, second), index());

        assertThat(p.candidate()).isEqualTo(digest(1));
        assertThat(p.evidence()).extracting(EvidenceRef::toString)
                .containsExactly("validate (#42 validate-2)", "ethics (#41 ethics)");
        PromotionRequest request = inputs.load(p);
        assertThat(request.results()).containsOnlyKeys("validate", "ethics");
        assertThat(request.results().get("validate").status()).isEqualTo(Status.WARN);
        assertThat(request.currentPolicy().digest()).isEqualTo(Kept.POLICY_DIGEST);
        assertThat(request.policy().stage("production").orElseThrow().train()).isTrue();
    }

    @Test
    void aResultFileChangedAfterTheControllerStoredItIsNoEvidence() throws Exception {
        ResultSummary validate = kept.store(42, "validate", result("validate", 1, Status.FAIL, Kept.POLICY_DIGEST));
        PendingPromotion p = inputs.gather(ask("staging"), 42, List.of(validate), index());
        Path file = StoredResults.file(kept.builds().resolve("42"), "validate");
        Files.writeString(file, Files.readString(file).replace("\"FAIL\"", "\"PASS\""));

        assertThatThrownBy(() -> inputs.load(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("build #42 mlgates/validate.json")
                .hasMessageContaining("changed since the controller stored it");
    }

    @Test
    void aPolicyFileThatIsNotTheOneTheResultNamesIsRefused() throws Exception {
        ResultSummary validate = kept.store(42, "validate", result("validate", 1, Status.PASS, Kept.POLICY_DIGEST));
        StoredResults.writePolicy(kept.builds().resolve("42"), "validate", Kept.POLICY.replace("quorum: 2",
                "quorum: 1"));

        assertThatThrownBy(() -> inputs.gather(ask("production"), 42, List.of(validate), index()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not the result's policy digest");
    }

    @Test
    void withoutAGateInThisBuildThereIsNothingToPromote() {
        assertThatThrownBy(() -> inputs.gather(ask("production"), 42, List.of(), List.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no gate ran in this build");
    }

    @Test
    void anUnknownStageNamesTheStagesThereAre() throws Exception {
        ResultSummary validate = kept.store(42, "validate", result("validate", 1, Status.PASS, Kept.POLICY_DIGEST));

        assertThatThrownBy(() -> inputs.gather(ask("prod"), 42, List.of(validate), index()))
                .hasMessageContaining("no stage 'prod'").hasMessageContaining("staging, production");
    }

    @Test
    void aRestartInTheMiddleJudgesThePersistedPromotionAsBefore() throws Exception {
        kept.store(41, "ethics", result("ethics", 1, Status.PASS, Kept.POLICY_DIGEST));
        ResultSummary validate = kept.store(42, "validate", result("validate", 1, Status.PASS, Kept.POLICY_DIGEST));
        try (SqliteRegistry registry = SqliteRegistry.open(tmp.resolve("registry.db"), "team", at(Road.BUILT))) {
            PendingPromotion staging = inputs.gather(ask("staging"), 42, List.of(validate), index());
            assertThat(new PromotionJudge(registry, at(Road.BUILT)).judge(inputs.load(staging),
                    staging.approvers()).kind()).isEqualTo(PromotionState.Kind.PROMOTED);

            PendingPromotion waiting = inputs.gather(ask("production"), 42, List.of(validate), index());
            registry.decide(new Approval(Road.MODEL, digest(1), "production", "alice", Approval.Decision.APPROVE,
                    "recall is fine", Road.FRIDAY));
            registry.decide(new Approval(Road.MODEL, digest(1), "production", "mallory", Approval.Decision.APPROVE,
                    "release manager", Road.FRIDAY.plusSeconds(60)));
            waiting = waiting.withApprover("mallory", "risk");
            PromotionState before = new PromotionJudge(registry, at(Road.FRIDAY)).judge(inputs.load(waiting),
                    waiting.approvers());

            PendingPromotion restored = PromotionJudgeTest.roundTrip(waiting);
            PromotionState after = new PromotionJudge(registry, at(Road.FRIDAY)).judge(inputs.load(restored),
                    restored.approvers());

            assertThat(before.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_DEPARTURE);
            assertThat(after.kind()).isEqualTo(before.kind());
            assertThat(after.refusals()).extracting(Refusal::rule).containsExactly("train.departure");
            assertThat(new PromotionJudge(registry, at(Road.DEPARTING)).judge(inputs.load(restored),
                    restored.approvers()).kind()).isEqualTo(PromotionState.Kind.PROMOTED);
        }
    }
}
