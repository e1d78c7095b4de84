package io.mlgates.plugin.logic.promotion;

import static io.mlgates.plugin.logic.promotion.Road.BUILT;
import static io.mlgates.plugin.logic.promotion.Road.DEPARTING;
import static io.mlgates.plugin.logic.promotion.Road.FRIDAY;
import static io.mlgates.plugin.logic.promotion.Road.FROZEN;
import static io.mlgates.plugin.logic.promotion.Road.MODEL;
import static io.mlgates.plugin.logic.promotion.Road.at;
import static io.mlgates.plugin.logic.promotion.Road.digest;
import static io.mlgates.plugin.logic.promotion.Road.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.Refusal;
import io.mlgates.plugin.logic.TeamRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiting logic of mlPromote, judged with plain objects against a real embedded registry. */
class PromotionJudgeTest {
    @TempDir
    Path tmp;
    TeamRegistry team;
    SqliteRegistry registry;

    @BeforeEach
    void inStaging() throws Exception {
        team = () -> SqliteRegistry.open(tmp.resolve("registry.db"), "team registry", at(BUILT));
        registry = (SqliteRegistry) team.open();
        assertThat(judge(BUILT, "staging", Optional.empty()).kind()).isEqualTo(PromotionState.Kind.PROMOTED);
    }

    @AfterEach
    void close() throws Exception {
        registry.close();
    }

    private PromotionState judge(Instant now, String stage, Optional<String> emergency) throws Exception {
        return judge(now, stage, emergency, new VerifiedApprovers());
    }

    private PromotionState judge(Instant now, String stage, Optional<String> emergency, VerifiedApprovers verified)
            throws Exception {
        return new PromotionJudge(registry, at(now)).judge(request(1, stage, emergency), verified);
    }

    private void decide(String approver, Approval.Decision decision, String reason, Instant when) throws Exception {
        registry.decide(new Approval(MODEL, digest(1), "production", approver, decision, reason, when));
    }

    @Test
    void withoutApprovalsItWaitsForTheQuorumAndSaysHowManyAreMissing() throws Exception {
        PromotionState state = judge(FRIDAY, "production", Optional.empty());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_APPROVALS);
        assertThat(state.group()).contains("risk");
        assertThat(state.quorum()).isEqualTo(2);
        assertThat(state.stillNeeded()).isEqualTo(2);
        assertThat(state.refusals()).extracting(Refusal::rule).contains("approvals.quorum");
        assertThat(state.nextDeparture()).hasValueSatisfying(d -> assertThat(d.toInstant())
                .isEqualTo(Instant.parse("2026-12-01T13:00:00Z")));
    }

    @Test
    void oneApproverTwiceCountsOnceAndTheQuorumNeedsDistinctApprovers() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("alice", Approval.Decision.APPROVE, "still fine", FRIDAY.plusSeconds(60));

        PromotionState state = judge(DEPARTING, "production", Optional.empty());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_APPROVALS);
        assertThat(state.counted()).extracting(Approval::approver).containsExactly("alice");
        assertThat(state.stillNeeded()).isEqualTo(1);
    }

    @Test
    void aQuorumOfMembersOnAnOpenDepartureIsPromoted() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", FRIDAY.plusSeconds(60));

        PromotionState state = judge(DEPARTING, "production", Optional.empty());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.PROMOTED);
        assertThat(registry.current(MODEL, "production")).hasValue(1);
    }

    @Test
    void aQuorumBeforeTheDepartureWaitsForTheTrainAndTheDepartureCompletesIt() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", FRIDAY.plusSeconds(60));

        PromotionState before = judge(FRIDAY.plus(Duration.ofHours(1)), "production", Optional.empty());

        assertThat(before.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_DEPARTURE);
        assertThat(before.stillNeeded()).isZero();
        assertThat(before.refusals()).extracting(Refusal::rule).containsExactly("train.departure");
        assertThat(registry.current(MODEL, "production")).isEmpty();
        assertThat(judge(before.nextDeparture().orElseThrow().toInstant(), "production", Optional.empty()).kind())
                .isEqualTo(PromotionState.Kind.PROMOTED);
    }

    @Test
    void aFreezeKeepsAReadyCandidateWaitingForTheFirstDepartureAfterIt() throws Exception {
        Instant duringFreeze = Instant.parse("2026-12-07T12:00:00Z");
        decide("alice", Approval.Decision.APPROVE, "recall is fine", duringFreeze);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", duringFreeze.plusSeconds(60));

        PromotionState state = judge(FROZEN, "production", Optional.empty());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_DEPARTURE);
        assertThat(state.refusals()).extracting(Refusal::rule).containsExactly("train.freeze");
        assertThat(state.nextDeparture()).hasValueSatisfying(d -> assertThat(d.toInstant())
                .isEqualTo(Instant.parse("2026-12-15T13:00:00Z")));
    }

    @Test
    void approvalsThatExpiredWhileWaitingNoLongerCount() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", FRIDAY.plusSeconds(60));

        // the policy lets approvals last 7 days: by 15 December both have expired
        PromotionState state = judge(Instant.parse("2026-12-15T13:30:00Z"), "production", Optional.empty());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_APPROVALS);
        assertThat(state.counted()).isEmpty();
        assertThat(state.ignored()).hasSize(2).allSatisfy(i -> assertThat(i).contains("expired"));
    }

    @Test
    void aRejectionEndsTheWaitNamingWhoAndWhy() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("Carol", Approval.Decision.REJECT, "the under-25 disparity needs a second look", FRIDAY.plusSeconds(60));

        PromotionState state = judge(DEPARTING, "production", Optional.empty());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.REJECTED);
        assertThat(state.rejection()).hasValueSatisfying(r -> {
            assertThat(r.approver()).isEqualTo("Carol");
            assertThat(r.reason()).isEqualTo("the under-25 disparity needs a second look");
        });
    }

    @Test
    void theAuthorsOwnApprovalDoesNotCount() throws Exception {
        decide("bob", Approval.Decision.APPROVE, "mine is good", FRIDAY);

        // even verified as a member of the group, the author's approval is no second pair of eyes
        PromotionState state = judge(DEPARTING, "production", Optional.empty(),
                new VerifiedApprovers().with("bob", "risk"));

        assertThat(state.counted()).isEmpty();
        assertThat(state.ignored()).singleElement().asString().contains("four-eyes");
    }

    @Test
    void aUserEligibleThroughAJenkinsGroupCountsOnceTheControllerVerifiedThem() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("mallory", Approval.Decision.APPROVE, "release manager's view", FRIDAY.plusSeconds(60));

        assertThat(judge(DEPARTING, "production", Optional.empty()).counted()).extracting(Approval::approver)
                .containsExactly("alice");
        PromotionState state = judge(DEPARTING, "production", Optional.empty(),
                new VerifiedApprovers().with("mallory", "risk"));

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.PROMOTED);
    }

    static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theEmergencyPathSkipsTheTrainButNeedsItsOwnLargerQuorum() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("Carol", Approval.Decision.APPROVE, "fairness reviewed", FRIDAY.plusSeconds(60));
        Optional<String> reason = Optional.of("the scoring bug costs money every hour");
        // Monday 30 November: no departure is open, and the emergency path does not wait for one

        PromotionState two = judge(MONDAY, "production", reason);

        assertThat(two.kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_APPROVALS);
        assertThat(two.quorum()).isEqualTo(3);
        assertThat(two.stillNeeded()).isEqualTo(1);
        assertThat(two.refusals()).extracting(Refusal::rule).containsExactly("emergency.quorum");

        decide("mallory", Approval.Decision.APPROVE, "on call, agreed", FRIDAY.plusSeconds(120));
        PromotionState three = judge(MONDAY, "production", reason,
                new VerifiedApprovers().with("mallory", "risk"));

        assertThat(three.kind()).isEqualTo(PromotionState.Kind.PROMOTED);
        assertThat(three.outcome().emergency()).isTrue();
    }

    @Test
    void missingEvidenceIsRefusedAtOnceAlongsideTheMissingApprovals() throws Exception {
        var request = request(2, "production", Optional.empty());

        PromotionState state = new PromotionJudge(registry, at(DEPARTING)).judge(request, new VerifiedApprovers());

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.REFUSED);
        assertThat(state.refusals()).extracting(Refusal::rule).contains("order", "approvals.quorum");
    }

    @Test
    void aGroupWithNobodyInItIsRefusedRatherThanWaitedForEver() {
        var outcome = new io.mlgates.core.release.PromotionOutcome(io.mlgates.core.release.PromotionOutcome.Result
                .REFUSED, MODEL, "production", digest(1), java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), java.util.List.of(new Refusal("approvals.quorum", "needs 1")),
                Optional.empty(), false, Optional.empty());

        assertThat(PromotionJudge.kind(outcome, false)).isEqualTo(PromotionState.Kind.REFUSED);
        assertThat(PromotionJudge.kind(outcome, true)).isEqualTo(PromotionState.Kind.WAITING_FOR_APPROVALS);
    }

    @Test
    void afterARestartTheVerifiedApproversRestoredFromTheBuildCountAsBefore() throws Exception {
        decide("alice", Approval.Decision.APPROVE, "recall is fine", FRIDAY);
        decide("mallory", Approval.Decision.APPROVE, "release manager's view", FRIDAY.plusSeconds(60));
        VerifiedApprovers kept = new VerifiedApprovers().with("mallory", "risk");
        registry.close();

        VerifiedApprovers restored = roundTrip(kept);
        registry = (SqliteRegistry) team.open();

        assertThat(restored.entries()).isEqualTo(kept.entries());
        assertThat(judge(DEPARTING, "production", Optional.empty(), restored).kind())
                .isEqualTo(PromotionState.Kind.PROMOTED);
    }

    static <T extends java.io.Serializable> T roundTrip(T value) throws Exception {
        return io.mlgates.plugin.logic.Serialization.roundTrip(value);
    }
}
