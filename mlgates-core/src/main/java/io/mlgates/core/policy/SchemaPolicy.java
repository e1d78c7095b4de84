package io.mlgates.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy says of the model's input schema ({@code schema:} in {@code mlgates.yaml}; docs/schema.md).
 *
 * @param declared the declared schema file, when the policy names one (else {@code model/schema.json}, else the
 *     feature list)
 * @param production the production version's schema file, when the policy names one
 * @param breaks input column to the reason its removal or new type is an accepted break
 * @param maxNullShare the null share allowed in a column whose schema does not state one
 * @param severity what values outside the declared schema mean
 */
public record SchemaPolicy(Optional<String> declared, Optional<String> production, Map<String, String> breaks,
                           double maxNullShare, Severity severity) {
    /** Where a model declares its input schema by convention. */
    public static final String DEFAULT_DECLARED = "model/schema.json";

    public SchemaPolicy {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(production, "production");
        breaks = Collections.unmodifiableMap(new LinkedHashMap<>(breaks));
        Objects.requireNonNull(severity, "severity");
        if (!(maxNullShare >= 0 && maxNullShare <= 1)) {
            throw new IllegalArgumentException("maxNullShare lies in [0, 1]: " + maxNullShare);
        }
    }

    /** No schema key in the policy. */
    public static SchemaPolicy defaults() {
        return new SchemaPolicy(Optional.empty(), Optional.empty(), Map.of(), 0.0, Severity.WARN);
    }
}
