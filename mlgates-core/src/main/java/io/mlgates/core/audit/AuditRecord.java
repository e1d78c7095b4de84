package io.mlgates.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What happened, before it is sealed into the chain: who did what, when, to which candidate, on what evidence.
 *
 * @param at when, to the millisecond (finer parts are dropped so that the stored text reads back equal)
 * @param actor who: the user name given with {@code --as}, or the environment's user
 * @param action what: {@code register}, {@code promote}, {@code rollback}, {@code approve}, {@code reject}
 * @param model the model's name
 * @param stage the stage concerned; empty for a registration
 * @param version the model version concerned, when there is one
 * @param digest the candidate's {@code sha256:} digest
 * @param evidence canonical JSON (see {@link CanonicalJson}) of what the action rested on
 */
public record AuditRecord(Instant at, String actor, String action, String model, String stage, OptionalInt version,
                          String digest, String evidence) {
    public AuditRecord {
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(evidence, "evidence");
        if (actor.isBlank() || action.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("an audit record names its actor, action and model");
        }
    }
}
