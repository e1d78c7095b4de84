package io.mlgates.core.gate;

import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The inputs a caller chose instead of the policy's, as a result records them: only what differs from what the
 * repository's policy names, so that naming the policy's own file on a command line is no override.
 */
final class Overrides {
    private Overrides() {
    }

    /**
     * @param predictions the prediction file read instead of the policy's, as shown (relative to the repository
     *     when inside it)
     * @param baselineFile a baseline file read instead of the policy's, as shown
     * @param baselineStage a stage whose recorded metrics were the baseline instead of the policy's
     */
    static Map<String, String> of(LoadedPolicy loaded, Optional<String> predictions, Optional<String> baselineFile,
                                  Optional<String> baselineStage, Optional<List<String>> sensitive,
                                  Map<String, String> reference, ColumnChoice columns) {
        Policy policy = loaded.policy();
        Map<String, String> overrides = new LinkedHashMap<>();
        // A policy file other than the repository's mlgates.yaml (validate --policy lax.yaml) judged under other rules.
        loaded.fileName().filter(f -> !f.equals(Policy.DEFAULT_FILE_NAME)).ifPresent(f -> overrides.put("policy", f));
        predictions.filter(p -> !samePath(p, policy.predictions().path()))
                .ifPresent(p -> overrides.put("predictions", p));
        Optional<String> policyBaseline = policy.baseline().flatMap(b -> b.path());
        Optional<String> policyStage = policy.baseline().flatMap(b -> b.stage());
        baselineFile.filter(b -> policyBaseline.isEmpty() || !samePath(b, policyBaseline.get()))
                .ifPresent(b -> overrides.put("baseline", b));
        baselineStage.filter(s -> !policyStage.equals(Optional.of(s)))
                .ifPresent(s -> overrides.put("baseline", BaselineSource.STAGE_PREFIX + s));
        // what is judged, columns and intersections: columns that keep the policy's attributes are no override
        FairnessPolicy fairness = policy.ethics().fairness();
        sensitive.filter(s -> !new LinkedHashSet<>(fairness.withSensitive(s).attributes())
                        .equals(new LinkedHashSet<>(fairness.attributes())))
                .ifPresent(s -> overrides.put("sensitive", String.join(",", s)));
        String changed = reference.entrySet().stream()
                .filter(e -> !e.getValue().equals(fairness.reference().get(e.getKey())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        if (!changed.isEmpty()) {
            overrides.put("reference", changed);
        }
        overrides.putAll(columns.overridesOf(policy.predictions()));
        return overrides;
    }

    private static boolean samePath(String a, String b) {
        try {
            return Path.of(a).normalize().equals(Path.of(b).normalize());
        } catch (InvalidPathException e) {
            return a.equals(b);
        }
    }
}
