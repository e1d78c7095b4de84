package io.mlgates.plugin.logic.attest;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing as Manage Jenkins sets it when a step starts: the key to look up, and Jenkins' root URL, which makes the
 * result pages that attestations name absolute.
 *
 * @param keys where the key is looked up
 * @param rootUrl Jenkins' root URL ({@code https://ci.example.com/}), when one is set
 */
public record Signing(SigningKeys keys, Optional<String> rootUrl) {
    public Signing {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(rootUrl, "rootUrl");
    }

    /** Nothing is signed. */
    public static Signing none() {
        return new Signing(SigningKeys.NONE, Optional.empty());
    }

    /**
     * The signer of the key now set, read anew; empty when none is set.
     *
     * @throws UnusableKey when a credential is named but cannot sign
     */
    public Optional<Signer> signer() throws UnusableKey, IOException {
        Optional<KeyCredential> key = keys.current();
        return key.isEmpty() ? Optional.empty() : Optional.of(Signer.of(key.get()));
    }

    /** A page of Jenkins, relative to its root, as absolute as the root URL lets it be. */
    public String absolute(String relative) {
        return rootUrl.map(root -> root.endsWith("/") ? root + relative : root + "/" + relative).orElse(relative);
    }
}
