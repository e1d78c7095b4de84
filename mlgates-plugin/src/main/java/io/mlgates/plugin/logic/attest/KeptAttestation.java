package io.mlgates.plugin.logic.attest;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What build.xml keeps of an attestation the controller signed and stored: the key that signed it and the digest of
 * the file, so that the page names the key without reading the file, and a file changed since is refused rather than
 * served as the one signed.
 */
public final class KeptAttestation implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final int MAX_KEY_ID = 200;

    private final String keyId;
    private final String digest;

    /**
     * @param keyId the signing key's id, as the envelope's signature names it
     * @param digest {@code sha256:} digest of the stored file's bytes
     */
    public KeptAttestation(String keyId, String digest) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.digest = Objects.requireNonNull(digest, "digest");
        if (keyId.isBlank() || keyId.length() > MAX_KEY_ID) {
            throw new IllegalArgumentException("a key id has 1 to " + MAX_KEY_ID + " characters");
        }
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be sha256:<64 hex digits>: " + digest);
        }
    }

    public String getKeyId() {
        return keyId;
    }

    public String getDigest() {
        return digest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeptAttestation k && k.keyId.equals(keyId) && k.digest.equals(digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, digest);
    }

    @Override
    public String toString() {
        return "attestation " + digest + " signed by " + keyId;
    }
}
