package io.mlgates.core.release;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.identity.SignatureException;
import io.mlgates.core.identity.VerifiedSigner;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.Recorded;
import io.mlgates.core.registry.RegistryException;
import java.time.Clock;
import java.time.Instant;
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
    private final Optional<AllowedSigners> signers;

    public ApprovalDesk(ModelRegistry registry, Clock clock) {
        this(registry, clock, Optional.empty());
    }

    /**
     * @param signers the organisation's allowed signers, which verify signed decisions; empty when the organisation
     *     policy names none (then a signed decision is refused, and so is any on a stage that needs verified ones)
     */
    public ApprovalDesk(ModelRegistry registry, Clock clock, Optional<AllowedSigners> signers) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signers = Objects.requireNonNull(signers, "signers");
    }

    /**
     * A decision signed by its approver: the statement that was signed, and the armored SSH signature over it.
     */
    public record Signed(ApprovalStatement statement, String armored) {
        public Signed {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(armored, "armored");
        }
    }

    /**
     * Records a decision by a declared identity, dated now.
     *
     * @param version the registered version decided on
     * @param reason why, in the approver's words
     */
    public DecisionOutcome decide(ModelVersion version, PromotionPolicy policy, String stageName, String approver,
                                  Approval.Decision decision, String reason) throws BadInputException,
            RegistryException {
        return decide(version, policy, stageName, approver, decision, reason, Optional.empty());
    }

    /**
     * Records a decision; when {@code signed}, its identity is verified first: the statement must be this decision,
     * not dated in the future, and signed by a key the allowed signers list for the approver. It is dated as signed.
     */
    public DecisionOutcome decide(ModelVersion version, PromotionPolicy policy, String stageName, String approver,
                                  Approval.Decision decision, String reason, Optional<Signed> signed)
            throws BadInputException, RegistryException {
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
        Instant now = clock.instant();
        Instant at = signed.map(x -> x.statement().at()).orElse(now);
        Optional<Approval.Signature> signature = Optional.empty();
        Identities.future(at, now).ifPresent(f -> refusals.add(new Refusal("approvals.future", "the " + decision.action()
                + " is refused: " + f)));
        if (signed.isPresent()) {
            ApprovalStatement statement = signed.get().statement();
            ApprovalStatement expected = new ApprovalStatement(version.model(), version.version(), version.digest(),
                    stage.name(), decision, reason, approver, statement.at());
            if (!statement.equals(expected)) {
                refusals.add(new Refusal("identity.statement", "the signed statement is not this decision: expected "
                        + expected.text() + ", signed " + statement.text()));
            } else if (signers.isEmpty()) {
                refusals.add(new Refusal("identity.signers", "the signature cannot be verified: the organisation"
                        + " policy names no allowed signers (identity.allowedSigners)"));
            } else {
                try {
                    VerifiedSigner verified = Identities.verify(signers.get(), statement, signed.get().armored());
                    signature = Optional.of(new Approval.Signature(statement.text(), signed.get().armored(),
                            verified.keyFingerprint()));
                } catch (SignatureException e) {
                    refusals.add(new Refusal("identity.signature", approver + "'s signature does not verify: "
                            + e.getMessage()));
                }
            }
        } else if (stage.verifiedIdentity() && decision == Approval.Decision.APPROVE) {
            refusals.add(new Refusal("identity.verified", "stage " + stage.name() + " accepts only verified"
                    + " approvals, and " + approver + " is a declared identity; sign the approval (--ssh-key FILE,"
                    + " or --signature FILE over the statement --print-statement shows)"));
        }
        if (!refusals.isEmpty()) {
            return new DecisionOutcome(Optional.empty(), version.version(), refusals, record.head());
        }
        Recorded<Approval> recorded = registry.decide(new Approval(version.model(), version.digest(), stage.name(),
                approver, decision, reason, at, signature));
        return new DecisionOutcome(Optional.of(recorded.value()), version.version(), List.of(),
                Optional.of(recorded.head()));
    }
}
