package io.mlgates.core.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * An approval or a rejection of a candidate for a stage, bound to the candidate's digest: a rebuilt model is a new
 * candidate and needs new approvals.
 *
 * @param model the model's name
 * @param digest the candidate's digest
 * @param stage the stage it is approved for
 * @param approver who
 * @param decision approve or reject
 * @param reason why, in the approver's words; never blank
 * @param at when, to the millisecond
 * @param signature the approver's SSH signature over the decision, when the identity was verified; empty when it
 *     was declared (typed with {@code --as}, or the environment's user)
 */
public record Approval(String model, String digest, String stage, String approver, Decision decision, String reason,
                       Instant at, Optional<Signature> signature) {
    public Approval {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        if (approver.isBlank()) {
            throw new IllegalArgumentException("an approval names its approver");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an approval or a rejection needs a reason");
        }
    }

    /** A decision by a declared identity. */
    public Approval(String model, String digest, String stage, String approver, Decision decision, String reason,
                    Instant at) {
        this(model, digest, stage, approver, decision, reason, at, Optional.empty());
    }

    /** Declared or verified, as the audit entry records it. */
    public String identity() {
        return signature.isPresent() ? "verified" : "declared";
    }

    /** The same decision, recorded at another time (an entry is never dated before the one before it). */
    public Approval at(Instant time) {
        return new Approval(model, digest, stage, approver, decision, reason, time, signature);
    }

    /**
     * What verified an identity: the signed statement, the signature, and the key's fingerprint when it was recorded.
     *
     * @param statement the exact text that was signed
     * @param armored the SSH signature, {@code -----BEGIN SSH SIGNATURE-----} armored
     * @param keyFingerprint the signing key's {@code SHA256:} fingerprint
     */
    public record Signature(String statement, String armored, String keyFingerprint) {
        public Signature {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(armored, "armored");
            Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        }
    }

    /** Approve or reject. */
    public enum Decision {
        APPROVE,
        REJECT;

        /** As written in the audit log: {@code approve}, {@code reject}. */
        public String action() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
