package io.mlgates.core.attestation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An envelope whose signature verified: the payload exactly as verified (never re-read from the envelope, as DSSE
 * asks) and who signed it.
 *
 * @param payloadType the payload's type, authenticated by the signature
 * @param payload the verified bytes
 * @param signers each trusted key that signed, at least one
 */
public record VerifiedEnvelope(String payloadType, byte[] payload, List<Signer> signers) {
    public VerifiedEnvelope {
        Objects.requireNonNull(payloadType, "payloadType");
        payload = Objects.requireNonNull(payload, "payload").clone();
        signers = List.copyOf(signers);
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a verified envelope has a signer");
        }
    }

    /**
     * A trusted key that signed.
     *
     * @param keyFingerprint its {@code SHA256:} fingerprint
     * @param principals the allowed-signers principals of its lines that admit it; empty when a single public key
     *     was trusted
     */
    public record Signer(String keyFingerprint, List<String> principals) {
        public Signer {
            Objects.requireNonNull(keyFingerprint, "keyFingerprint");
            principals = List.copyOf(principals);
        }

        /** {@code alice@example.com (key SHA256:...)}, or the key alone. */
        public String describe() {
            return principals.isEmpty() ? "key " + keyFingerprint
                    : String.join(", ", principals) + " (key " + keyFingerprint + ")";
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedEnvelope v && payloadType.equals(v.payloadType)
                && Arrays.equals(payload, v.payload) && signers.equals(v.signers);
    }

    @Override
    public int hashCode() {
        return (payloadType.hashCode() * 31 + Arrays.hashCode(payload)) * 31 + signers.hashCode();
    }
}
