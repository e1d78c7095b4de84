package io.mlgates.core.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verdict was formed on, besides the candidate and the policy: the digest of each data file the gate read, the
 * registry's chain head it saw, and each input that a caller chose instead of the policy's (an override). Promotion
 * compares it with the repository as it is now.
 *
 * @param inputs each data file read, in the order read
 * @param chainHead the registry's audit chain head when the gate ran
 * @param overrides input name ({@code policy}, {@code predictions}, {@code baseline}, {@code sensitive},
 *     {@code columns.label} and the other columns) to what was used instead of the policy's; empty when the gate judged exactly what the repository's policy names
 */
public record Evidence(List<Input> inputs, SeenChainHead chainHead, Map<String, String> overrides) {
    /** The names of {@link #overrides}, in the order they are recorded. */
    public static final List<String> OVERRIDABLE = List.of("policy", "predictions", "baseline", "sensitive",
            "columns.label", "columns.score", "columns.prediction", "columns.weight");

    public Evidence {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(chainHead, "chainHead");
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        for (String name : overrides.keySet()) {
            if (!OVERRIDABLE.contains(name)) {
                throw new IllegalArgumentException("not an input a caller can override: " + name);
            }
        }
    }

    /**
     * A data file a gate read.
     *
     * @param role what it was read as: {@code predictions}, {@code baseline}, {@code reported}
     * @param file the file, relative to the model repository
     * @param digest {@code sha256:} digest of its bytes as read
     */
    public record Input(String role, String file, String digest) {
        public Input {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(digest, "digest");
        }
    }
}
