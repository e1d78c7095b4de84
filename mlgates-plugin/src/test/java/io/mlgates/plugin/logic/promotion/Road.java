package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.release.CurrentPolicy;
import io.mlgates.core.release.PromotionRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A road to production with a release train, written by hand: staging (no approvals), then production, which needs
 * two approvals from group {@code risk} and rides the train of Tuesdays 14:00 in Berlin (13:00 UTC in winter, open
 * two hours, cut-off two hours before), frozen from 7 to 10 December 2026; the emergency path needs three.
 */
final class Road {
    static final String MODEL = "credit-risk";
    static final String POLICY_DIGEST = "sha256:" + "cd".repeat(32);
    static final ReleaseTrain TRAIN = new ReleaseTrain(ZoneId.of("Europe/Berlin"),
            List.of(new ReleaseTrain.Departure(DayOfWeek.TUESDAY, LocalTime.of(14, 0))), Duration.ofHours(2),
            Duration.ofHours(2), List.of(new ReleaseTrain.Freeze(LocalDateTime.of(2026, 12, 7, 0, 0),
                    LocalDateTime.of(2026, 12, 10, 0, 0), "payments migration")));
    /** Group risk lists two users by id and the Jenkins group release-managers. */
    static final PromotionPolicy POLICY = new PromotionPolicy(
            List.of(StagePolicy.of("staging"), new StagePolicy("production", List.of("validate"), true, true,
                    Optional.of(new ApprovalRule("risk", 2, Duration.ofDays(7))), true, false, false)),
            false, true, Map.of("risk", List.of("alice", "Carol", "release-managers")), Optional.of(TRAIN),
            Optional.of(new EmergencyPath(3, Optional.empty())), PromotionPolicy.DEFAULT_REGISTRY,
            PromotionPolicy.DEFAULT_RESULTS);

    /** Thursday 26 November 2026: built, judged, promoted to staging. */
    static final Instant BUILT = Instant.parse("2026-11-26T10:00:00Z");
    /** Friday 27 November. */
    static final Instant FRIDAY = Instant.parse("2026-11-27T09:00:00Z");
    /** Tuesday 1 December, 14:30 in Berlin: the departure of 14:00 is open. */
    static final Instant DEPARTING = Instant.parse("2026-12-01T13:30:00Z");
    /** Tuesday 8 December, during the freeze. */
    static final Instant FROZEN = Instant.parse("2026-12-08T13:30:00Z");

    private Road() {
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static String digest(int i) {
        return "sha256:" + String.format("%064x", i);
    }

    static GateResult validate(int candidate, Status status) {
        return result("validate", candidate, status, POLICY_DIGEST);
    }

    static GateResult result(String gate, int candidate, Status status, String policyDigest) {
        return new GateResult(gate, status, MODEL, new Candidate(digest(candidate), "model", 2, 1024),
                policyDigest, Optional.of("mlgates.yaml"), Optional.empty(),
                new DataSummary("eval/predictions.csv", TaskType.BINARY, List.of("good", "bad"), 300, 0, List.of(), 0,
                        List.of(), 9000),
                Map.of("roc_auc", MetricValue.reported("roc_auc", 0.81)),
                List.of(CheckResult.ofInput("data:rows", status, 300, "300 rows read")), Optional.empty(), BUILT,
                "test", Optional.empty(), new Evidence(List.of(), SeenChainHead.none(".mlgates/registry.db",
                "not read"), Map.of()));
    }

    static PromotionRequest request(int candidate, String stage, Optional<String> emergency) {
        return new PromotionRequest(MODEL, new Candidate(digest(candidate), "model", 2, 1024), POLICY, stage,
                Map.of("validate", validate(candidate, Status.PASS)), "bob", "bob", "model",
                Optional.of("https://ci.example/job/credit-risk/" + candidate + "/"), emergency,
                new CurrentPolicy("mlgates.yaml", POLICY_DIGEST, Optional.empty()));
    }
}
