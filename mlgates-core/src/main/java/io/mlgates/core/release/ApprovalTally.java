package io.mlgates.core.release;

import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.registry.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The approvals that count for a candidate and a stage: each approver's latest decision, if the approver is in the
 * group, is not the candidate's author (when the four-eyes rule holds) and decided within the expiry period.
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
            } else if (!now.isBefore(expires)) {
                ignored.add(a.approver() + "'s " + what + " of " + a.at() + " expired at " + expires
                        + " (decisions last " + Durations.show(expiry) + ")");
            } else if (a.decision() == Approval.Decision.APPROVE) {
                counted.add(a);
            } else {
                rejections.add(a);
            }
        }
        return new ApprovalTally(group, counted, rejections, ignored);
    }

    /** The counted approvers' names. */
    public List<String> approvers() {
        return counted.stream().map(Approval::approver).toList();
    }
}
