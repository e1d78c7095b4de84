package io.mlgates.core.board;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a candidate leans on that lapses: a waiver in force, or an approval that counts now.
 *
 * @param kind a waiver or an approval
 * @param what which one, as shown: the waiver's check and approver, the approver and stage
 * @param lapses the first moment it no longer holds
 * @param beforeDeparture whether that comes before the next departure of the model's train
 */
public record Expiry(Kind kind, String what, Instant lapses, boolean beforeDeparture) {
    public enum Kind { WAIVER, APPROVAL }

    public Expiry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(lapses, "lapses");
    }
}
