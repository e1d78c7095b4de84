package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.EmergencyPath;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.release.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a Jenkins user may decide on a promotion: a member of the approver group (a member entry of the policy's
 * group names the user's id or one of the user's groups), not the user who started the build and not the candidate's
 * declared author when the four-eyes rule holds. No permission bypasses this: an administrator who started the build
 * is refused like anyone else.
 *
 * @param group the approver group the user was matched to, when eligible
 * @param refusals why not, empty when eligible
 */
public record Eligibility(Optional<String> group, List<Refusal> refusals) {
    public Eligibility {
        Objects.requireNonNull(group, "group");
        refusals = List.copyOf(refusals);
        if (group.isPresent() != refusals.isEmpty()) {
            throw new IllegalArgumentException("a user is eligible through a group, or refused with reasons");
        }
    }

    public boolean eligible() {
        return group.isPresent();
    }

    /**
     * @param emergency whether the promotion takes the emergency path, whose group may differ from the stage's
     * @param starter the id of the user who started the build, when a user did
     * @param author the candidate's declared author
     */
    public static Eligibility of(PromotionPolicy policy, StagePolicy stage, boolean emergency, JenkinsUser user,
                                 Optional<String> starter, String author, IdComparison ids) {
        List<String> groups = new ArrayList<>();
        if (emergency) {
            policy.emergency().flatMap(EmergencyPath::group).ifPresent(groups::add);
        }
        stage.approvals().map(ApprovalRule::group).filter(g -> !groups.contains(g)).ifPresent(groups::add);
        List<Refusal> refusals = new ArrayList<>();
        Optional<String> matched = Optional.empty();
        if (groups.isEmpty()) {
            refusals.add(new Refusal("approvals.none", "stage " + stage.name() + " takes no approvals"));
        } else {
            matched = groups.stream().filter(g -> policy.members(g).stream()
                    .anyMatch(member -> names(member, user, ids))).findFirst();
            if (matched.isEmpty()) {
                refusals.add(new Refusal("approvals.group", user.id() + " is not in group " + String.join(" or ",
                        groups) + ", neither by user id nor by a Jenkins group"));
            }
        }
        if (policy.fourEyes()) {
            if (starter.isPresent() && ids.sameUser(starter.get(), user.id())) {
                refusals.add(new Refusal("approvals.fourEyes", user.id() + " started this build and may not decide"
                        + " on its promotion (four-eyes rule)"));
            }
            if (ids.sameUser(author, user.id())) {
                refusals.add(new Refusal("approvals.fourEyes", user.id() + " is the candidate's declared author and"
                        + " may not decide on its promotion (four-eyes rule)"));
            }
        }
        return refusals.isEmpty() ? new Eligibility(matched, List.of()) : new Eligibility(Optional.empty(), refusals);
    }

    /** Whether a member entry of a group names the user: the user's id, or one of the groups the realm granted. */
    public static boolean names(String member, JenkinsUser user, IdComparison ids) {
        return ids.sameUser(member, user.id()) || user.authorities().stream().anyMatch(a -> ids.sameGroup(member, a));
    }
}
