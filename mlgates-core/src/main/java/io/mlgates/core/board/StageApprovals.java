package io.mlgates.core.board;

import java.util.List;
import java.util.Objects;

/**
 * The approvals a stage needs for the latest candidate: given, and still needed.
 *
 * @param stage the stage
 * @param group the group whose members' approvals count
 * @param quorum how many distinct members must approve
 * @param approvedBy members whose approval counts now
 * @param rejectedBy members whose rejection stands
 * @param stillNeeded how many more approvals the quorum needs; 0 when it is reached
 * @param mayStillApprove members who could give one of those: in the group, not the author under the four-eyes
 *     rule, and not already counted
 * @param verifiedOnly whether the stage counts only verified approvals ({@code identity: verified}): then
 *     {@code approvedBy} holds the signed approvals, whose signatures the promotion verifies and the board does not
 * @param notCounted why each other latest decision does not count, one sentence each (expired, not in the group,
 *     the author's, declared on a stage that counts only verified approvals)
 */
public record StageApprovals(String stage, String group, int quorum, List<String> approvedBy,
                             List<String> rejectedBy, int stillNeeded, List<String> mayStillApprove,
                             boolean verifiedOnly, List<String> notCounted) {
    public StageApprovals {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(group, "group");
        approvedBy = List.copyOf(approvedBy);
        rejectedBy = List.copyOf(rejectedBy);
        mayStillApprove = List.copyOf(mayStillApprove);
        notCounted = List.copyOf(notCounted);
        if (quorum < 1 || stillNeeded < 0) {
            throw new IllegalArgumentException("quorum " + quorum + ", still needed " + stillNeeded);
        }
    }

    /** Approvals of a stage that counts declared ones, every latest decision counted. */
    public StageApprovals(String stage, String group, int quorum, List<String> approvedBy, List<String> rejectedBy,
                          int stillNeeded, List<String> mayStillApprove) {
        this(stage, group, quorum, approvedBy, rejectedBy, stillNeeded, mayStillApprove, false, List.of());
    }
}
