package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.ModelRow;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.core.board.StageApprovals;
import io.mlgates.plugin.logic.promotion.Eligibility;
import io.mlgates.plugin.logic.promotion.IdComparison;
import io.mlgates.plugin.logic.promotion.JenkinsUser;
import java.util.Objects;
import java.util.Optional;

/**
 * Who looks at the board: whether to offer them the Approve and Reject forms of a waiting promotion. Offered only
 * when their decision would count: logged in, and named (by id or by a group the realm granted) among the members the
 * board judged could still approve the stage: in its group, not already counted, not the candidate's author under
 * the four-eyes rule. The promotion's own handler checks everything again when the form is posted.
 *
 * @param user the logged-in user; empty when anonymous
 * @param ids how the realm compares user ids and group names
 */
public record Viewer(Optional<JenkinsUser> user, IdComparison ids) {
    public Viewer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(ids, "ids");
    }

    public static Viewer anonymous() {
        return new Viewer(Optional.empty(), IdComparison.EXACT);
    }

    /** Whether this viewer's decision on the waiting promotion would count. */
    public boolean mayDecide(ModelRow row, PendingDecision pending) {
        if (user.isEmpty()) {
            return false;
        }
        return row.approvals().stream().filter(a -> a.stage().equals(pending.stage()))
                .anyMatch(a -> mayStillApprove(a));
    }

    private boolean mayStillApprove(StageApprovals approvals) {
        return approvals.stillNeeded() > 0
                && approvals.approvedBy().stream().noneMatch(a -> ids.sameUser(a, user.get().id()))
                && approvals.mayStillApprove().stream().anyMatch(m -> Eligibility.names(m, user.get(), ids));
    }
}
