package io.mlgates.core.board;

import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.policy.Waiver;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.release.ApprovalTally;
import io.mlgates.core.release.Durations;
import io.mlgates.core.release.Promoter;
import io.mlgates.core.release.TrainSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges the board: for each model, where its latest candidate stands and why, by the rules a promotion applies
 * (docs/promotion.md), without promoting or verifying anything; then the trains those models ride. docs/board.md
 * states the rules.
 */
public final class Boards {
    private Boards() {
    }

    /**
     * The board of these models at {@code now}, filtered. The caller passes only the models the viewer may see:
     * the board counts nothing else.
     */
    public static Board judge(List<ModelFacts> facts, Instant now, BoardFilter filter) {
        List<ModelRow> rows = facts.stream().map(f -> row(f, now)).filter(filter::matches)
                .sorted(Comparator.comparing(ModelRow::model)
                        .thenComparing(r -> r.facts().location().orElse("")))
                .toList();
        Map<BoardStatus, Integer> counts = new EnumMap<>(BoardStatus.class);
        for (BoardStatus s : BoardStatus.values()) {
            counts.put(s, (int) rows.stream().filter(r -> r.status() == s).count());
        }
        return new Board(now, filter, rows, trains(rows, now), counts);
    }

    /** One model, judged. */
    static ModelRow row(ModelFacts facts, Instant now) {
        PromotionPolicy road = facts.promotion();
        Map<String, Integer> stageVersions = new LinkedHashMap<>();
        for (StagePolicy stage : road.stages()) {
            Integer version = facts.registry().stages().get(stage.name());
            if (version != null) {
                stageVersions.put(stage.name(), version);
            }
        }
        List<Expiry> waivers = waivers(facts, now);
        if (facts.candidate().isEmpty()) {
            return new ModelRow(facts, stageVersions, Optional.empty(), Optional.empty(), BoardStatus.NO_CANDIDATE,
                    List.of(), List.of(), flagged(waivers, Optional.empty()), Optional.empty());
        }
        LatestCandidate candidate = facts.candidate().get();
        Optional<ModelVersion> registered = facts.registry().versions().stream()
                .filter(v -> v.digest().equals(candidate.digest())).findFirst();
        Optional<Integer> version = registered.map(ModelVersion::version);
        int next = 0;
        if (version.isPresent()) {
            for (int i = 0; i < road.stages().size(); i++) {
                if (version.get().equals(stageVersions.get(road.stages().get(i).name()))) {
                    next = i + 1;
                }
            }
        }
        if (next == road.stages().size()) {
            return new ModelRow(facts, stageVersions, version, Optional.empty(), BoardStatus.RELEASED, List.of(),
                    List.of(), flagged(waivers, Optional.empty()), Optional.empty());
        }
        StagePolicy stage = road.stages().get(next);
        List<Blocker> blockers = new ArrayList<>();
        evidence(candidate, stage, blockers);
        List<StageApprovals> approvals = new ArrayList<>();
        List<Expiry> expiries = new ArrayList<>(waivers);
        Optional<ApprovalTally> tally = Optional.empty();
        for (StagePolicy later : road.stages().subList(next, road.stages().size())) {
            if (later.approvals().isPresent()) {
                Tallied t = tally(facts, later, registered, now);
                approvals.add(t.shown());
                t.tally().ifPresent(x -> x.counted().forEach(a -> expiries.add(new Expiry(Expiry.Kind.APPROVAL,
                        a.approver() + "'s approval for " + later.name(),
                        a.at().plus(later.approvals().get().expiresAfter()), false))));
                if (later == stage) {
                    tally = t.tally();
                    approvalBlockers(road, stage, t, blockers);
                }
            }
        }
        Optional<Departure> departure = Optional.empty();
        if (stage.train() && road.train().isPresent()) {
            String trainName = facts.trainName().orElse(road.train().get().name());
            TrainSchedule schedule = new TrainSchedule(road.train().get());
            Optional<ZonedDateTime> heading = heading(schedule, now);
            if (heading.isEmpty()) {
                blockers.add(new Blocker("train.freeze", "stage " + stage.name() + " rides train " + trainName
                        + ", and no departure is scheduled outside its freezes"));
            } else {
                departure = Optional.of(new Departure(trainName, heading.get(), schedule.cutoff(heading.get())));
                cutoff(schedule, stage, departure.get(), registered, tally, now, blockers);
            }
        }
        BoardStatus status;
        if (!blockers.isEmpty()) {
            status = BoardStatus.BLOCKED;
        } else if (approvals.stream().anyMatch(a -> a.stage().equals(stage.name()) && a.stillNeeded() > 0)) {
            status = BoardStatus.WAITING;
        } else {
            status = stage.train() ? BoardStatus.BOARDING : BoardStatus.READY;
        }
        return new ModelRow(facts, stageVersions, version, Optional.of(stage.name()), status, blockers, approvals,
                flagged(expiries, departure), departure);
    }

    /** The departure a promotion would ride: the one open now (outside a freeze), else the next one. */
    static Optional<ZonedDateTime> heading(TrainSchedule schedule, Instant now) {
        Optional<ZonedDateTime> open = schedule.freezeAt(now).isEmpty() ? schedule.openDeparture(now)
                : Optional.empty();
        return open.or(() -> schedule.nextDeparture(now));
    }

    private static void evidence(LatestCandidate candidate, StagePolicy stage, List<Blocker> blockers) {
        for (String gate : stage.gates()) {
            List<GateResultRef> results = candidate.results().stream().filter(r -> r.gate().equals(gate)).toList();
            if (results.isEmpty()) {
                blockers.add(new Blocker("evidence.missing", "no result of the " + gate + " gate for this candidate ("
                        + candidate.label() + "); stage " + stage.name() + " needs one: run the gate on it"));
                continue;
            }
            // of several results of a gate (two ids), the worst stands; of equal ones the newest (listed last)
            GateResultRef worst = results.get(results.size() - 1);
            for (GateResultRef r : results) {
                if (Status.WORST_FIRST.compare(r.status(), worst.status()) < 0) {
                    worst = r;
                }
            }
            if (!Promoter.counts(worst.status(), stage)) {
                blockers.add(new Blocker("evidence.status", "the " + gate + " gate's status is " + worst.status()
                        + (worst.id().equals(gate) ? "" : " (result " + worst.id() + ")") + "; stage " + stage.name()
                        + " accepts " + Promoter.accepted(stage)));
            }
        }
    }

    /** A stage's approvals as shown, with the tally behind them when the candidate is registered. */
    private record Tallied(StageApprovals shown, Optional<ApprovalTally> tally, List<String> members,
                           Optional<String> author) {
    }

    private static Tallied tally(ModelFacts facts, StagePolicy stage, Optional<ModelVersion> registered,
                                 Instant now) {
        PromotionPolicy road = facts.promotion();
        ApprovalRule rule = stage.approvals().orElseThrow();
        List<String> members = road.members(rule.group());
        if (registered.isEmpty()) {
            return new Tallied(new StageApprovals(stage.name(), rule.group(), rule.quorum(), List.of(), List.of(),
                    rule.quorum(), members, stage.verifiedIdentity(), List.of()), Optional.empty(), members,
                    Optional.empty());
        }
        List<String> notCounted = new ArrayList<>();
        List<Approval> decisions = new ArrayList<>();
        for (Approval a : facts.registry().approvals().getOrDefault(stage.name(), List.of())) {
            // The promotion verifies signatures against the organisation's signers; the board only sets aside what
            // could never verify: a declared approval on a stage that counts verified ones alone.
            if (stage.verifiedIdentity() && a.decision() == Approval.Decision.APPROVE && a.signature().isEmpty()) {
                decisions.removeIf(d -> d.approver().equals(a.approver()));
                notCounted.removeIf(n -> n.startsWith(a.approver() + "'s "));
                notCounted.add(a.approver() + "'s approval does not count: stage " + stage.name() + " counts only"
                        + " verified approvals, and it is declared");
            } else {
                notCounted.removeIf(n -> n.startsWith(a.approver() + "'s "));
                decisions.add(a);
            }
        }
        String author = registered.get().author();
        ApprovalTally tally = ApprovalTally.of(decisions, road, rule.group(), rule.expiresAfter(), author, now);
        notCounted.addAll(tally.ignored());
        List<String> approvedBy = tally.approvers();
        List<String> may = members.stream().filter(m -> !approvedBy.contains(m))
                .filter(m -> !(road.fourEyes() && m.equals(author))).toList();
        return new Tallied(new StageApprovals(stage.name(), rule.group(), rule.quorum(), approvedBy,
                tally.rejections().stream().map(Approval::approver).toList(),
                Math.max(0, rule.quorum() - approvedBy.size()), may, stage.verifiedIdentity(), notCounted),
                Optional.of(tally), members, Optional.of(author));
    }

    private static void approvalBlockers(PromotionPolicy road, StagePolicy stage, Tallied t,
                                         List<Blocker> blockers) {
        StageApprovals shown = t.shown();
        String needs = "stage " + stage.name() + " needs " + shown.quorum() + " approval"
                + (shown.quorum() == 1 ? "" : "s") + " from group " + shown.group();
        if (t.tally().isEmpty()) {
            blockers.add(new Blocker("approvals.quorum", needs + ", and approvals are given only to a registered"
                    + " candidate; this one is unregistered, and only a promotion registers it"));
            return;
        }
        for (Approval rejection : t.tally().get().rejections()) {
            blockers.add(new Blocker("approvals.rejected", rejection.approver() + " rejected it at " + rejection.at()
                    + ": " + rejection.reason()));
        }
        if (t.members().isEmpty()) {
            blockers.add(new Blocker("approvals.quorum", needs + ", and group " + shown.group() + " has no members:"
                    + " list who may approve under promotion.groups"));
        } else if (shown.mayStillApprove().size() < shown.stillNeeded()) {
            Optional<String> barred = t.author().filter(a -> road.fourEyes() && t.members().contains(a));
            blockers.add(new Blocker("approvals.quorum", needs + ", has " + shown.approvedBy().size() + ", and only "
                    + shown.mayStillApprove().size() + " more member" + (shown.mayStillApprove().size() == 1 ? ""
                    : "s") + " may still approve" + barred.map(a -> " (" + a + " authored the candidate: four-eyes"
                    + " rule)").orElse("")));
        }
    }

    /** Once the cut-off of the departure has passed, what the promotion's {@code train.cutoff} rule would refuse. */
    private static void cutoff(TrainSchedule schedule, StagePolicy stage, Departure departure,
                               Optional<ModelVersion> registered, Optional<ApprovalTally> tally, Instant now,
                               List<Blocker> blockers) {
        if (now.isBefore(departure.cutoff())) {
            return;
        }
        String following = schedule.nextDeparture(departure.departs().toInstant())
                .map(d -> "; the following departure is " + schedule.show(d) + " (cut-off "
                        + schedule.show(schedule.cutoff(d)) + ")")
                .orElse("; no later departure is scheduled outside the freezes");
        String which = "the cut-off " + schedule.show(departure.cutoff()) + " of the departure "
                + schedule.show(departure.departs());
        if (registered.isPresent() && registered.get().registration().at().isAfter(departure.cutoff())) {
            blockers.add(new Blocker("train.cutoff", "the candidate was registered at "
                    + registered.get().registration().at() + ", after " + which + following));
        }
        if (tally.isPresent() && stage.approvals().isPresent()) {
            int quorum = stage.approvals().get().quorum();
            long byCutoff = tally.get().counted().stream().filter(a -> !a.at().isAfter(departure.cutoff())).count();
            if (byCutoff < quorum) {
                blockers.add(new Blocker("train.cutoff", "the quorum of " + quorum + " approval"
                        + (quorum == 1 ? "" : "s") + " was not reached by " + which + " (" + byCutoff + " by then)"
                        + following));
            }
        }
    }

    /**
     * The waivers in force: each lapses at the start of the day after its {@code expires}, in UTC, the day the gates
     * apply waivers on and the promotion's {@code evidence.waiver} rule judges by, whatever the train's zone.
     */
    private static List<Expiry> waivers(ModelFacts facts, Instant now) {
        ZoneId zone = ZoneOffset.UTC;
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Expiry> inForce = new ArrayList<>();
        for (Waiver w : facts.waivers()) {
            if (w.isValidOn(today)) {
                inForce.add(new Expiry(Expiry.Kind.WAIVER, "waiver of " + w.check() + " approved by "
                        + w.approver().orElseThrow() + ": " + w.reason(),
                        w.expires().plusDays(1).atStartOfDay(zone).toInstant(), false));
            }
        }
        return inForce;
    }

    private static List<Expiry> flagged(List<Expiry> expiries, Optional<Departure> departure) {
        return expiries.stream().map(e -> new Expiry(e.kind(), e.what(), e.lapses(), departure.isPresent()
                && e.lapses().isBefore(departure.get().departs().toInstant())))
                .sorted(Comparator.comparing(Expiry::lapses)).toList();
    }

    /** Each train the rows name, with what rides its next departure. */
    private static List<TrainView> trains(List<ModelRow> rows, Instant now) {
        Map<String, List<ModelRow>> byTrain = new TreeMap<>();
        for (ModelRow row : rows) {
            trainOf(row.facts()).ifPresent(t -> byTrain.computeIfAbsent(t, k -> new ArrayList<>()).add(row));
        }
        List<TrainView> views = new ArrayList<>();
        byTrain.forEach((name, members) -> {
            Map<ReleaseTrain, List<String>> schedules = new LinkedHashMap<>();
            for (ModelRow row : members) {
                row.facts().promotion().train().ifPresent(t -> schedules.computeIfAbsent(t, k -> new ArrayList<>())
                        .add(row.model()));
            }
            Optional<Departure> next = schedules.keySet().stream().flatMap(t -> {
                TrainSchedule schedule = new TrainSchedule(t);
                return heading(schedule, now).map(d -> new Departure(name, d, schedule.cutoff(d))).stream();
            }).min(Comparator.comparing(d -> d.departs().toInstant()));
            List<ModelRow> riding = members.stream().filter(Boards::ridesNext).toList();
            views.add(new TrainView(name, next, withStatus(riding, BoardStatus.BOARDING),
                    withStatus(riding, BoardStatus.WAITING), withStatus(riding, BoardStatus.BLOCKED),
                    riding.stream().flatMap(r -> r.expiries().stream().filter(Expiry::beforeDeparture)
                                    .map(e -> new TrainView.Lapse(r, e)))
                            .sorted(Comparator.comparing((TrainView.Lapse l) -> l.expiry().lapses())
                                    .thenComparing(l -> l.row().model())).toList(),
                    disagreement(name, schedules)));
        });
        return views;
    }

    private static Optional<String> trainOf(ModelFacts facts) {
        return facts.trainName().or(() -> facts.promotion().train().map(ReleaseTrain::name));
    }

    /** Whether the stage the row's candidate heads for rides the train. */
    private static boolean ridesNext(ModelRow row) {
        return row.nextStage().flatMap(s -> row.facts().promotion().stage(s)).map(StagePolicy::train).orElse(false);
    }

    private static List<ModelRow> withStatus(List<ModelRow> rows, BoardStatus status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }

    private static Optional<String> disagreement(String name, Map<ReleaseTrain, List<String>> schedules) {
        if (schedules.size() < 2) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        schedules.forEach((train, models) -> parts.add(String.join(", ", models) + ": " + describe(train)));
        return Optional.of("the models riding train " + name + " write different schedules for it; each promotion"
                + " follows its own policy's: " + String.join("; ", parts));
    }

    /** A schedule in a few words: {@code Europe/Berlin, tuesday 14:00, window 1h, cut-off 4h, 1 freeze}. */
    static String describe(ReleaseTrain train) {
        StringBuilder text = new StringBuilder(train.zone().getId());
        for (ReleaseTrain.Departure d : train.departures()) {
            text.append(", ").append(d.day().name().toLowerCase(Locale.ROOT)).append(' ').append(d.time());
        }
        text.append(", window ").append(Durations.show(train.window()))
                .append(", cut-off ").append(Durations.show(train.cutoff()));
        if (!train.freezes().isEmpty()) {
            text.append(", ").append(train.freezes().size()).append(train.freezes().size() == 1 ? " freeze"
                    : " freezes");
        }
        return text.toString();
    }
}
