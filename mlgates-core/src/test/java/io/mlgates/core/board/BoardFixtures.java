package io.mlgates.core.board;

import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.policy.Waiver;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.Registration;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Models on one road (staging, then production with the validate and ethics gates, approvals and the train), as
 * plain objects. The train leaves Tuesdays 14:00 in Berlin (13:00 UTC in December), open one hour, cut-off four
 * hours before (09:00 UTC).
 */
final class BoardFixtures {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2026-12-07 10:00 UTC: the next departure is Tuesday 2026-12-08 13:00 UTC, its cut-off 09:00 UTC. */
    static final Instant MONDAY = Instant.parse("2026-12-07T10:00:00Z");
    static final ReleaseTrain TRAIN = train(BERLIN, List.of());
    static final List<String> RISK = List.of("alice", "bob", "carol");

    private BoardFixtures() {
    }

    static ReleaseTrain train(ZoneId zone, List<ReleaseTrain.Freeze> freezes) {
        return new ReleaseTrain("release", zone, List.of(new ReleaseTrain.Departure(DayOfWeek.TUESDAY,
                LocalTime.of(14, 0))), Duration.ofHours(1), Duration.ofHours(4), freezes);
    }

    static ReleaseTrain.Freeze freeze(LocalDate from, LocalDate lastDay, String reason) {
        return new ReleaseTrain.Freeze(from.atStartOfDay(), LocalDateTime.of(lastDay.plusDays(1),
                LocalTime.MIDNIGHT), reason);
    }

    static PromotionPolicy road(ReleaseTrain train, String group, List<String> members, int quorum,
                                boolean verified) {
        return new PromotionPolicy(List.of(StagePolicy.of("staging"), new StagePolicy("production",
                List.of("validate", "ethics"), true, true, Optional.of(new ApprovalRule(group, quorum,
                Duration.ofDays(30))), true, verified, false)), false, true, Map.of(group, members),
                Optional.of(train), Optional.empty(), PromotionPolicy.DEFAULT_REGISTRY, PromotionPolicy.DEFAULT_RESULTS);
    }

    static PromotionPolicy road() {
        return road(TRAIN, "risk", RISK, 2, false);
    }

    static String digest(String model) {
        return "sha256:" + model;
    }

    static ModelVersion version(String model, int n, String author, String at) {
        return new ModelVersion(n, new Registration(model, digest(model), "model", Optional.empty(), author,
                Instant.parse(at), Map.of(), List.of()));
    }

    static Approval approve(String model, String approver, String at) {
        return new Approval(model, digest(model), "production", approver, Approval.Decision.APPROVE, "reviewed",
                Instant.parse(at));
    }

    static Approval reject(String model, String approver, String at, String reason) {
        return new Approval(model, digest(model), "production", approver, Approval.Decision.REJECT, reason,
                Instant.parse(at));
    }

    static GateResultRef result(String gate, Status status) {
        return new GateResultRef(gate, gate, status, Optional.empty(), Optional.empty());
    }

    static Optional<LatestCandidate> candidate(String model, GateResultRef... results) {
        return Optional.of(new LatestCandidate(digest(model), "build #12", Optional.empty(), Arrays.asList(results)));
    }

    static ModelFacts facts(String model, String team, PromotionPolicy road, RegistryFacts registry,
                            Optional<LatestCandidate> candidate, List<Waiver> waivers) {
        return new ModelFacts(model, Optional.of(team), Optional.of("jobs/" + model), Optional.empty(), road,
                road.train().map(ReleaseTrain::name), waivers, registry, candidate, List.of());
    }

    static RegistryFacts registry(Map<String, Integer> stages, List<ModelVersion> versions, List<Approval> production) {
        return new RegistryFacts(stages, versions, production.isEmpty() ? Map.of() : Map.of("production", production));
    }

    /** Boarding: in staging as version 3, both gates counted (ethics WAIVED), approved by alice and bob. */
    static ModelFacts fraud(String bobApprovedAt) {
        return facts("fraud", "risk", road(), registry(Map.of("staging", 3),
                        List.of(version("fraud", 3, "dana", "2026-12-01T08:00:00Z")),
                        List.of(approve("fraud", "alice", "2026-11-20T09:00:00Z"),
                                approve("fraud", "bob", bobApprovedAt))),
                candidate("fraud", result("validate", Status.PASS), result("ethics", Status.WAIVED)),
                List.of(new Waiver("ethics:fairness:*", "small group", Optional.of("carol"), LocalDate.of(2026, 12, 7)),
                        new Waiver("data:dropped_rows", "known gap", Optional.of("carol"), LocalDate.of(2027, 1, 31)),
                        new Waiver("data:rows", "expired", Optional.of("carol"), LocalDate.of(2026, 12, 1)),
                        new Waiver("data:schema", "never approved", Optional.empty(), LocalDate.of(2027, 6, 1))));
    }

    /** Blocked: no ethics result, and carol's rejection stands. */
    static ModelFacts churn() {
        return facts("churn", "growth", road(), registry(Map.of("staging", 1),
                        List.of(version("churn", 1, "dana", "2026-11-30T08:00:00Z")),
                        List.of(reject("churn", "carol", "2026-12-02T08:00:00Z", "the 60+ slice is too small to judge"))),
                candidate("churn", result("validate", Status.PASS)), List.of());
    }

    /** Waiting: bob's approval counts; carol's expired, alice authored it (four-eyes). */
    static ModelFacts credit() {
        return facts("credit", "risk", road(), registry(Map.of("staging", 2),
                        List.of(version("credit", 2, "alice", "2026-12-01T09:00:00Z")),
                        List.of(approve("credit", "carol", "2026-10-01T09:00:00Z"),
                                approve("credit", "alice", "2026-12-02T09:00:00Z"),
                                approve("credit", "bob", "2026-12-03T09:00:00Z"))),
                candidate("credit", result("validate", Status.PASS), result("ethics", Status.PASS)), List.of());
    }

    /** Blocked by the four-eyes rule: two of the two scorers must approve, and erin authored it. */
    static ModelFacts scoring() {
        return facts("scoring", "risk", road(TRAIN, "scorers", List.of("erin", "frank"), 2, false),
                registry(Map.of("staging", 1), List.of(version("scoring", 1, "erin", "2026-12-01T09:00:00Z")),
                        List.of()),
                candidate("scoring", result("validate", Status.PASS), result("ethics", Status.FAIL)), List.of());
    }

    /** Ready: an unregistered candidate heads for staging, which needs the validate gate only. */
    static ModelFacts ranker() {
        return facts("ranker", "search", road(), RegistryFacts.empty(),
                candidate("ranker", result("validate", Status.WARN)), List.of());
    }

    /** No candidate: the registry knows it, no gate judged one. */
    static ModelFacts legacy() {
        return new ModelFacts("legacy", Optional.of("growth"), Optional.empty(), Optional.empty(),
                PromotionPolicy.defaults(), Optional.empty(), List.of(), registry(Map.of("production", 5),
                List.of(), List.of()), Optional.empty(), List.of());
    }

    /** Released: version 4 is in the last stage. */
    static ModelFacts pricing() {
        return facts("pricing", "search", road(), registry(Map.of("staging", 4, "production", 4),
                        List.of(version("pricing", 4, "dana", "2026-11-01T09:00:00Z")), List.of()),
                candidate("pricing", result("validate", Status.PASS), result("ethics", Status.PASS)), List.of());
    }

    static List<ModelFacts> all() {
        return List.of(fraud("2026-12-01T12:00:00Z"), churn(), credit(), scoring(), ranker(), legacy(), pricing());
    }
}
