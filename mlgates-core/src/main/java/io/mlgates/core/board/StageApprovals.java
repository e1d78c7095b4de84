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
 */
public record StageApprovals(String stage, String group, int quorum, List<String> approvedBy,
                             List<String> rejectedBy, int stillNeeded, List<String> mayStillApprove) {
    public StageApprovals {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(group, "group");
        approvedBy = List.copyOf(approvedBy);
        rejectedBy = List.copyOf(rejectedBy);
        mayStillApprove = List.copyOf(mayStillApprove);
        if (quorum < 1 || stillNeeded < 0) {
            throw new IllegalArgumentException("quorum " + quorum + ", still needed " + stillNeeded);
        }
    }
}
