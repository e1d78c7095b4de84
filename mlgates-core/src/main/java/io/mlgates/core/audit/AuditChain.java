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
import java.util.Set;

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

    /** What a store keeps beside its log as the log's head. */
    public enum HeadRecord {
        /** The store keeps a head, and it was read: a missing head with a non-empty log is a finding. */
        KEPT,
        /** The store keeps a head, but it could not be read (the store reports why): it is not reported again. */
        UNREADABLE,
        /** The store keeps no head (schema 1 of the embedded registry): a limit of the check, not a finding. */
        NOT_KEPT
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
     * Checks a log, read in the order of its places, against the head its store keeps beside it: a log with
     * entries and no head was cut short and its head removed with the cut.
     *
     * @param entries the entries, by ascending {@code seq}
     * @param head the newest entry as recorded beside the log; empty when the store has no head row
     */
    public static AuditVerification verify(List<AuditEntry> entries, Optional<AuditHead> head) {
        return verify(entries, Set.of(), head, HeadRecord.KEPT);
    }

    /**
     * Checks a log read in the order of its places.
     *
     * @param entries the entries that could be read, by ascending {@code seq}
     * @param unreadable the places of entries that are stored but could not be read (the store reports why): they
     *     are no gap, and the link of the entry after each is not judged
     * @param head the newest entry as recorded beside the log
     * @param headRecord whether the store keeps a head at all, and whether it could be read
     */
    public static AuditVerification verify(List<AuditEntry> entries, Set<Long> unreadable, Optional<AuditHead> head,
                                           HeadRecord headRecord) {
        List<AuditFinding> findings = new ArrayList<>();
        Map<String, Long> storedAt = new HashMap<>();
        entries.forEach(e -> storedAt.putIfAbsent(e.hash(), e.seq()));
        long expectedSeq = 1;
        String previousHash = GENESIS;
        long previousSeq = 0;
        Optional<AuditEntry> previous = Optional.empty();
        for (AuditEntry entry : entries) {
            boolean skipped = false;
            while (unreadable.contains(expectedSeq) && expectedSeq < entry.seq()) {
                expectedSeq++;
                skipped = true;
            }
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
            } else if (!gap && !skipped && !entry.previousHash().equals(previousHash)) {
                Long follows = storedAt.get(entry.previousHash());
                findings.add(follows != null && follows != previousSeq
                        ? new AuditFinding(entry.seq(), AuditFinding.Kind.REORDERED, "entry " + entry.seq()
                                + " was moved: it was written after the entry now stored as " + follows + ", not after"
                                + " entry " + previousSeq)
                        : new AuditFinding(entry.seq(), AuditFinding.Kind.BROKEN_LINK, "entry " + entry.seq()
                                + " does not follow entry " + previousSeq + ": entry " + previousSeq
                                + " was replaced, or entries between them were deleted"));
            }
            if (previous.isPresent() && entry.record().at().isBefore(previous.get().record().at())) {
                findings.add(new AuditFinding(entry.seq(), AuditFinding.Kind.BACKDATED, "entry " + entry.seq()
                        + " (" + entry.record().action() + " by " + entry.record().actor() + ") is dated "
                        + entry.record().at() + ", before entry " + previous.get().seq() + " ("
                        + previous.get().record().at() + "): timestamps run backwards, so one of them was edited"));
            }
            expectedSeq = entry.seq() + 1;
            previousSeq = entry.seq();
            previousHash = entry.hash();
            previous = Optional.of(entry);
        }
        long newest = Math.max(previousSeq, unreadable.stream().mapToLong(Long::longValue).max().orElse(0));
        if (head.isPresent()) {
            AuditHead h = head.get();
            if (h.seq() > newest) {
                findings.add(new AuditFinding(newest + 1, AuditFinding.Kind.DELETED, newest + 1 == h.seq()
                        ? "entry " + h.seq() + ", the newest, was deleted: the log ends at entry " + newest
                        : "entries " + (newest + 1) + " to " + h.seq() + " were deleted from the end: the log"
                                + " ends at entry " + newest));
            } else if (h.seq() < newest) {
                findings.add(new AuditFinding(h.seq() + 1, AuditFinding.Kind.BROKEN_LINK, "entries " + (h.seq() + 1)
                        + " to " + newest + " were added outside mlgates: the log's head records entry "
                        + h.seq() + " as the newest"));
            } else if (newest == previousSeq && !h.hash().equals(previousHash)) {
                findings.add(new AuditFinding(previousSeq, AuditFinding.Kind.EDITED, "entry " + previousSeq
                        + ", the newest, was replaced: the log's head records another hash for it"));
            }
        } else if (headRecord == HeadRecord.KEPT && newest > 0) {
            findings.add(new AuditFinding(0, AuditFinding.Kind.DELETED, "the log's head is missing while the log"
                    + " holds " + newest + (newest == 1 ? " entry" : " entries") + ": the head was deleted, as it is"
                    + " when the newest entries are cut off with it; compare the newest entry with an anchor"));
        }
        List<String> limits = headRecord != HeadRecord.NOT_KEPT ? List.of() : List.of("this store keeps no head"
                + " beside the log: entries deleted from its end show only against an anchor (--expect-head)");
        Optional<AuditHead> seen = previous.map(e -> new AuditHead(e.seq(), e.hash()));
        return new AuditVerification(entries.size() + unreadable.size(), seen, findings, limits);
    }

    /**
     * Checks that the log still holds the entries that anchors name: an anchor is the head as someone saw it
     * (printed by a promotion or an approval, kept in a build record), so an entry missing or different shows that
     * the log was cut back past it or rewritten.
     */
    public static List<AuditFinding> anchors(List<AuditEntry> entries, List<AuditHead> anchors) {
        Map<Long, AuditEntry> bySeq = new HashMap<>();
        entries.forEach(e -> bySeq.putIfAbsent(e.seq(), e));
        long newest = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        List<AuditFinding> findings = new ArrayList<>();
        for (AuditHead anchor : anchors) {
            AuditEntry found = bySeq.get(anchor.seq());
            if (found == null) {
                findings.add(new AuditFinding(anchor.seq(), AuditFinding.Kind.ANCHOR, "the anchor " + anchor
                        + " names entry " + anchor.seq() + ", which the log no longer holds (it ends at entry " + newest
                        + "): the log was cut back after that head was seen"));
            } else if (!found.hash().equals(anchor.hash())) {
                findings.add(new AuditFinding(anchor.seq(), AuditFinding.Kind.ANCHOR, "the anchor " + anchor
                        + " names entry " + anchor.seq() + ", which now has hash " + found.hash() + ": the log was"
                        + " rewritten at or before that entry after the head was seen"));
            }
        }
        return findings;
    }
}
