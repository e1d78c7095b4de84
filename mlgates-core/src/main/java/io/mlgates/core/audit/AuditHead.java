package io.mlgates.core.audit;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry of the chain named by its place and hash: the newest entry as recorded beside the log (so that deleting
 * entries from its end is noticed), or an anchor, the head as someone saw it, kept outside the registry.
 *
 * @param seq the entry's place, from 1
 * @param hash the entry's hash, 64 lower-case hex digits
 */
public record AuditHead(long seq, String hash) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHOWN = Pattern.compile("([1-9][0-9]{0,17}):([0-9a-f]{64})");

    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("entries are numbered from 1: " + seq);
        }
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("a hash is 64 lower-case hex digits: " + hash);
        }
    }

    /**
     * Reads {@code SEQ:HASH} as {@link #toString} writes it.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static AuditHead parse(String text) {
        Matcher m = SHOWN.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected SEQ:HASH, an entry's place and its 64 lower-case hex digit"
                    + " hash (as mlgates prints a chain head), not '" + text + "'");
        }
        return new AuditHead(Long.parseLong(m.group(1)), m.group(2));
    }

    /** {@code SEQ:HASH}, the form printed and read back by {@code audit verify --expect-head}. */
    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
