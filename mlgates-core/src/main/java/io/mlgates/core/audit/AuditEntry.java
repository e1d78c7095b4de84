package io.mlgates.core.audit;

import java.util.Objects;

/**
 * A record sealed into the chain.
 *
 * @param seq its place in the log, from 1, without gaps
 * @param record what happened
 * @param previousHash the hash of the entry before it ({@link AuditChain#GENESIS} for the first)
 * @param hash SHA-256, lower-case hex, of this entry's canonical encoding ({@link AuditChain#hash})
 */
public record AuditEntry(long seq, AuditRecord record, String previousHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
