package io.mlgates.core.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stage move to make, if the stage still points where the mover last saw it.
 *
 * @param model the model's name
 * @param stage the stage to move
 * @param expected the version the stage must point to now (empty: to none) for the move to happen
 * @param to the version it is to point to
 * @param kind a promotion or a rollback
 * @param actor who
 * @param at when, to the millisecond
 * @param reason why: the emergency reason, the rollback reason; empty for an ordinary promotion
 * @param emergency whether it took the emergency path around the release train
 * @param evidence canonical JSON of what the move rested on: gate results, counted approvals, the departure
 */
public record StageMoveRequest(String model, String stage, OptionalInt expected, int to, StageMove.Kind kind,
                               String actor, Instant at, String reason, boolean emergency, String evidence) {
    public StageMoveRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidence, "evidence");
        if (to < 1) {
            throw new IllegalArgumentException("versions are numbered from 1: " + to);
        }
    }
}
