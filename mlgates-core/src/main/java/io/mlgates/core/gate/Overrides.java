package io.mlgates.core.gate;

import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs a caller chose instead of the policy's, as a result records them: only what differs from what the
 * repository's policy names, so that naming the policy's own file on a command line is no override.
 */
final class Overrides {
    private Overrides() {
    }

    static Map<String, String> of(LoadedPolicy loaded, Optional<String> predictions, Optional<String> baseline,
                                  Optional<List<String>> sensitive, ColumnChoice columns) {
        Policy policy = loaded.policy();
        Map<String, String> overrides = new LinkedHashMap<>();
        // A policy file other than the repository's mlgates.yaml (validate --policy lax.yaml) judged under other rules.
        loaded.fileName().filter(f -> !f.equals(Policy.DEFAULT_FILE_NAME)).ifPresent(f -> overrides.put("policy", f));
        predictions.filter(p -> !samePath(p, policy.predictions().path()))
                .ifPresent(p -> overrides.put("predictions", p));
        Optional<String> policyBaseline = policy.baseline().map(b -> b.path());
        baseline.filter(b -> policyBaseline.isEmpty() || !samePath(b, policyBaseline.get()))
                .ifPresent(b -> overrides.put("baseline", b));
        sensitive.filter(s -> !new LinkedHashSet<>(s).equals(new LinkedHashSet<>(policy.ethics().fairness().sensitive())))
                .ifPresent(s -> overrides.put("sensitive", String.join(",", s)));
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
