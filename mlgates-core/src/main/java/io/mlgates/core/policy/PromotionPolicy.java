package io.mlgates.core.policy;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code promotion} section of a policy: the road a candidate takes to production.
 *
 * @param stages the stages in order, for example {@code staging} then {@code production}
 * @param allowSkipping whether a candidate may enter a stage without having been in the one before it
 * @param fourEyes whether whoever authored a candidate is barred from approving it
 * @param groups approver groups: group name to the user names in it
 * @param train the release train that stages marked {@code train} ride, when there is one
 * @param emergency the emergency path around the train, when the policy allows one
 * @param registry the embedded registry's file, relative to the model repository
 * @param results the folder the gates wrote their results to, relative to the model repository
 */
public record PromotionPolicy(List<StagePolicy> stages, boolean allowSkipping, boolean fourEyes,
                              Map<String, List<String>> groups, Optional<ReleaseTrain> train,
                              Optional<EmergencyPath> emergency, String registry, String results) {
    public static final String DEFAULT_REGISTRY = ".mlgates/registry.db";
    public static final String DEFAULT_RESULTS = ".mlgates/results";
    /** The approver group of the default production stage. */
    public static final String DEFAULT_APPROVERS = "model-approvers";

    public PromotionPolicy {
        stages = List.copyOf(stages);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((name, members) -> copy.put(name, List.copyOf(members)));
        groups = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(results, "results");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a promotion policy has at least one stage");
        }
        Set<String> names = new HashSet<>();
        for (StagePolicy stage : stages) {
            if (!names.add(stage.name())) {
                throw new IllegalArgumentException("stage '" + stage.name() + "' is listed twice");
            }
            stage.approvals().ifPresent(a -> requireGroup(copy, a.group()));
            if (stage.train() && train.isEmpty()) {
                throw new IllegalArgumentException("stage '" + stage.name() + "' rides a train, but none is defined");
            }
        }
        emergency.flatMap(EmergencyPath::group).ifPresent(g -> requireGroup(copy, g));
    }

    private static void requireGroup(Map<String, List<String>> groups, String group) {
        if (!groups.containsKey(group)) {
            throw new IllegalArgumentException("group '" + group + "' is not defined under promotion.groups");
        }
    }

    /**
     * The road without a {@code promotion} section: {@code staging}, needing a passed validation gate, then
     * {@code production}, needing passed validation and ethics gates and one approval from
     * {@value #DEFAULT_APPROVERS}, a group with no members until the policy lists them: production is reached only
     * once a team has said who may let a model in. No train.
     */
    public static PromotionPolicy defaults() {
        StagePolicy production = new StagePolicy("production", List.of("validate", "ethics"), true, true,
                Optional.of(new ApprovalRule(DEFAULT_APPROVERS, ApprovalRule.DEFAULT_QUORUM,
                        ApprovalRule.DEFAULT_EXPIRY)), false, false, false);
        return new PromotionPolicy(List.of(StagePolicy.of("staging"), production), false, true,
                Map.of(DEFAULT_APPROVERS, List.of()), Optional.empty(), Optional.empty(), DEFAULT_REGISTRY,
                DEFAULT_RESULTS);
    }

    /** The stage of that name, if the policy has it. */
    public Optional<StagePolicy> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Position of the stage in the order, 0 for the first; -1 when there is no such stage. */
    public int indexOf(String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The members of a group; empty for a group the policy does not define. */
    public List<String> members(String group) {
        return groups.getOrDefault(group, List.of());
    }
}
