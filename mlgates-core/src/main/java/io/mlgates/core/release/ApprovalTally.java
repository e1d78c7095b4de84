package io.mlgates.core.release;

import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.registry.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The approvals that count for a candidate and a stage: each approver's latest decision, if the approver is in the
 * group, is not the candidate's author (when the four-eyes rule holds), decided within the expiry period and not in
 * the future, and, on a stage that accepts only verified approvals, carries a signature that verifies now.
 *
 * @param group the group whose members count
 * @param counted approvals that count, oldest first
 * @param rejections rejections that stand, oldest first
 * @param ignored why each other latest decision does not count, one sentence each
 */
public record ApprovalTally(String group, List<Approval> counted, List<Approval> rejections, List<String> ignored) {
    public ApprovalTally {
        Objects.requireNonNull(group, "group");
        counted = List.copyOf(counted);
        rejections = List.copyOf(rejections);
        ignored = List.copyOf(ignored);
    }

    /**
     * Tallies the decisions recorded for one digest and stage.
     *
     * @param decisions every approval and rejection recorded, oldest first
     * @param author who authored the candidate
     */
    public static ApprovalTally of(List<Approval> decisions, PromotionPolicy policy, String group, Duration expiry,
                                   String author, Instant now) {
        return of(decisions, policy, group, expiry, author, now, Optional.empty());
    }

    /**
     * Tallies the decisions, counting an approval only when its identity is verified, when {@code verified} says so.
     *
     * @param verified for a stage that accepts only verified approvals: the candidate's registered version and the
     *     organisation's allowed signers (empty when it names none: then no approval verifies)
     */
    static ApprovalTally of(List<Approval> decisions, PromotionPolicy policy, String group, Duration expiry,
                            String author, Instant now, Optional<Verification> verified) {
        Map<String, Approval> latest = new LinkedHashMap<>();
        for (Approval decision : decisions) {
            latest.remove(decision.approver());
            latest.put(decision.approver(), decision);
        }
        List<String> members = policy.members(group);
        List<Approval> counted = new ArrayList<>();
        List<Approval> rejections = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Approval a : latest.values()) {
            String what = a.decision() == Approval.Decision.APPROVE ? "approval" : "rejection";
            Instant expires = a.at().plus(expiry);
            if (!members.contains(a.approver())) {
                ignored.add(a.approver() + "'s " + what + " does not count: not in group " + group);
            } else if (policy.fourEyes() && a.approver().equals(author)) {
                ignored.add(a.approver() + "'s " + what + " does not count: " + a.approver() + " authored the"
                        + " candidate (four-eyes rule)");
            } else if (Identities.future(a.at(), now).isPresent()) {
                ignored.add(a.approver() + "'s " + what + " does not count: " + Identities.future(a.at(), now).get());
            } else if (!now.isBefore(expires)) {
                ignored.add(a.approver() + "'s " + what + " of " + a.at() + " expired at " + expires
                        + " (decisions last " + Durations.show(expiry) + ")");
            } else if (a.decision() == Approval.Decision.APPROVE && verified.isPresent()
                    && Identities.unverified(a, verified.get().version(), verified.get().signers()).isPresent()) {
                ignored.add(a.approver() + "'s approval does not count: the stage accepts only verified approvals, and "
                        + Identities.unverified(a, verified.get().version(), verified.get().signers()).get());
            } else if (a.decision() == Approval.Decision.APPROVE) {
                counted.add(a);
            } else {
                rejections.add(a);
            }
        }
        return new ApprovalTally(group, counted, rejections, ignored);
    }

    /** What verifying identities needs: the candidate's version (it is in the signed statement) and the signers. */
    record Verification(int version, Optional<AllowedSigners> signers) {
    }

    /** The counted approvers' names. */
    public List<String> approvers() {
        return counted.stream().map(Approval::approver).toList();
    }
}
