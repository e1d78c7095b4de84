package io.mlgates.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A policy as loaded, with the digest that results name so that a verdict can be traced to the exact policy
 * that formed it.
 *
 * @param policy the effective policy, every missing key at its default
 * @param digest {@code sha256:} and the lowercase hex SHA-256 of the policy file's bytes; for the built-in
 *     defaults (no file) the SHA-256 of empty input, {@link #EMPTY_DIGEST}
 * @param fileName the policy file as named in messages, for example {@code mlgates.yaml}; empty for the
 *     built-in defaults
 * @param organisation the organisation policy whose floor was applied, when there was one
 */
public record LoadedPolicy(Policy policy, String digest, Optional<String> fileName,
                           Optional<OrganisationRef> organisation) {
    /** Digest of the built-in defaults: the SHA-256 of empty input. */
    public static final String EMPTY_DIGEST =
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public LoadedPolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(organisation, "organisation");
    }

    /** A policy loaded without an organisation policy. */
    public LoadedPolicy(Policy policy, String digest, Optional<String> fileName) {
        this(policy, digest, fileName, Optional.empty());
    }

    /** The built-in defaults of a repository without a policy file. */
    public static LoadedPolicy defaults(String modelName) {
        return new LoadedPolicy(Policy.defaults(modelName), EMPTY_DIGEST, Optional.empty());
    }
}
