package io.mlgates.core.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an allowed-signers file: who may sign with which key, for which namespaces, when.
 *
 * @param line the 1-based line in the file, for messages
 * @param principals the principals pattern-list as written (quotes removed), e.g. {@code *@example.com,!eve@example.com}
 * @param namespaces the {@code namespaces="..."} pattern-list, or empty when every namespace is allowed
 * @param validAfter the {@code valid-after} time: the key is valid at or after it
 * @param validBefore the {@code valid-before} time: the key is valid at or before it
 * @param key the public key
 */
public record AllowedSigner(int line, String principals, Optional<String> namespaces, Optional<Instant> validAfter,
        Optional<Instant> validBefore, SshPublicKey key) {
    public AllowedSigner {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
        Objects.requireNonNull(principals, "principals");
        Objects.requireNonNull(namespaces, "namespaces");
        Objects.requireNonNull(validAfter, "validAfter");
        Objects.requireNonNull(validBefore, "validBefore");
        Objects.requireNonNull(key, "key");
        if (principals.isEmpty()) {
            throw new IllegalArgumentException("principals must not be empty");
        }
        if (validAfter.isPresent() && validBefore.isPresent() && !validBefore.get().isAfter(validAfter.get())) {
            throw new IllegalArgumentException("valid-before " + validBefore.get() + " is not after valid-after "
                    + validAfter.get());
        }
    }

    /** Whether the principals pattern-list accepts {@code principal} as OpenSSH matches it. */
    public boolean allowsPrincipal(String principal) {
        return new PatternList(principals).match(principal) == PatternList.Match.ACCEPTED;
    }

    /** Whether the line's {@code namespaces} option, if any, accepts {@code namespace}. */
    public boolean allowsNamespace(String namespace) {
        return namespaces.map(list -> new PatternList(list).match(namespace) == PatternList.Match.ACCEPTED)
                .orElse(true);
    }
}
