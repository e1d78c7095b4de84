package io.mlgates.core.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.OrganisationRef;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.GateEvidence;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.Recorded;
import io.mlgates.core.registry.Registration;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.StageConflictException;
import io.mlgates.core.registry.StageMove;
import io.mlgates.core.registry.StageMoveRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Promotes a candidate to a stage when the policy's rules hold for its exact digest: the stage order, the evidence
 * (each required gate's result for this digest counts as passed), the approvals (a quorum of distinct group members,
 * not the author, not expired, no rejection standing) and the release train (a departure is open, its cut-off met,
 * no freeze), or the emergency path with its larger quorum and a written reason. Every rule is judged, so a refusal
 * lists everything that is missing. The stage moves only from the version it pointed to when judged, and nothing is
 * judged on a registry whose audit chain, or whose state replayed against it, does not hold: approvals count only as
 * the chain records them.
 */
public final class Promoter {
    private final ModelRegistry registry;
    private final Clock clock;
    private final Optional<AllowedSigners> signers;

    public Promoter(ModelRegistry registry, Clock clock) {
        this(registry, clock, Optional.empty());
    }

    /**
     * @param signers the organisation's allowed signers, which verify approvals on stages that accept only verified
     *     ones; empty when the organisation policy names none
     */
    public Promoter(ModelRegistry registry, Clock clock, Optional<AllowedSigners> signers) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signers = Objects.requireNonNull(signers, "signers");
    }

    /** Judges against the stage as it is now, and moves it from there. */
    public PromotionOutcome promote(PromotionRequest request) throws BadInputException, RegistryException {
        return promote(request, registry.current(request.model(), request.stage()));
    }

    /**
     * Judges a promotion that expects the stage to point to {@code expected}; if it points elsewhere when the move is
     * made, another promotion won and this one is refused.
     */
    public PromotionOutcome promote(PromotionRequest request, OptionalInt expected) throws BadInputException,
            RegistryException {
        PromotionPolicy policy = request.policy();
        StagePolicy stage = stageOf(policy, request.stage());
        Instant now = clock.instant();
        AuditVerification record = RecordCheck.verify(registry);
        Optional<AuditHead> seen = record.head();
        List<Refusal> tampered = RecordCheck.refusals(record, registry.location());
        if (!tampered.isEmpty()) {
            return outcome(PromotionOutcome.Result.REFUSED, request, OptionalInt.empty(), expected, tampered,
                    Optional.empty(), false, seen);
        }
        Optional<ModelVersion> registered = registry.versionByDigest(request.model(), request.digest());
        OptionalInt version = registered.map(v -> OptionalInt.of(v.version())).orElse(OptionalInt.empty());
        if (version.isPresent() && version.equals(expected)) {
            return outcome(PromotionOutcome.Result.UNCHANGED, request, version, expected, List.of(), Optional.empty(),
                    false, seen);
        }
        if (request.emergencyReason().isPresent() && request.emergencyReason().get().isBlank()) {
            throw new BadInputException("--emergency", 0, 0, "the emergency path needs a written reason");
        }
        boolean emergency = request.emergencyReason().isPresent();
        String author = registered.map(ModelVersion::author).orElse(request.author());

        List<Refusal> refusals = new ArrayList<>();
        if (request.candidate().kind() == Candidate.Kind.PREDICTIONS) {
            refusals.add(new Refusal("candidate.kind", "the candidate is a prediction file ("
                    + request.candidate().artifacts() + "), not a model: without model artefacts nothing ties what"
                    + " would be deployed to this verdict. Put the model's files in " + Policy.DEFAULT_ARTIFACTS
                    + "/ (or name them with model.artifacts), run the gates again, then promote"));
        }
        order(request, policy, registered, refusals);
        List<GateEvidence> evidence = evidence(request, stage, LocalDate.ofInstant(now, ZoneOffset.UTC), refusals);
        Optional<ApprovalTally> tally = approvals(request, stage, author, version, emergency, now, refusals);
        Optional<ZonedDateTime> departure = Optional.empty();
        Optional<ZonedDateTime> next = Optional.empty();
        if (stage.train() && !emergency) {
            TrainSchedule schedule = new TrainSchedule(policy.train().orElseThrow());
            next = schedule.nextDeparture(now);
            departure = train(schedule, stage, tally, registered, now, next, refusals);
        }
        if (!refusals.isEmpty()) {
            return outcome(PromotionOutcome.Result.REFUSED, request, version, expected, refusals, next, emergency,
                    seen, tally);
        }

        ModelVersion target = registered.isPresent() ? registered.get() : registry.register(new Registration(
                request.model(), request.digest(), request.source(), request.buildLink(), author, now,
                metrics(request.results()), evidence), request.actor());
        String moveEvidence = moveEvidence(evidence, tally, departure);
        try {
            Recorded<StageMove> move = registry.move(new StageMoveRequest(request.model(), request.stage(), expected,
                    target.version(), StageMove.Kind.PROMOTE, request.actor(), now,
                    request.emergencyReason().orElse(""), emergency, moveEvidence));
            return outcome(PromotionOutcome.Result.PROMOTED, request, OptionalInt.of(target.version()),
                    move.value().from(), List.of(), Optional.empty(), emergency, Optional.of(move.head()), tally);
        } catch (StageConflictException e) {
            return outcome(PromotionOutcome.Result.REFUSED, request, OptionalInt.of(target.version()), e.actual(),
                    List.of(new Refusal("stage.conflict", e.getMessage())), Optional.empty(), emergency,
                    registry.head(), tally);
        }
    }

    static StagePolicy stageOf(PromotionPolicy policy, String name) throws BadInputException {
        Optional<StagePolicy> stage = policy.stage(name);
        if (stage.isEmpty()) {
            List<String> names = policy.stages().stream().map(StagePolicy::name).toList();
            throw new BadInputException("promotion.stages", 0, 0, "no stage '" + name + "'; the stages are "
                    + String.join(", ", names));
        }
        return stage.get();
    }

    private void order(PromotionRequest request, PromotionPolicy policy, Optional<ModelVersion> registered,
                       List<Refusal> refusals) throws RegistryException {
        int index = policy.indexOf(request.stage());
        if (index == 0 || policy.allowSkipping()) {
            return;
        }
        String previous = policy.stages().get(index - 1).name();
        boolean wasThere = registered.isPresent() && registry.history(request.model()).stream()
                .anyMatch(m -> m.stage().equals(previous) && m.to() == registered.get().version());
        if (!wasThere) {
            refusals.add(new Refusal("order", "the candidate has not been in " + previous + ", the stage before "
                    + request.stage() + "; promote it there first (promotion.allowSkipping is false)"));
        }
    }

    private static List<GateEvidence> evidence(PromotionRequest request, StagePolicy stage, LocalDate today,
                                               List<Refusal> refusals) {
        List<GateEvidence> evidence = new ArrayList<>();
        for (String gate : stage.gates()) {
            GateResult result = request.results().get(gate);
            if (result == null) {
                refusals.add(new Refusal("evidence.missing", "no result of the " + gate + " gate (" + gate
                        + ".json) in the results folder; run the gate on this candidate first"));
                continue;
            }
            String judged = result.candidate().digest();
            if (!judged.equals(request.digest())) {
                refusals.add(new Refusal("evidence.digest", gate + ".json judged candidate " + judged + ", not "
                        + request.digest() + " (the artefacts changed since); run the gate again"));
                continue;
            }
            Optional<Refusal> unbound = boundToCurrentPolicy(gate, result, request.currentPolicy(), stage);
            if (unbound.isPresent()) {
                refusals.add(unbound.get());
                continue;
            }
            if (!counts(result.status(), stage)) {
                refusals.add(new Refusal("evidence.status", "the " + gate + " gate's status is " + result.status()
                        + "; stage " + stage.name() + " accepts " + accepted(stage)));
                continue;
            }
            // A waiver that held when the gate ran may have expired since: the result no longer stands.
            List<String> expired = result.checks().stream().filter(c -> c.status() == Status.WAIVED)
                    .filter(c -> c.waiver().isPresent() && c.waiver().get().expires().isBefore(today))
                    .map(c -> c.id() + " (waived until " + c.waiver().get().expires() + ")").toList();
            if (!expired.isEmpty()) {
                refusals.add(new Refusal("evidence.waiver", "the " + gate + " gate's result leans on waivers that"
                        + " have expired since it ran: " + String.join(", ", expired)
                        + "; renew them or fix what they excused, and run the gate again"));
                continue;
            }
            evidence.add(new GateEvidence(gate, result.status(), judged, result.policyDigest(),
                    result.evaluatedAt()));
        }
        return evidence;
    }

    /**
     * Whether the result was judged under the repository's current rules: the same policy and organisation policy
     * bytes, and no override unless the stage accepts overrides. A verdict under other rules is no evidence for
     * these (validate --policy lax.yaml must not pass a stage the repository's strict policy guards).
     */
    private static Optional<Refusal> boundToCurrentPolicy(String gate, GateResult result, CurrentPolicy current,
                                                          StagePolicy stage) {
        String file = gate + ".json";
        if (!result.policyDigest().equals(current.digest())) {
            return Optional.of(new Refusal("evidence.policy", file + " was judged under the policy "
                    + result.policyFile().orElse("of defaults") + " (" + result.policyDigest() + "), not under the"
                    + " repository's current " + current.file() + " (" + current.digest() + "); run the gate again"
                    + " under the current policy"));
        }
        Optional<OrganisationRef> judged = result.organisationPolicy();
        Optional<OrganisationRef> now = current.organisation();
        if (!judged.map(OrganisationRef::digest).equals(now.map(OrganisationRef::digest))) {
            String then = judged.map(o -> "under the organisation policy " + o.file() + " (" + o.digest() + ")")
                    .orElse("without an organisation policy");
            String instead = now.map(o -> "the organisation policy now is " + o.file() + " (" + o.digest() + ")")
                    .orElse("no organisation policy is given now (--org-policy or MLGATES_ORG_POLICY)");
            return Optional.of(new Refusal("evidence.organisation", file + " was judged " + then + ", but "
                    + instead + "; run the gate again under the organisation policy in force"));
        }
        Map<String, String> overrides = result.evidence().overrides();
        if (!overrides.isEmpty() && !stage.acceptOverrides()) {
            StringBuilder shown = new StringBuilder();
            overrides.forEach((name, value) -> shown.append(shown.isEmpty() ? "" : ", ").append(name).append(" '")
                    .append(value).append('\''));
            return Optional.of(new Refusal("evidence.overrides", file + " was judged with inputs other than the"
                    + " policy names (" + shown + "); stage " + stage.name() + " does not accept overrides"
                    + " (acceptOverrides is false): run the gate on the policy's own inputs"));
        }
        return Optional.empty();
    }

    /** Whether a gate result of this status counts as passed for the stage: PASS, and WARN or WAIVED if accepted. */
    public static boolean counts(Status status, StagePolicy stage) {
        return status == Status.PASS || (status == Status.WARN && stage.acceptWarn())
                || (status == Status.WAIVED && stage.acceptWaived());
    }

    /** The statuses the stage accepts, as a refusal names them: {@code PASS, WARN, WAIVED}. */
    public static String accepted(StagePolicy stage) {
        List<String> accepted = new ArrayList<>(List.of("PASS"));
        if (stage.acceptWarn()) {
            accepted.add("WARN");
        }
        if (stage.acceptWaived()) {
            accepted.add("WAIVED");
        }
        return String.join(", ", accepted);
    }

    private Optional<ApprovalTally> approvals(PromotionRequest request, StagePolicy stage, String author,
                                              OptionalInt version, boolean emergency, Instant now,
                                              List<Refusal> refusals)
            throws RegistryException {
        Optional<ApprovalRule> rule = stage.approvals();
        String group;
        int quorum;
        if (emergency) {
            Optional<EmergencyPath> path = request.policy().emergency();
            if (path.isEmpty()) {
                refusals.add(new Refusal("emergency", "the policy has no emergency path (promotion.emergency)"));
                return Optional.empty();
            }
            Optional<String> named = path.get().group().or(() -> rule.map(ApprovalRule::group));
            if (named.isEmpty()) {
                refusals.add(new Refusal("emergency", "stage " + stage.name() + " has no approval group and"
                        + " promotion.emergency names none"));
                return Optional.empty();
            }
            group = named.get();
            quorum = path.get().quorum();
        } else if (rule.isPresent()) {
            group = rule.get().group();
            quorum = rule.get().quorum();
        } else {
            return Optional.empty();
        }
        ApprovalTally tally = ApprovalTally.of(registry.approvals(request.model(), request.digest(), stage.name()),
                request.policy(), group, rule.map(ApprovalRule::expiresAfter).orElse(ApprovalRule.DEFAULT_EXPIRY),
                author, now, stage.verifiedIdentity() ? Optional.of(new ApprovalTally.Verification(
                        version.orElse(0), signers)) : Optional.empty());
        for (Approval rejection : tally.rejections()) {
            refusals.add(new Refusal("approvals.rejected", rejection.approver() + " rejected it at " + rejection.at()
                    + ": " + rejection.reason()));
        }
        if (tally.counted().size() < quorum) {
            StringBuilder message = new StringBuilder((emergency ? "the emergency path needs " : "needs ") + quorum
                    + " approvals from group " + group + ", has " + tally.counted().size());
            if (!tally.counted().isEmpty()) {
                message.append(" (").append(String.join(", ", tally.approvers())).append(')');
            }
            tally.ignored().forEach(i -> message.append("; ").append(i));
            if (request.policy().members(group).isEmpty()) {
                message.append("; group ").append(group).append(" has no members: list who may approve under")
                        .append(" promotion.groups");
            }
            refusals.add(new Refusal(emergency ? "emergency.quorum" : "approvals.quorum", message.toString()));
        }
        return Optional.of(tally);
    }

    /** The open departure the promotion rides, after checking the freeze and the cut-off. */
    private static Optional<ZonedDateTime> train(TrainSchedule schedule, StagePolicy stage,
                                                 Optional<ApprovalTally> tally, Optional<ModelVersion> registered,
                                                 Instant now, Optional<ZonedDateTime> next, List<Refusal> refusals) {
        String waits = next.map(d -> "the next departure is " + schedule.show(d) + " (cut-off "
                + schedule.show(schedule.cutoff(d)) + ")").orElse("no departure is scheduled outside the freezes");
        Optional<ReleaseTrain.Freeze> freeze = schedule.freezeAt(now);
        if (freeze.isPresent()) {
            refusals.add(new Refusal("train.freeze", "no train departs during the freeze '" + freeze.get().reason()
                    + "' until " + schedule.showEnd(freeze.get()) + "; " + waits));
            return Optional.empty();
        }
        Optional<ZonedDateTime> open = schedule.openDeparture(now);
        if (open.isEmpty()) {
            refusals.add(new Refusal("train.departure", "stage " + stage.name() + " rides the release train and no"
                    + " departure is open now; " + (refusals.isEmpty() ? "the candidate is ready and waits: " : "")
                    + waits));
            return Optional.empty();
        }
        Instant cutoff = schedule.cutoff(open.get());
        if (registered.isPresent() && registered.get().registration().at().isAfter(cutoff)) {
            refusals.add(new Refusal("train.cutoff", "the candidate was registered at "
                    + registered.get().registration().at() + ", after this departure's cut-off "
                    + schedule.show(cutoff) + "; " + waits));
        }
        if (tally.isPresent() && stage.approvals().isPresent()) {
            long before = tally.get().counted().stream().filter(a -> !a.at().isAfter(cutoff)).count();
            if (before < stage.approvals().get().quorum() && tally.get().counted().size()
                    >= stage.approvals().get().quorum()) {
                refusals.add(new Refusal("train.cutoff", "the quorum was reached after this departure's cut-off "
                        + schedule.show(cutoff) + "; " + waits));
            }
        }
        return open;
    }

    private static Map<String, Double> metrics(Map<String, GateResult> results) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        GateResult validate = results.get("validate");
        if (validate != null) {
            validate.metrics().forEach((name, m) -> m.value().ifPresent(v -> metrics.put(name, v)));
        }
        return metrics;
    }

    private static String moveEvidence(List<GateEvidence> evidence, Optional<ApprovalTally> tally,
                                       Optional<ZonedDateTime> departure) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        ArrayNode gates = node.putArray("gates");
        evidence.forEach(e -> gates.add(e.toJson()));
        ArrayNode approvals = node.putArray("approvals");
        tally.ifPresent(t -> t.counted().forEach(a -> approvals.addObject().put("approver", a.approver())
                .put("at", a.at().toString()).put("reason", a.reason())));
        if (departure.isPresent()) {
            node.put("departure", departure.get().toOffsetDateTime().toString());
        } else {
            node.putNull("departure");
        }
        return CanonicalJson.of(node);
    }

    private static PromotionOutcome outcome(PromotionOutcome.Result result, PromotionRequest request,
                                            OptionalInt version, OptionalInt from, List<Refusal> refusals,
                                            Optional<ZonedDateTime> next, boolean emergency,
                                            Optional<AuditHead> head) {
        return outcome(result, request, version, from, refusals, next, emergency, head, Optional.empty());
    }

    private static PromotionOutcome outcome(PromotionOutcome.Result result, PromotionRequest request,
                                            OptionalInt version, OptionalInt from, List<Refusal> refusals,
                                            Optional<ZonedDateTime> next, boolean emergency,
                                            Optional<AuditHead> head, Optional<ApprovalTally> tally) {
        return new PromotionOutcome(result, request.model(), request.stage(), request.digest(), version, from,
                refusals, next, emergency, head, tally.map(ApprovalTally::counted).orElse(List.of()));
    }
}
