package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.Blocker;
import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardStatus;
import io.mlgates.core.board.Departure;
import io.mlgates.core.board.Expiry;
import io.mlgates.core.board.GateResultRef;
import io.mlgates.core.board.LatestCandidate;
import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.board.ModelRow;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.core.board.RegistryFacts;
import io.mlgates.core.board.StageApprovals;
import io.mlgates.core.board.TrainView;
import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-made boards, as the core's judgement would give them, for the page's tests: credit-risk blocked (no ethics
 * result for its candidate), fraud-detector waiting for a second approval before Tuesday's departure (a waiver lapses
 * before it), churn boarding, and a model whose every string is hostile.
 */
public final class BoardFixtures {
    public static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");
    public static final String DIGEST = "sha256:5f0c" + "3a9e".repeat(15);
    public static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)>\"><svg onload=alert(2)>";
    public static final String RTL = "\u202Egnp.exe\u202C";
    public static final Departure TUESDAY = new Departure("weekly",
            ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, ZoneId.of("Europe/Berlin")),
            Instant.parse("2026-12-01T09:00:00Z"));
    public static final String FRAUD_PROMOTION = "job/payments/job/fraud-detector/42/mlgates-promotion/production/";

    private BoardFixtures() {
    }

    public static ModelFacts facts(String model, String team, String job, Optional<String> train,
                                   Optional<LatestCandidate> candidate, List<PendingDecision> pending) {
        return new ModelFacts(model, Optional.of(team), Optional.of(job), Optional.of(jobLink(job)),
                PromotionPolicy.defaults(), train, List.of(new Waiver("fairness:age_band:*", "under-25 disparity, see"
                + " the model card", Optional.of("priya"), LocalDate.of(2026, 11, 30))), RegistryFacts.empty(),
                candidate, pending);
    }

    static String jobLink(String job) {
        return "job/" + job.replace("/", "/job/") + "/";
    }

    public static LatestCandidate candidate(String job, int build, Status validate, Status ethics) {
        String at = jobLink(job) + build + "/";
        List<GateResultRef> results = new ArrayList<>();
        results.add(new GateResultRef("validate", "validate", validate, Optional.of(NOW.minusSeconds(3600)),
                Optional.of(at + "mlgates/validate/")));
        if (ethics != null) {
            results.add(new GateResultRef("ethics", "ethics", ethics, Optional.of(NOW.minusSeconds(3500)),
                    Optional.of(at + "mlgates/ethics/")));
        }
        return new LatestCandidate(DIGEST, "build #" + build, Optional.of(at), results);
    }

    static Map<String, Integer> stages(Integer staging, Integer production) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("staging", staging);
        m.put("production", production);
        return m;
    }

    public static ModelRow blocked() {
        ModelFacts f = facts("credit-risk", "risk", "risk/credit-risk", Optional.of("weekly"),
                Optional.of(candidate("risk/credit-risk", 17, Status.WARN, null)), List.of());
        return new ModelRow(f, stages(3, 2), Optional.of(3), Optional.of("production"), BoardStatus.BLOCKED,
                List.of(new Blocker("evidence.missing", "no ethics result for candidate " + DIGEST
                        + ": run mlEthicsGate on it")),
                List.of(new StageApprovals("production", "model-approvers", 1, List.of(), List.of(), 1,
                        List.of("omar"))), List.of(), Optional.of(TUESDAY));
    }

    public static ModelRow waiting() {
        ModelFacts f = facts("fraud-detector", "payments", "payments/fraud-detector", Optional.of("weekly"),
                Optional.of(candidate("payments/fraud-detector", 42, Status.PASS, Status.WAIVED)),
                List.of(new PendingDecision("production", "build #42, promotion production", FRAUD_PROMOTION,
                        NOW.minusSeconds(1800))));
        return new ModelRow(f, stages(5, 4), Optional.of(5), Optional.of("production"), BoardStatus.WAITING,
                List.of(), List.of(new StageApprovals("production", "fraud-officers", 2, List.of("priya"), List.of(), 1,
                        List.of("omar", "fraud-leads"))),
                List.of(new Expiry(Expiry.Kind.WAIVER, "fairness:age_band:* (priya)",
                        Instant.parse("2026-12-01T00:00:00Z"), true),
                        new Expiry(Expiry.Kind.APPROVAL, "priya for production", Instant.parse("2026-12-27T09:12:00Z"),
                                false)), Optional.of(TUESDAY));
    }

    public static ModelRow boarding() {
        ModelFacts f = facts("churn", "growth", "growth/churn", Optional.of("weekly"),
                Optional.of(candidate("growth/churn", 8, Status.PASS, Status.PASS)), List.of());
        return new ModelRow(f, stages(2, 1), Optional.of(2), Optional.of("production"), BoardStatus.BOARDING,
                List.of(), List.of(new StageApprovals("production", "model-approvers", 1, List.of("omar"), List.of(), 0,
                        List.of())), List.of(), Optional.of(TUESDAY));
    }

    /** Every string a policy, a registry, an index or a job's name controls is hostile. */
    public static ModelRow hostile() {
        String s = MARKUP + RTL;
        LatestCandidate c = new LatestCandidate(DIGEST, "build " + s, Optional.of("job/x/1/"), List.of(
                new GateResultRef("validate", "id-" + s, Status.FAIL, Optional.empty(), Optional.of("javascript:alert(3)"))));
        ModelFacts f = new ModelFacts("model-" + s, Optional.of("team-" + s), Optional.of("job-" + s),
                Optional.of("job/x/"), PromotionPolicy.defaults(), Optional.of("train-" + s),
                List.of(new Waiver("check-" + s, "reason " + s, Optional.of("approver-" + s), LocalDate.of(2026, 12, 1))),
                RegistryFacts.empty(), Optional.of(c), List.of(new PendingDecision("production", "label " + s,
                "job/x/1/mlgates-promotion/production/", NOW)));
        return new ModelRow(f, stages(null, null), Optional.empty(), Optional.of("production"), BoardStatus.BLOCKED,
                List.of(new Blocker("rule-" + s, "message " + s)), List.of(new StageApprovals("production", "group-" + s,
                1, List.of("approver-" + s), List.of("rejecter-" + s), 1, List.of("member-" + s))),
                List.of(new Expiry(Expiry.Kind.WAIVER, "what " + s, NOW.plusSeconds(60), true)),
                Optional.of(new Departure("train-" + s, TUESDAY.departs(), TUESDAY.cutoff())));
    }

    public static Board board(BoardFilter filter, List<ModelRow> rows) {
        Map<BoardStatus, Integer> counts = new EnumMap<>(BoardStatus.class);
        for (BoardStatus s : BoardStatus.values()) {
            counts.put(s, (int) rows.stream().filter(r -> r.status() == s).count());
        }
        List<TrainView> trains = new ArrayList<>();
        List<ModelRow> weekly = rows.stream().filter(r -> r.facts().trainName().equals(Optional.of("weekly"))).toList();
        if (!weekly.isEmpty()) {
            trains.add(new TrainView("weekly", Optional.of(TUESDAY),
                    weekly.stream().filter(r -> r.status() == BoardStatus.BOARDING).toList(),
                    weekly.stream().filter(r -> r.status() == BoardStatus.WAITING).toList(),
                    weekly.stream().filter(r -> r.status() == BoardStatus.BLOCKED).toList(),
                    weekly.stream().flatMap(r -> r.expiries().stream().filter(Expiry::beforeDeparture)
                            .map(e -> new TrainView.Lapse(r, e))).toList()));
        }
        return new Board(NOW, filter, rows, trains, counts);
    }

    /** Query parameters, each given once: name, value, name, value... */
    public static Map<String, List<String>> params(String... nameValue) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return m;
    }

    public static Board board() {
        return board(BoardFilter.all(), List.of(blocked(), waiting(), boarding()));
    }
}
