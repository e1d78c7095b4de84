package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which data licences the model may use. The deny list wins over the allow list.
 *
 * @param allow SPDX identifiers allowed; empty means the engine's built-in list of open data licences
 * @param deny SPDX identifiers refused even when allowed
 */
public record LicencePolicy(Optional<List<String>> allow, List<String> deny) {
    public LicencePolicy {
        Objects.requireNonNull(allow, "allow");
        allow = allow.map(List::copyOf);
        deny = List.copyOf(deny);
    }

    public static LicencePolicy defaults() {
        return new LicencePolicy(Optional.empty(), List.of());
    }
}
