package io.mlgates.core.release;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.Recorded;
import io.mlgates.core.registry.RegistryException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records approvals and rejections of a registered candidate for a stage. A decision is refused when it could
 * never count: the stage takes no approvals, the approver is in none of its groups, or the approver authored the
 * candidate and the four-eyes rule holds, or the registry's record does not hold. The promotion judges the decisions again (expiry, quorum) when it runs.
 */
public final class ApprovalDesk {
    private final ModelRegistry registry;
    private final Clock clock;

    public ApprovalDesk(ModelRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param version the registered version decided on
     * @param reason why, in the approver's words
     */
    public DecisionOutcome decide(ModelVersion version, PromotionPolicy policy, String stageName, String approver,
                                  Approval.Decision decision, String reason) throws BadInputException,
            RegistryException {
        StagePolicy stage = Promoter.stageOf(policy, stageName);
        if (reason.isBlank()) {
            throw new BadInputException("--reason", 0, 0, "an approval or a rejection needs a reason");
        }
        AuditVerification record = RecordCheck.verify(registry);
        List<Refusal> tampered = RecordCheck.refusals(record, registry.location());
        if (!tampered.isEmpty()) {
            return new DecisionOutcome(Optional.empty(), version.version(), tampered, record.head());
        }
        List<String> groups = new ArrayList<>();
        stage.approvals().map(ApprovalRule::group).ifPresent(groups::add);
        if (stage.train()) {
            policy.emergency().flatMap(EmergencyPath::group).filter(g -> !groups.contains(g)).ifPresent(groups::add);
        }
        List<Refusal> refusals = new ArrayList<>();
        if (groups.isEmpty()) {
            refusals.add(new Refusal("approvals.none", "stage " + stage.name() + " takes no approvals"));
        } else if (groups.stream().noneMatch(g -> policy.members(g).contains(approver))) {
            refusals.add(new Refusal("approvals.group", approver + " is not in group " + String.join(" or ", groups)));
        }
        if (policy.fourEyes() && approver.equals(version.author())) {
            refusals.add(new Refusal("approvals.fourEyes", approver + " authored " + version.model() + " version "
                    + version.version() + " and may not " + decision.action() + " it (four-eyes rule)"));
        }
        if (!refusals.isEmpty()) {
            return new DecisionOutcome(Optional.empty(), version.version(), refusals, record.head());
        }
        Recorded<Approval> recorded = registry.decide(new Approval(version.model(), version.digest(), stage.name(),
                approver, decision, reason, clock.instant()));
        return new DecisionOutcome(Optional.of(recorded.value()), version.version(), List.of(),
                Optional.of(recorded.head()));
    }
}
