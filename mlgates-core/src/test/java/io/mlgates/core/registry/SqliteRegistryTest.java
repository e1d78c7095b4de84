package io.mlgates.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.audit.AuditChain;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditRecord;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.gate.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegistryTest {
    static final Instant T0 = Instant.parse("2026-11-24T13:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    static String digest(int i) {
        return "sha256:" + String.format("%064x", i);
    }

    static Registration registration(String model, int i) {
        return new Registration(model, digest(i), "model", Optional.of("https://ci.example/job/" + i), "alice",
                T0.plusSeconds(i), Map.of("roc_auc", 0.8), List.of(new GateEvidence("validate", Status.PASS,
                digest(i), "sha256:" + "0".repeat(64), T0)));
    }

    static StageMoveRequest promote(String model, String stage, OptionalInt expected, int to) {
        return new StageMoveRequest(model, stage, expected, to, StageMove.Kind.PROMOTE, "bob", T0.plusSeconds(60),
                "", false, "{\"gates\":[]}");
    }

    private SqliteRegistry open() throws RegistryException {
        return SqliteRegistry.open(tmp.resolve(".mlgates/registry.db"), ".mlgates/registry.db", CLOCK);
    }

    @Test
    @DisplayName("a registration reads back equal, numbered from 1; the same digest registers once")
    void registerRoundTrip() throws Exception {
        try (SqliteRegistry registry = open()) {
            ModelVersion v1 = registry.register(registration("credit-risk", 1), "jenkins");
            ModelVersion v2 = registry.register(registration("credit-risk", 2), "jenkins");
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(registry.register(registration("credit-risk", 1), "jenkins")).isEqualTo(v1);
            assertThat(registry.version("credit-risk", 2)).contains(v2);
            assertThat(registry.versionByDigest("credit-risk", digest(1))).contains(v1);
            assertThat(registry.versions("credit-risk")).containsExactly(v1, v2);
            assertThat(registry.models()).containsExactly("credit-risk");
            assertThat(registry.auditLog()).extracting(e -> e.record().action()).containsExactly("register",
                    "register");
        }
        try (SqliteRegistry reopened = open()) {
            assertThat(reopened.version("credit-risk", 1)).contains(new ModelVersion(1,
                    registration("credit-risk", 1)));
        }
    }

    @Test
    @DisplayName("a move happens only from the expected version; the loser is told where the stage points")
    void compareAndSet() throws Exception {
        try (SqliteRegistry registry = open()) {
            registry.register(registration("m", 1), "jenkins");
            registry.register(registration("m", 2), "jenkins");
            StageMove first = registry.move(promote("m", "staging", OptionalInt.empty(), 1)).value();
            assertThat(first.from()).isEmpty();
            assertThatThrownBy(() -> registry.move(promote("m", "staging", OptionalInt.empty(), 2)))
                    .isInstanceOfSatisfying(StageConflictException.class,
                            e -> assertThat(e.actual()).hasValue(1))
                    .hasMessageContaining("m staging points to version 1, not no version");
            registry.move(promote("m", "staging", OptionalInt.of(1), 2));
            assertThat(registry.current("m", "staging")).hasValue(2);
            assertThat(registry.stages("m")).isEqualTo(Map.of("staging", 2));
            assertThat(registry.history("m")).extracting(StageMove::from, StageMove::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(OptionalInt.empty(), 1),
                            org.assertj.core.groups.Tuple.tuple(OptionalInt.of(1), 2));
            assertThat(registry.history("m").get(1).request()).isEqualTo(promote("m", "staging", OptionalInt.of(1), 2));
            assertThat(registry.verifyAudit().intact()).isTrue();
        }
    }

    @Test
    @DisplayName("a move to a version that does not exist is refused and changes nothing")
    void moveToUnknownVersion() throws Exception {
        try (SqliteRegistry registry = open()) {
            assertThatThrownBy(() -> registry.move(promote("m", "staging", OptionalInt.empty(), 7)))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("m has no version 7");
            assertThat(registry.history("m")).isEmpty();
            assertThat(registry.auditLog()).isEmpty();
        }
    }

    @Test
    @DisplayName("approvals read back in order, bound to their digest and stage, each one audited")
    void approvals() throws Exception {
        try (SqliteRegistry registry = open()) {
            registry.register(registration("m", 1), "jenkins");
            Approval yes = new Approval("m", digest(1), "production", "carol", Approval.Decision.APPROVE, "looks good",
                    T0.plusSeconds(5));
            Approval no = new Approval("m", digest(1), "production", "dave", Approval.Decision.REJECT, "bias",
                    T0.plusSeconds(6));
            registry.decide(yes);
            registry.decide(no);
            registry.decide(new Approval("m", digest(2), "production", "carol", Approval.Decision.APPROVE, "x",
                    T0.plusSeconds(7)));
            assertThat(registry.approvals("m", digest(1), "production")).containsExactly(yes, no);
            assertThat(registry.approvals("m", digest(1), "staging")).isEmpty();
            List<AuditEntry> log = registry.auditLog();
            assertThat(log).extracting(e -> e.record().action()).containsExactly("register", "approve", "reject",
                    "approve");
            assertThat(log.get(1).record().version()).hasValue(1);
            assertThat(log.get(3).record().version()).isEmpty();
        }
    }

    @Test
    @DisplayName("the audit log refuses updates and deletes through SQL; an edit made around that is named")
    void tamperedAuditRowIsNamed() throws Exception {
        Path file = tmp.resolve(".mlgates/registry.db");
        try (SqliteRegistry registry = open()) {
            registry.register(registration("m", 1), "jenkins");
            registry.register(registration("m", 2), "jenkins");
            registry.move(promote("m", "staging", OptionalInt.empty(), 1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE seq = 2"))
                    .hasMessageContaining("append-only");
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
        }
        try (SqliteRegistry registry = open()) {
            assertThat(registry.verifyAudit().findings()).singleElement().satisfies(f -> {
                assertThat(f.seq()).isEqualTo(2);
                assertThat(f.kind()).isEqualTo(AuditFinding.Kind.EDITED);
                assertThat(f.message()).contains("entry 2 was edited");
            });
        }
    }

    @Test
    @DisplayName("a file of schema version 1 is migrated to the current version, keeping its data and its chain")
    void migratesFromVersionOne() throws Exception {
        Path file = tmp.resolve("old.db");
        SqliteRegistry.open(file, "old.db", CLOCK, 1).close();
        // rows as an engine of schema version 1 wrote them: no head beside the log
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            String previous = AuditChain.GENESIS;
            for (int i = 1; i <= 2; i++) {
                s.executeUpdate("INSERT INTO model_versions VALUES ('m', " + i + ", '" + digest(i) + "', 'model', '',"
                        + " 'alice', '" + T0 + "', '{}', '[]')");
                String evidence = RegistryJson.registrationEvidence(new Registration("m", digest(i), "model",
                        Optional.empty(), "alice", T0, Map.of(), List.of()));
                AuditEntry e = AuditChain.seal(i, new AuditRecord(T0, "alice", "register", "m", "", OptionalInt.of(i),
                        digest(i), evidence), previous);
                s.executeUpdate("INSERT INTO audit_log VALUES (" + i + ", '" + T0 + "', 'alice', 'register', 'm', '',"
                        + " " + i + ", '" + digest(i) + "', '" + evidence + "', '" + previous + "', '" + e.hash()
                        + "')");
                previous = e.hash();
            }
        }
        // read as it is: no migration, no head, and the check says what it could not cover
        try (SqliteRegistry old = SqliteRegistry.openForReading(file, "old.db")) {
            assertThat(old.versions("m")).hasSize(2);
            AuditVerification v = old.verifyAudit();
            assertThat(v.intact()).isTrue();
            assertThat(v.limits()).singleElement().asString().contains("keeps no head");
            assertThat(old.head()).contains(new io.mlgates.core.audit.AuditHead(2, old.auditLog().get(1).hash()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(version) FROM schema_version")) {
            assertThat(rs.getString(1)).as("reading migrated nothing").isEqualTo("1");
        }
        try (SqliteRegistry current = SqliteRegistry.open(file, "old.db", CLOCK)) {
            assertThat(current.versions("m")).hasSize(2);
            assertThat(current.verifyAudit().intact()).isTrue();
            assertThat(current.auditLog()).hasSize(2);
            current.move(promote("m", "staging", OptionalInt.empty(), 2));
            assertThat(current.verifyAudit().intact()).isTrue();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(version) FROM schema_version")) {
            assertThat(rs.getString(1)).isEqualTo("1,2,3");
        }
    }

    @Test
    @DisplayName("a file with a newer schema than this engine knows is refused, not written")
    void newerSchemaIsRefused() throws Exception {
        Path file = tmp.resolve("new.db");
        try (SqliteRegistry registry = SqliteRegistry.open(file, "new.db", CLOCK)) {
            registry.models();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (99, '2030-01-01T00:00:00Z')");
        }
        assertThatThrownBy(() -> SqliteRegistry.open(file, "new.db", CLOCK)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("new.db: the registry's schema is version 99, newer than the 3 this mlgates"
                        + " knows");
        assertThatThrownBy(() -> SqliteRegistry.openForReading(file, "new.db"))
                .hasMessageContaining("new.db: the registry's schema is version 99, newer than the 3");
    }

    @Test
    @DisplayName("a file that is not a database is bad input that names it")
    void notADatabase() throws Exception {
        Path file = Files.writeString(tmp.resolve("registry.db"), "hello, this is not SQLite".repeat(100));
        assertThatThrownBy(() -> SqliteRegistry.open(file, "registry.db", CLOCK)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("registry.db: not a registry");
    }
}
