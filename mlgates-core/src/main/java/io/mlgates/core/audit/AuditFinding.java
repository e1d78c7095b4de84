package io.mlgates.core.audit;

import java.util.Objects;

/**
 * One thing wrong with an audit log.
 *
 * @param seq the entry it concerns, as stored
 * @param kind what kind of tampering it shows
 * @param message one sentence that names the entry and what no longer holds
 */
public record AuditFinding(long seq, Kind kind, String message) {
    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What the finding shows. */
    public enum Kind {
        /** The entry's content no longer matches its hash. */
        EDITED,
        /** Entries are missing: a gap in the numbering, or fewer entries than the head records. */
        DELETED,
        /** The entry follows another entry than the one stored before it. */
        REORDERED,
        /** The entry names a previous hash that no entry has: the one before it was replaced. */
        BROKEN_LINK
    }
}
