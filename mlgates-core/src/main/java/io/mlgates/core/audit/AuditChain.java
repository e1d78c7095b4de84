package io.mlgates.core.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hash chain of the audit log. Each entry's hash is the SHA-256 of its canonical encoding, which includes its
 * place in the log and the previous entry's hash: editing an entry changes its hash, and removing or moving one
 * breaks the link of the entry after it.
 *
 * <p>The canonical encoding is the canonical JSON ({@link CanonicalJson}) of the array
 * {@code [seq, at, actor, action, model, stage, version or null, digest, evidence, previousHash]}, with {@code at}
 * in ISO-8601 UTC ({@code 2026-11-26T14:00:00.123Z}, as {@link java.time.Instant#toString} writes it) and
 * {@code evidence} as its canonical JSON text, a string.
 */
public final class AuditChain {
    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Seals a record as the entry after the one whose hash is {@code previousHash}. */
    public static AuditEntry seal(long seq, AuditRecord record, String previousHash) {
        return new AuditEntry(seq, record, previousHash, hash(seq, record, previousHash));
    }

    /** The hash an entry with these contents must carry. */
    public static String hash(long seq, AuditRecord r, String previousHash) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode encoding = f.arrayNode().add(seq).add(r.at().toString()).add(r.actor()).add(r.action())
                .add(r.model()).add(r.stage());
        if (r.version().isPresent()) {
            encoding.add(r.version().getAsInt());
        } else {
            encoding.addNull();
        }
        encoding.add(r.digest()).add(r.evidence()).add(previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.of(encoding).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks a log read in the order of its places.
     *
     * @param entries the entries, by ascending {@code seq}
     * @param head the newest entry as recorded beside the log, when the store keeps one
     */
    public static AuditVerification verify(List<AuditEntry> entries, Optional<AuditHead> head) {
        List<AuditFinding> findings = new ArrayList<>();
        Map<String, Long> storedAt = new HashMap<>();
        entries.forEach(e -> storedAt.putIfAbsent(e.hash(), e.seq()));
        long expectedSeq = 1;
        String previousHash = GENESIS;
        long previousSeq = 0;
        for (AuditEntry entry : entries) {
            boolean gap = entry.seq() != expectedSeq;
            if (gap) {
                findings.add(new AuditFinding(entry.seq(), AuditFinding.Kind.DELETED, expectedSeq == entry.seq() - 1
                        ? "entry " + expectedSeq + " was deleted: entry " + previousSeq + " is followed by entry "
                                + entry.seq()
                        : "entries " + expectedSeq + " to " + (entry.seq() - 1) + " were deleted: entry " + previousSeq
                                + " is followed by entry " + entry.seq()));
            }
            if (!hash(entry.seq(), entry.record(), entry.previousHash()).equals(entry.hash())) {
                findings.add(new AuditFinding(entry.seq(), AuditFinding.Kind.EDITED, "entry " + entry.seq()
                        + " was edited: its content (" + entry.record().action() + " by " + entry.record().actor()
                        + ") no longer matches its hash"));
            } else if (!gap && !entry.previousHash().equals(previousHash)) {
                Long follows = storedAt.get(entry.previousHash());
                findings.add(follows != null && follows != previousSeq
                        ? new AuditFinding(entry.seq(), AuditFinding.Kind.REORDERED, "entry " + entry.seq()
                                + " was moved: it was written after the entry now stored as " + follows + ", not after"
                                + " entry " + previousSeq)
                        : new AuditFinding(entry.seq(), AuditFinding.Kind.BROKEN_LINK, "entry " + entry.seq()
                                + " does not follow entry " + previousSeq + ": entry " + previousSeq
                                + " was replaced, or entries between them were deleted"));
            }
            expectedSeq = entry.seq() + 1;
            previousSeq = entry.seq();
            previousHash = entry.hash();
        }
        if (head.isPresent()) {
            AuditHead h = head.get();
            if (h.seq() > previousSeq) {
                findings.add(new AuditFinding(previousSeq + 1, AuditFinding.Kind.DELETED, previousSeq + 1 == h.seq()
                        ? "entry " + h.seq() + ", the newest, was deleted: the log ends at entry " + previousSeq
                        : "entries " + (previousSeq + 1) + " to " + h.seq() + " were deleted from the end: the log"
                                + " ends at entry " + previousSeq));
            } else if (h.seq() < previousSeq) {
                findings.add(new AuditFinding(h.seq() + 1, AuditFinding.Kind.BROKEN_LINK, "entries " + (h.seq() + 1)
                        + " to " + previousSeq + " were added outside mlgates: the log's head records entry "
                        + h.seq() + " as the newest"));
            } else if (!h.hash().equals(previousHash)) {
                findings.add(new AuditFinding(previousSeq, AuditFinding.Kind.EDITED, "entry " + previousSeq
                        + ", the newest, was replaced: the log's head records another hash for it"));
            }
        }
        return new AuditVerification(entries.size(), findings);
    }
}
