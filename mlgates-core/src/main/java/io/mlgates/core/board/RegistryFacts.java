package io.mlgates.core.board;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the team registry holds for one model, read once for the board.
 *
 * @param stages stage to the version it points to (stages that point nowhere are absent)
 * @param versions the model's registered versions, oldest first
 * @param approvals for the latest candidate's digest: stage to its approvals and rejections, oldest first, as the
 *     audit log records them (stages without any are absent)
 */
public record RegistryFacts(Map<String, Integer> stages, List<ModelVersion> versions,
                            Map<String, List<Approval>> approvals) {
    public RegistryFacts {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        versions = List.copyOf(versions);
        Map<String, List<Approval>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(approvals, "approvals").forEach((stage, list) -> copy.put(stage, List.copyOf(list)));
        approvals = Collections.unmodifiableMap(copy);
    }

    /** A model the registry has never seen. */
    public static RegistryFacts empty() {
        return new RegistryFacts(Map.of(), List.of(), Map.of());
    }
}
