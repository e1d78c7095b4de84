package io.mlgates.core.release;

import io.mlgates.core.policy.OrganisationRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository's policy as it is when promoting: each gate result must have been judged under exactly this.
 *
 * @param file the policy file as named in messages ({@code mlgates.yaml}, or {@code the default policy})
 * @param digest {@code sha256:} digest of its bytes (of empty input for the defaults)
 * @param organisation the organisation policy in force, when there is one
 */
public record CurrentPolicy(String file, String digest, Optional<OrganisationRef> organisation) {
    public CurrentPolicy {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(organisation, "organisation");
    }
}
