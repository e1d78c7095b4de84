package io.mlgates.core.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

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
 */
public record Approval(String model, String digest, String stage, String approver, Decision decision, String reason,
                       Instant at) {
    public Approval {
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
