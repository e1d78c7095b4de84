package io.mlgates.core.policy;

import java.util.Objects;

/**
 * The organisation policy a model policy was loaded under, as results name it, so that a verdict can be traced to
 * both files that formed it.
 *
 * @param file the organisation policy as named in messages
 * @param digest {@code sha256:} digest of its bytes
 */
public record OrganisationRef(String file, String digest) {
    public OrganisationRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(digest, "digest");
    }
}
