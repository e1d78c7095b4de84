package io.mlgates.core.release;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.metrics.TaskType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A credit-risk road to production with a train, and gate results to promote along it. */
final class ReleaseFixtures {
    static final String MODEL = "credit-risk";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesdays 14:00 in Berlin (13:00 UTC in winter), open two hours, cut-off two hours before. */
    static final ReleaseTrain TRAIN = new ReleaseTrain(BERLIN,
            List.of(new ReleaseTrain.Departure(DayOfWeek.TUESDAY, LocalTime.of(14, 0))), Duration.ofHours(2),
            Duration.ofHours(2), List.of(new ReleaseTrain.Freeze(LocalDateTime.of(2026, 12, 7, 0, 0),
                    LocalDateTime.of(2026, 12, 10, 0, 0), "payments migration")));
    static final PromotionPolicy POLICY = new PromotionPolicy(
            List.of(StagePolicy.of("staging"), new StagePolicy("production", List.of("validate"), true, true,
                    Optional.of(new ApprovalRule("risk", 2, Duration.ofDays(7))), true, false, false)),
            false, true, Map.of("risk", List.of("alice", "carol", "dave", "erin")), Optional.of(TRAIN),
            Optional.of(new EmergencyPath(3, Optional.empty())), PromotionPolicy.DEFAULT_REGISTRY,
            PromotionPolicy.DEFAULT_RESULTS);

    private ReleaseFixtures() {
    }

    static String digest(int i) {
        return "sha256:" + String.format("%064x", i);
    }

    static Candidate candidate(int i) {
        return new Candidate(digest(i), "model", 2, 1024);
    }

    static GateResult result(String gate, Status status, String digest, Instant at) {
        return new GateResult(gate, status, MODEL, new Candidate(digest, "model", 2, 1024),
                "sha256:" + "cd".repeat(32), Optional.of("mlgates.yaml"), Optional.empty(),
                new DataSummary("eval/predictions.csv", TaskType.BINARY, List.of("good", "bad"), 300, 0, List.of(), 0, List.of(),
                        9000),
                Map.of("roc_auc", MetricValue.reported("roc_auc", 0.81)),
                List.of(CheckResult.ofInput("data:rows", status, 300, "300 rows read")), Optional.empty(), at,
                "0.1.0-test", Optional.empty(),
                        new Evidence(List.of(), SeenChainHead.none(".mlgates/registry.db", "not read"), Map.of()));
    }

    static Map<String, GateResult> passed(int candidate, Instant at) {
        return Map.of("validate", result("validate", Status.PASS, digest(candidate), at));
    }

    /** The repository's policy as the fixtures' results were judged under it. */
    static final CurrentPolicy CURRENT = new CurrentPolicy("mlgates.yaml", "sha256:" + "cd".repeat(32),
            Optional.empty());

    static PromotionRequest request(int candidate, String stage, Map<String, GateResult> results) {
        return new PromotionRequest(MODEL, candidate(candidate), POLICY, stage, results, "jenkins", "alice",
                "model", Optional.of("https://ci.example/job/credit-risk/" + candidate), Optional.empty(), CURRENT);
    }

    static PromotionRequest emergency(int candidate, String stage, Map<String, GateResult> results, String reason) {
        PromotionRequest r = request(candidate, stage, results);
        return new PromotionRequest(r.model(), r.candidate(), r.policy(), r.stage(), r.results(), r.actor(),
                r.author(), r.source(), r.buildLink(), Optional.of(reason), r.currentPolicy());
    }
}
