package io.mlgates.core.release;

import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static io.mlgates.core.release.ReleaseFixtures.digest;
import static io.mlgates.core.release.ReleaseFixtures.passed;
import static io.mlgates.core.release.ReleaseFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.RegistryTamperedException;
import io.mlgates.core.registry.SqliteRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An insider with write access to the registry file tries the ways around the record that issue 10 lists; each test
 * is the insider's script in SQL, then what mlgates says about it. The registry holds candidate 1 in staging and one
 * approval for production (entries 1 register, 2 promote, 3 approve).
 */
class InsiderTest {
    static final Instant BUILT = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant APPROVED = Instant.parse("2026-11-27T09:00:00Z");
    /** Tuesday 1 December, 14:30 in Berlin: the departure of 14:00 is open. */
    static final Instant DEPARTING = Instant.parse("2026-12-01T13:30:00Z");

    @TempDir
    Path tmp;
    Path file;
    AuditHead anchor;

    @BeforeEach
    void oneApprovalShortOfTheQuorum() throws Exception {
        file = tmp.resolve("registry.db");
        try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", clock(BUILT))) {
            assertThat(new Promoter(registry, clock(BUILT)).promote(request(1, "staging", passed(1, BUILT))).result())
                    .isEqualTo(PromotionOutcome.Result.PROMOTED);
            anchor = registry.decide(new Approval(MODEL, digest(1), "production", "carol", Approval.Decision.APPROVE,
                    "reviewed", APPROVED)).head();
        }
    }

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private AuditVerification verify(AuditHead... anchors) throws Exception {
        try (SqliteRegistry registry = SqliteRegistry.openForReading(file, "registry.db")) {
            return registry.verifyAudit(List.of(anchors));
        }
    }

    private PromotionOutcome toProduction() throws Exception {
        try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", clock(DEPARTING))) {
            return new Promoter(registry, clock(DEPARTING)).promote(request(1, "production", passed(1, BUILT)));
        }
    }

    private static final String FORGED_APPROVAL = "INSERT INTO approvals (model, digest, stage, approver, decision,"
            + " reason, at) VALUES ('credit-risk', '" + digest(1) + "', 'production', 'dave', 'APPROVE', 'lgtm',"
            + " '2026-11-27T10:00:00Z')";

    @Test
    @DisplayName("forged approvals: a row inserted into approvals is named by verify, and the promoter counts only"
            + " the chain, refusing to decide on a tampered record")
    void forgedApprovals() throws Exception {
        sql(FORGED_APPROVAL);
        assertThat(verify().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.STATE);
            assertThat(f.message()).isEqualTo("approvals row 2 (dave approves credit-risk " + digest(1)
                    + " for production) is in no audit entry: it was written outside mlgates");
        });
        PromotionOutcome outcome = toProduction();
        assertThat(outcome.result()).isEqualTo(PromotionOutcome.Result.REFUSED);
        assertThat(outcome.rules()).containsExactly("audit.tampered");
        assertThat(outcome.refusals().get(0).message()).contains("approvals row 2 (dave approves");
        try (SqliteRegistry registry = SqliteRegistry.openForReading(file, "registry.db")) {
            assertThat(registry.approvals(MODEL, digest(1), "production")).extracting(Approval::approver)
                    .as("decisions are read from the chain").containsExactly("carol");
        }
    }

    @Test
    @DisplayName("editing an approval's row (triggers dropped) names the row, the entry and each changed field")
    void editedApproval() throws Exception {
        assertThatThrownBy(() -> sql("UPDATE approvals SET approver = 'dave'")).hasMessageContaining("append-only");
        sql("DROP TRIGGER approvals_no_update", "UPDATE approvals SET approver = 'dave', reason = 'fine'");
        assertThat(verify().findings()).extracting(AuditFinding::message).containsExactly("approvals row 1"
                + " disagrees with audit entry 3: approver is 'dave' in the table, 'carol' in the log; reason is"
                + " 'fine' in the table, 'reviewed' in the log");
    }

    @Test
    @DisplayName("a stage pointed by SQL: the trigger refuses; with the triggers dropped, verify names the row")
    void stagePointedBySql() throws Exception {
        sql("INSERT INTO model_versions SELECT model, 2, '" + digest(2) + "', source, build_link, author,"
                + " registered_at, metrics, evidence FROM model_versions");
        assertThatThrownBy(() -> sql("UPDATE stages SET version = 2")).hasMessageContaining("a stage points only"
                + " where its newest stage_history row says");
        sql("DROP TRIGGER stages_follow_history_update", "UPDATE stages SET version = 2");
        assertThat(verify().findings()).extracting(AuditFinding::message).containsExactly(
                "model_versions row 2 (credit-risk version 2 (" + digest(2) + ")) is in no audit entry: it was"
                        + " written outside mlgates",
                "stages row 1 disagrees with audit entry 2: version is '2' in the table, '1' in the log");
    }

    @Test
    @DisplayName("a stage_history row deleted (triggers dropped) is named by the entry that lacks it")
    void deletedHistory() throws Exception {
        assertThatThrownBy(() -> sql("DELETE FROM stage_history")).hasMessageContaining("append-only");
        sql("DROP TRIGGER stage_history_no_delete", "DELETE FROM stage_history");
        assertThat(verify().findings()).extracting(AuditFinding::message).containsExactly("audit entry 2"
                + " (credit-risk staging promote to version 1 by jenkins) has no row in stage_history: the row was"
                + " deleted");
    }

    @Test
    @DisplayName("deleting the tail and the head: history without a head is tampered, and no write seals over it")
    void tailAndHeadDeleted() throws Exception {
        assertThatThrownBy(() -> sql("DELETE FROM audit_head")).hasMessageContaining("never removed");
        sql("DROP TRIGGER audit_log_no_delete", "DROP TRIGGER audit_head_no_delete", "DROP TRIGGER approvals_no_delete",
                "DELETE FROM audit_log WHERE seq = 3", "DELETE FROM approvals", "DELETE FROM audit_head");
        assertThat(verify().findings()).extracting(AuditFinding::message).containsExactly("the log's head is"
                + " missing while the log holds 2 entries: the head was deleted, as it is when the newest entries"
                + " are cut off with it; compare the newest entry with an anchor");
        assertThatThrownBy(() -> {
            try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", clock(DEPARTING))) {
                registry.decide(new Approval(MODEL, digest(1), "production", "erin", Approval.Decision.APPROVE, "ok",
                        DEPARTING));
            }
        }).isInstanceOf(RegistryTamperedException.class).hasMessageContaining("the audit log's head (missing) and its"
                + " newest entry (2:");
    }

    @Test
    @DisplayName("a consistent cut (tail, its rows and the head moved back) passes the chain but not the anchor")
    void consistentTruncationShowsAgainstTheAnchor() throws Exception {
        sql("DROP TRIGGER audit_log_no_delete", "DROP TRIGGER approvals_no_delete", "DROP TRIGGER audit_head_forward",
                "DELETE FROM audit_log WHERE seq = 3", "DELETE FROM approvals",
                "UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)");
        assertThat(verify().intact()).isTrue();
        assertThat(verify(anchor).findings()).extracting(AuditFinding::kind, AuditFinding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditFinding.Kind.ANCHOR, "the anchor " + anchor + " names entry"
                        + " 3, which the log no longer holds (it ends at entry 2): the log was cut back after that"
                        + " head was seen"));
    }

    @Test
    @DisplayName("entries added at the end without the head moving: named")
    void entriesAddedOutsideMlgates() throws Exception {
        sql("DROP TRIGGER audit_log_appends_at_end", "INSERT INTO audit_log SELECT 4, at, actor, action, model,"
                + " stage, version, digest, evidence, hash, hash FROM audit_log WHERE seq = 3");
        assertThat(verify().findings()).extracting(AuditFinding::message).contains("entries 4 to 4 were added"
                + " outside mlgates: the log's head records entry 3 as the newest");
    }

    @ParameterizedTest(name = "audit_log.{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "at      | '2026-11-27T09:00:01Z'     | entry 3 was edited: its content (approve by carol) no longer matches its hash",
        "actor   | 'dave'                     | entry 3 was edited: its content (approve by dave) no longer matches its hash",
        "action  | 'reject'                   | entry 3 was edited: its content (reject by carol) no longer matches its hash",
        "model   | 'other'                    | entry 3 was edited",
        "stage   | 'staging'                  | entry 3 was edited",
        "version | 2                          | entry 3 was edited",
        "digest  | 'sha256:00'                | entry 3 was edited",
        "evidence| '{}'                       | entry 3 was edited",
        "previous_hash | hash                 | entry 3 was edited",
        "hash    | previous_hash              | entry 3 was edited",
        "at      | 'yesterday'                | audit_log entry 3, field at: expected an ISO-8601 UTC time such as 2026-11-24T13:00:00Z, found 'yesterday'",
        "actor   | x'00'                      | audit_log entry 3, field actor: expected a text, found a blob of 1 bytes",
        "version | 4294967297                 | audit_log entry 3, field version: expected an integer from 1 to 2147483647, found 4294967297",
        "version | 1.5                        | audit_log entry 3, field version: expected an integer, found the real number 1.5",
        "version | 'one'                      | audit_log entry 3, field version: expected an integer, found the text 'one'",
    })
    @DisplayName("each column of an entry edited (triggers dropped) is named: the entry, and the field when it is"
            + " not what mlgates writes")
    void editedColumns(String column, String value, String expected) throws Exception {
        sql("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET " + column + " = " + value + " WHERE seq = 3");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.findings()).extracting(AuditFinding::message).anySatisfy(m -> assertThat(m).startsWith(expected));
        assertThat(v.findings()).filteredOn(f -> f.message().startsWith(expected)).first()
                .satisfies(f -> assertThat(f.seq()).isEqualTo(3));
    }

    @ParameterizedTest(name = "audit_log.{0} = NULL")
    @CsvSource(delimiter = '|', value = {"at | field at: expected a text, found NULL",
        "actor | field actor: expected a text, found NULL", "evidence | field evidence: expected a text, found NULL",
        "hash | field hash: expected a text, found NULL"})
    @DisplayName("a NULL where the schema forbids one (the table rebuilt without its constraints) is named, not a"
            + " crash")
    void nullFields(String column, String expected) throws Exception {
        sql("ALTER TABLE audit_log RENAME TO audit_log_old", "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at,"
                + " actor, action, model, stage, version, digest, evidence, previous_hash, hash)",
                "INSERT INTO audit_log SELECT * FROM audit_log_old", "DROP TABLE audit_log_old",
                "UPDATE audit_log SET " + column + " = NULL WHERE seq = 3");
        assertThat(verify().findings()).extracting(AuditFinding::message)
                .contains("audit_log entry 3, " + expected);
    }

    @Test
    @DisplayName("timestamps that run backwards are named, even where the hash was recomputed to match")
    void backdated() throws Exception {
        sql("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET at = '2026-11-20T00:00:00Z' WHERE seq = 3");
        assertThat(verify().findings()).extracting(AuditFinding::kind).contains(AuditFinding.Kind.BACKDATED,
                AuditFinding.Kind.EDITED);
        assertThat(verify().findings()).filteredOn(f -> f.kind() == AuditFinding.Kind.BACKDATED)
                .extracting(AuditFinding::message).containsExactly("entry 3 (approve by carol) is dated"
                        + " 2026-11-20T00:00:00Z, before entry 2 (2026-11-26T10:00:00Z): timestamps run backwards, so"
                        + " one of them was edited");
    }

    @Test
    @DisplayName("the head retyped (seq = 3.5) or out of range is named, never read as another number")
    void retypedHead() throws Exception {
        sql("DROP TRIGGER audit_head_forward", "UPDATE audit_head SET seq = 3.5");
        assertThat(verify().findings()).extracting(AuditFinding::message).containsExactly("audit_head, field seq:"
                + " expected an integer, found the real number 3.5");
        assertThat(toProduction().refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("audit.tampered");
            assertThat(r.message()).contains("audit_head, field seq: expected an integer, found the real number 3.5");
        });
        assertThatThrownBy(() -> {
            try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", clock(DEPARTING))) {
                registry.decide(new Approval(MODEL, digest(1), "production", "erin", Approval.Decision.APPROVE, "ok",
                        DEPARTING));
            }
        }).isInstanceOf(RegistryTamperedException.class).hasMessageContaining("audit_head, field seq");
    }

    @Test
    @DisplayName("a bad kind in stage_history: history and rollback name it (tampering), verify names it too")
    void badKind() throws Exception {
        sql("DROP TRIGGER stage_history_no_update", "UPDATE stage_history SET kind = 'TELEPORT'");
        try (SqliteRegistry registry = SqliteRegistry.openForReading(file, "registry.db")) {
            assertThatThrownBy(() -> registry.history(MODEL)).isInstanceOf(RegistryTamperedException.class)
                    .hasMessage("registry.db: tampered with: stage_history row 1, field kind: expected one of PROMOTE,"
                            + " ROLLBACK, found 'TELEPORT'; run mlgates audit verify for everything that disagrees");
            assertThat(registry.verifyAudit().findings()).extracting(AuditFinding::message).contains(
                    "stage_history row 1, field kind: expected one of PROMOTE, ROLLBACK, found 'TELEPORT'");
        }
        try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", clock(DEPARTING))) {
            Rollbacks.Outcome outcome = new Rollbacks(registry, clock(DEPARTING)).rollback(MODEL, "staging", "bob",
                    "latency");
            assertThat(outcome.refusals()).extracting(Refusal::rule).containsExactly("audit.tampered");
        }
    }

    @Test
    @DisplayName("a version stored as 4294967297 is named, never read as version 1")
    void outOfRangeVersion() throws Exception {
        sql("DROP TRIGGER model_versions_no_update", "UPDATE model_versions SET version = 4294967297");
        try (SqliteRegistry registry = SqliteRegistry.openForReading(file, "registry.db")) {
            assertThatThrownBy(() -> registry.versions(MODEL)).isInstanceOf(RegistryTamperedException.class)
                    .hasMessageContaining("model_versions row 1, field version: expected an integer from 1 to"
                            + " 2147483647, found 4294967297");
        }
    }

    @Test
    @DisplayName("a file truncated to 0 bytes is no registry for readers and is refused by writers")
    void truncatedFile() throws Exception {
        Files.write(file, new byte[0]);
        Files.deleteIfExists(tmp.resolve("registry.db-wal"));
        assertThatThrownBy(() -> SqliteRegistry.openForReading(file, "registry.db"))
                .isInstanceOf(RegistryException.class).hasMessage("no registry at registry.db (the file is empty)");
        assertThatThrownBy(() -> SqliteRegistry.open(file, "registry.db", clock(DEPARTING)))
                .hasMessageContaining("registry.db: the registry file is empty; a registry is never empty, so it was"
                        + " truncated");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    @DisplayName("a write dated before the newest entry beyond the tolerance is refused: timestamps never run back")
    void clockRunningBackwards() throws Exception {
        try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", clock(BUILT))) {
            assertThatThrownBy(() -> registry.decide(new Approval(MODEL, digest(1), "production", "dave",
                    Approval.Decision.APPROVE, "ok", BUILT))).hasMessageContaining("is dated 2026-11-27T09:00:00Z,"
                    + " after this change's time 2026-11-26T10:00:00Z");
            // within the tolerance (a writer that waited for the lock), the entry takes the newest entry's time
            assertThat(registry.decide(new Approval(MODEL, digest(1), "production", "dave", Approval.Decision.APPROVE,
                    "ok", APPROVED.minusSeconds(5))).value().at()).isEqualTo(APPROVED);
            assertThat(registry.verifyAudit().intact()).isTrue();
        }
    }
}
