package io.mlgates.core.audit;

import java.util.Objects;

/**
 * One thing wrong with an audit log, its head, or a state table that the log does not bear out.
 *
 * @param seq the entry it concerns, as stored; 0 when it concerns no single entry (a state table's row, the head)
 * @param kind what kind of tampering it shows
 * @param message one sentence that names the entry or row, the field, and what no longer holds
 */
public record AuditFinding(long seq, Kind kind, String message) {
    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (seq < 0) {
            throw new IllegalArgumentException("entries are numbered from 1: " + seq);
        }
    }

    /** What the finding shows. */
    public enum Kind {
        /** The entry's content no longer matches its hash. */
        EDITED,
        /** Entries are missing: a gap in the numbering, fewer entries than the head records, or no head at all. */
        DELETED,
        /** The entry follows another entry than the one stored before it. */
        REORDERED,
        /** The entry names a previous hash that no entry has: the one before it was replaced. */
        BROKEN_LINK,
        /** A field cannot be read as what it must be: NULL, unparsable, out of range, or of another type. */
        MALFORMED,
        /** The entry is dated before the entry before it: timestamps ran backwards. */
        BACKDATED,
        /** A state table (versions, stages, their history, approvals) says what the log does not, or misses it. */
        STATE,
        /** An anchor (a head recorded outside the registry) is no longer in the log: it was truncated or rewritten. */
        ANCHOR
    }
}
