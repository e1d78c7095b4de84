package io.mlgates.core.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a verified signature is from: the principal it was verified for, and the fingerprint of the key that made it.
 *
 * @param principal the principal, as the verifier was asked about it
 * @param keyFingerprint the key's fingerprint as {@code ssh-keygen -l} prints it, {@code SHA256:} and 43 base64
 *     characters
 */
public record VerifiedSigner(String principal, String keyFingerprint) {
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public VerifiedSigner {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
        if (!FINGERPRINT.matcher(keyFingerprint).matches()) {
            throw new IllegalArgumentException("keyFingerprint must be SHA256: and 43 base64 characters, was "
                    + Shown.clip(keyFingerprint));
        }
    }
}
