package io.mlgates.core.audit;

import java.util.Objects;

/**
 * The newest entry as recorded beside the log, so that deleting entries from its end is noticed too.
 *
 * @param seq the newest entry's place
 * @param hash the newest entry's hash
 */
public record AuditHead(long seq, String hash) {
    public AuditHead {
        Objects.requireNonNull(hash, "hash");
    }
}
