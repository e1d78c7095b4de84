package io.mlgates.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-11-24T13:00:00.125Z");

    private static AuditRecord record(int i) {
        return new AuditRecord(T0.plusSeconds(i), "user" + i, "promote", "credit-risk", "staging", OptionalInt.of(i),
                "sha256:" + "ab".repeat(32), "{\"i\":" + i + "}");
    }

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditChain.seal(i, record(i), previous);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    private static Optional<AuditHead> headOf(List<AuditEntry> entries) {
        AuditEntry last = entries.get(entries.size() - 1);
        return Optional.of(new AuditHead(last.seq(), last.hash()));
    }

    @Test
    @DisplayName("an untouched chain verifies, with its head")
    void intact() {
        List<AuditEntry> entries = chain(5);
        AuditVerification v = AuditChain.verify(entries, headOf(entries));
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
    }

    @Test
    @DisplayName("the hash covers every field: changing any one changes it")
    void hashCoversEveryField() {
        AuditRecord r = record(1);
        String h = AuditChain.hash(1, r, AuditChain.GENESIS);
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        List<String> variants = List.of(
                AuditChain.hash(2, r, AuditChain.GENESIS),
                AuditChain.hash(1, r, "1".repeat(64)),
                AuditChain.hash(1, new AuditRecord(r.at().plusMillis(1), r.actor(), r.action(), r.model(), r.stage(),
                        r.version(), r.digest(), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), "mallory", r.action(), r.model(), r.stage(), r.version(),
                        r.digest(), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), r.actor(), "rollback", r.model(), r.stage(), r.version(),
                        r.digest(), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), r.actor(), r.action(), "other", r.stage(), r.version(),
                        r.digest(), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), r.actor(), r.action(), r.model(), "production",
                        r.version(), r.digest(), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), r.actor(), r.action(), r.model(), r.stage(),
                        OptionalInt.empty(), r.digest(), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), r.actor(), r.action(), r.model(), r.stage(), r.version(),
                        "sha256:" + "cd".repeat(32), r.evidence()), AuditChain.GENESIS),
                AuditChain.hash(1, new AuditRecord(r.at(), r.actor(), r.action(), r.model(), r.stage(), r.version(),
                        r.digest(), "{\"i\":2}"), AuditChain.GENESIS));
        assertThat(variants).doesNotContain(h).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("an edited entry is named as edited, and only it")
    void edited() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        AuditRecord r = third.record();
        entries.set(2, new AuditEntry(3, new AuditRecord(r.at(), "mallory", r.action(), r.model(), r.stage(),
                r.version(), r.digest(), r.evidence()), third.previousHash(), third.hash()));
        assertThat(AuditChain.verify(entries, headOf(entries)).findings())
                .extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, AuditFinding.Kind.EDITED));
    }

    @Test
    @DisplayName("an edited entry whose hash was recomputed breaks the link of the next one")
    void editedAndRehashed() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        AuditRecord r = third.record();
        entries.set(2, AuditChain.seal(3, new AuditRecord(r.at(), "mallory", r.action(), r.model(), r.stage(),
                r.version(), r.digest(), r.evidence()), third.previousHash()));
        assertThat(AuditChain.verify(entries, headOf(chain(5))).findings()).extracting(AuditFinding::seq,
                AuditFinding::kind).containsExactly(org.assertj.core.groups.Tuple.tuple(4L,
                AuditFinding.Kind.BROKEN_LINK));
    }

    @Test
    @DisplayName("a deleted entry is named by the gap it leaves; entries deleted from the end, by the head")
    void deleted() {
        List<AuditEntry> entries = chain(5);
        Optional<AuditHead> head = headOf(entries);
        entries.remove(1);
        assertThat(AuditChain.verify(entries, head).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.DELETED);
            assertThat(f.message()).isEqualTo("entry 2 was deleted: entry 1 is followed by entry 3");
        });
        List<AuditEntry> truncated = chain(5).subList(0, 3);
        assertThat(AuditChain.verify(truncated, head).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo(
                        "entries 4 to 5 were deleted from the end: the log ends at entry 3"));
    }

    @Test
    @DisplayName("two entries swapped in place are named as moved")
    void reordered() {
        List<AuditEntry> entries = chain(5);
        AuditEntry second = entries.get(1);
        AuditEntry third = entries.get(2);
        // the rows keep their places (seq) but exchange everything else
        entries.set(1, new AuditEntry(2, third.record(), third.previousHash(), third.hash()));
        entries.set(2, new AuditEntry(3, second.record(), second.previousHash(), second.hash()));
        List<AuditFinding> findings = AuditChain.verify(entries, headOf(chain(5))).findings();
        assertThat(findings).extracting(AuditFinding::seq).contains(2L, 3L);
        assertThat(findings).anySatisfy(f -> assertThat(f.kind()).isEqualTo(AuditFinding.Kind.EDITED));
    }

    @Test
    @DisplayName("canonical JSON sorts keys and leaves out whitespace")
    void canonicalJson() {
        assertThat(CanonicalJson.of(CanonicalJson.parse("{ \"b\": [2, {\"z\":1, \"a\":\"x\"}], \"a\": null }")))
                .isEqualTo("{\"a\":null,\"b\":[2,{\"a\":\"x\",\"z\":1}]}");
    }
}
