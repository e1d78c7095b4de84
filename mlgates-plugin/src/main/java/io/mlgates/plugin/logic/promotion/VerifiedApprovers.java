package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.policy.PromotionPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Jenkins users the controller found eligible when they decided, each with the approver group it matched them to
 * (by their user id or one of their groups, under the security realm's id strategy). Kept with the build, so that a
 * restart finds them again. The core counts an approval only when the approver's name is a member of the group; a
 * user eligible through a Jenkins group is not listed by name in the policy, so the judgement reads the policy with
 * these users added to the groups they matched.
 */
public final class VerifiedApprovers implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<Entry> entries;

    public VerifiedApprovers() {
        this(List.of());
    }

    private VerifiedApprovers(List<Entry> entries) {
        this.entries = new ArrayList<>(entries);
    }

    /** One user, verified as a member of one group. */
    public static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String user;
        private final String group;

        public Entry(String user, String group) {
            this.user = Objects.requireNonNull(user, "user");
            this.group = Objects.requireNonNull(group, "group");
        }

        public String user() {
            return user;
        }

        public String group() {
            return group;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.user.equals(user) && e.group.equals(group);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, group);
        }
    }

    /** These and the user verified as a member of the group; the same pair once. */
    public VerifiedApprovers with(String user, String group) {
        Entry entry = new Entry(user, group);
        List<Entry> more = new ArrayList<>(entries);
        if (!more.contains(entry)) {
            more.add(entry);
        }
        return new VerifiedApprovers(more);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The policy with each verified user added to the group it matched (a group the policy does not define stays out). */
    public PromotionPolicy widen(PromotionPolicy policy) {
        if (entries.isEmpty()) {
            return policy;
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        policy.groups().forEach((name, members) -> groups.put(name, new ArrayList<>(members)));
        for (Entry e : entries) {
            List<String> members = groups.get(e.group);
            if (members != null && !members.contains(e.user)) {
                members.add(e.user);
            }
        }
        return new PromotionPolicy(policy.stages(), policy.allowSkipping(), policy.fourEyes(), groups, policy.train(),
                policy.emergency(), policy.registry(), policy.results());
    }
}
