package io.mlgates.core.registry;

import io.mlgates.core.audit.AuditHead;
import java.util.Objects;

/**
 * A change as the registry recorded it, with the audit chain's head right after it: the anchor that a promotion or an
 * approval prints, so that someone who keeps it outside the registry can later show the entry is still there.
 *
 * @param value what was recorded (its time may be later than asked: an entry is never dated before the one before it)
 * @param head the chain's head after the change: the change's own entry
 */
public record Recorded<T>(T value, AuditHead head) {
    public Recorded {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(head, "head");
    }
}
