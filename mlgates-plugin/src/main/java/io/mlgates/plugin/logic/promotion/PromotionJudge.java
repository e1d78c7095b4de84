package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.release.ApprovalTally;
import io.mlgates.core.release.Promoter;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.release.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The approval and waiting state machine: judges a promotion with the core's rules, against the registry as it is
 * now, and says where it stands. The rules are the core's ({@link Promoter}); this class only tells the refusals that
 * waiting can mend (approvals still missing, no departure open, a freeze, a quorum reached after the cut-off) from
 * those it cannot, and a rejection from both.
 */
public final class PromotionJudge {
    /** Rules that approvals to come or the train's next departure can satisfy. */
    static final Set<String> APPROVALS = Set.of("approvals.quorum", "emergency.quorum");
    static final String REJECTED = "approvals.rejected";

    private final ModelRegistry registry;
    private final Clock clock;

    public PromotionJudge(ModelRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Judges the request, promoting when every rule holds.
     *
     * @param verified the Jenkins users found eligible when they decided, counted as members of their groups
     */
    public PromotionState judge(PromotionRequest request, VerifiedApprovers verified) throws BadInputException,
            RegistryException {
        PromotionPolicy policy = verified.widen(request.policy());
        PromotionRequest widened = new PromotionRequest(request.model(), request.candidate(), policy,
                request.stage(), request.results(), request.actor(), request.author(), request.source(),
                request.buildLink(), request.emergencyReason(), request.currentPolicy());
        PromotionOutcome outcome = new Promoter(registry, clock).promote(widened);
        StagePolicy stage = policy.stage(request.stage()).orElseThrow();
        boolean emergency = request.emergencyReason().isPresent();
        Optional<String> group = emergency
                ? policy.emergency().flatMap(EmergencyPath::group).or(() -> stage.approvals().map(ApprovalRule::group))
                : stage.approvals().map(ApprovalRule::group);
        int quorum = emergency ? policy.emergency().map(EmergencyPath::quorum).orElse(0)
                : stage.approvals().map(ApprovalRule::quorum).orElse(0);
        List<Approval> counted = List.of();
        List<String> ignored = List.of();
        List<Approval> rejections = List.of();
        if (group.isPresent()) {
            String author = registry.versionByDigest(request.model(), request.digest()).map(ModelVersion::author)
                    .orElse(request.author());
            Duration expiry = stage.approvals().map(ApprovalRule::expiresAfter).orElse(ApprovalRule.DEFAULT_EXPIRY);
            ApprovalTally tally = ApprovalTally.of(registry.approvals(request.model(), request.digest(),
                    stage.name()), policy, group.get(), expiry, author, clock.instant());
            counted = tally.counted();
            ignored = tally.ignored();
            rejections = tally.rejections();
        }
        PromotionState.Kind kind = kind(outcome, group.isPresent() && !policy.members(group.get()).isEmpty());
        Optional<Approval> rejection = kind == PromotionState.Kind.REJECTED ? rejections.stream().reduce((a, b) -> b)
                : Optional.empty();
        if (kind == PromotionState.Kind.REJECTED && rejection.isEmpty()) {
            kind = PromotionState.Kind.REFUSED; // the core saw a rejection the tally no longer counts: never wait on it
        }
        return new PromotionState(kind, outcome, group, quorum, counted, ignored, rejection);
    }

    /**
     * @param anyApprover whether the group that must approve has anyone in it: waiting for an empty group's approvals
     *     would wait for ever
     */
    static PromotionState.Kind kind(PromotionOutcome outcome, boolean anyApprover) {
        if (outcome.result() != PromotionOutcome.Result.REFUSED) {
            return PromotionState.Kind.PROMOTED;
        }
        List<String> rules = outcome.refusals().stream().map(Refusal::rule).toList();
        if (rules.contains(REJECTED)) {
            return PromotionState.Kind.REJECTED;
        }
        boolean mendable = rules.stream().allMatch(r -> APPROVALS.contains(r) || PromotionOutcome.TRAIN_RULES.contains(r));
        boolean needsApprovals = rules.stream().anyMatch(APPROVALS::contains);
        if (!mendable || (needsApprovals && !anyApprover)) {
            return PromotionState.Kind.REFUSED;
        }
        return needsApprovals ? PromotionState.Kind.WAITING_FOR_APPROVALS : PromotionState.Kind.WAITING_FOR_DEPARTURE;
    }
}
