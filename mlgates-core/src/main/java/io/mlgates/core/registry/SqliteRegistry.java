package io.mlgates.core.registry;

import io.mlgates.core.audit.AuditChain;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditRecord;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.audit.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded registry: one SQLite file. Every change runs in one {@code BEGIN IMMEDIATE} transaction, which
 * takes the file's write lock before reading, so that two processes that move the same stage are serialized and
 * the second sees the first's result; the write-ahead log makes a commit all or nothing, also when the process is
 * killed. The audit log is appended in the same transaction as the change it records.
 *
 * <p>An instance holds one connection; its methods may be called from several threads (they take turns). For
 * real parallelism, each thread or process opens its own instance on the same file.
 */
public final class SqliteRegistry implements ModelRegistry {
    /** How long a change waits for another process's transaction to finish before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final Connection connection;
    private final String location;

    private SqliteRegistry(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /**
     * Opens the registry file, creating it (and its folder) when missing, and brings its schema up to date.
     *
     * @param file the database file
     * @param location how the file is named in messages
     * @param clock when migrations are recorded as applied
     */
    public static SqliteRegistry open(Path file, String location, Clock clock) throws RegistryException {
        return open(file, location, clock, Migrations.CURRENT);
    }

    /** Opens with the schema brought to {@code schemaVersion} only: what a test of an older file needs. */
    static SqliteRegistry open(Path file, String location, Clock clock, int schemaVersion) throws RegistryException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new RegistryException(location + ": cannot create its folder: " + e.getMessage(), e);
        }
        Properties config = new Properties();
        config.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        config.setProperty("foreign_keys", "true");
        // FULL: a committed promotion survives a power loss too, not only a killed process.
        config.setProperty("synchronous", "FULL");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config);
            SqliteRegistry registry = new SqliteRegistry(connection, location);
            try (Statement statement = connection.createStatement()) {
                // WAL: readers do not block the writer, and a killed writer leaves only an ignored log tail.
                statement.execute("PRAGMA journal_mode=WAL");
            }
            registry.write(c -> Migrations.migrate(c, schemaVersion, clock.instant(), location));
            return registry;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(location, e);
        } catch (RegistryException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public ModelVersion register(Registration r) throws RegistryException {
        return write(c -> {
            Optional<ModelVersion> existing = versionByDigest(c, r.model(), r.digest());
            if (existing.isPresent()) {
                return existing.get();
            }
            int next;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE model = ?")) {
                s.setString(1, r.model());
                try (ResultSet rs = s.executeQuery()) {
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO model_versions (model, version, digest, source,"
                    + " build_link, author, registered_at, metrics, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, r.model());
                s.setInt(2, next);
                s.setString(3, r.digest());
                s.setString(4, r.source());
                s.setString(5, r.buildLink().orElse(""));
                s.setString(6, r.author());
                s.setString(7, r.at().toString());
                s.setString(8, CanonicalJson.of(RegistryJson.metrics(r.metrics())));
                s.setString(9, CanonicalJson.of(RegistryJson.evidence(r.evidence())));
                s.executeUpdate();
            }
            append(c, new AuditRecord(r.at(), r.author(), "register", r.model(), "", OptionalInt.of(next), r.digest(),
                    RegistryJson.registrationEvidence(r)));
            return new ModelVersion(next, r);
        });
    }

    @Override
    public Optional<ModelVersion> version(String model, int version) throws RegistryException {
        return read(c -> first(versions(c, "model = ? AND version = ?", model, version)));
    }

    @Override
    public Optional<ModelVersion> versionByDigest(String model, String digest) throws RegistryException {
        return read(c -> versionByDigest(c, model, digest));
    }

    @Override
    public List<ModelVersion> versions(String model) throws RegistryException {
        return read(c -> versions(c, "model = ?", model));
    }

    @Override
    public List<String> models() throws RegistryException {
        return read(c -> {
            List<String> models = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT model FROM model_versions ORDER BY model")) {
                while (rs.next()) {
                    models.add(rs.getString(1));
                }
            }
            return models;
        });
    }

    @Override
    public OptionalInt current(String model, String stage) throws RegistryException {
        return read(c -> current(c, model, stage));
    }

    @Override
    public Map<String, Integer> stages(String model) throws RegistryException {
        return read(c -> {
            Map<String, Integer> stages = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT stage, version FROM stages WHERE model = ? ORDER BY stage")) {
                s.setString(1, model);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stages.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return stages;
        });
    }

    @Override
    public StageMove move(StageMoveRequest m) throws RegistryException {
        return write(c -> {
            OptionalInt actual = current(c, m.model(), m.stage());
            if (!actual.equals(m.expected())) {
                throw new StageConflictException(m.model(), m.stage(), m.expected(), actual);
            }
            Optional<ModelVersion> target = first(versions(c, "model = ? AND version = ?", m.model(), m.to()));
            if (target.isEmpty()) {
                throw new RegistryException(location + ": " + m.model() + " has no version " + m.to());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stages (model, stage, version, since)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (model, stage) DO UPDATE SET version = excluded.version,"
                    + " since = excluded.since")) {
                s.setString(1, m.model());
                s.setString(2, m.stage());
                s.setInt(3, m.to());
                s.setString(4, m.at().toString());
                s.executeUpdate();
            }
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stage_history (model, stage, kind, from_version,"
                    + " to_version, actor, at, reason, emergency, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, m.model());
                s.setString(2, m.stage());
                s.setString(3, m.kind().name());
                if (m.expected().isPresent()) {
                    s.setInt(4, m.expected().getAsInt());
                } else {
                    s.setNull(4, Types.INTEGER);
                }
                s.setInt(5, m.to());
                s.setString(6, m.actor());
                s.setString(7, m.at().toString());
                s.setString(8, m.reason());
                s.setInt(9, m.emergency() ? 1 : 0);
                s.setString(10, m.evidence());
                s.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                id = rs.getLong(1);
            }
            append(c, new AuditRecord(m.at(), m.actor(), m.kind().action(), m.model(), m.stage(),
                    OptionalInt.of(m.to()), target.get().digest(), RegistryJson.moveEvidence(m)));
            return new StageMove(id, m);
        });
    }

    @Override
    public List<StageMove> history(String model) throws RegistryException {
        return read(c -> {
            List<StageMove> history = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, stage, kind, from_version, to_version, actor, at,"
                    + " reason, emergency, evidence FROM stage_history WHERE model = ? ORDER BY id")) {
                s.setString(1, model);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int from = rs.getInt(4);
                        OptionalInt expected = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(from);
                        history.add(new StageMove(rs.getLong(1), new StageMoveRequest(model, rs.getString(2),
                                expected, rs.getInt(5), StageMove.Kind.valueOf(rs.getString(3)), rs.getString(6),
                                Instant.parse(rs.getString(7)), rs.getString(8), rs.getInt(9) == 1,
                                rs.getString(10))));
                    }
                }
            }
            return history;
        });
    }

    @Override
    public void decide(Approval a) throws RegistryException {
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO approvals (model, digest, stage, approver,"
                    + " decision, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, a.model());
                s.setString(2, a.digest());
                s.setString(3, a.stage());
                s.setString(4, a.approver());
                s.setString(5, a.decision().name());
                s.setString(6, a.reason());
                s.setString(7, a.at().toString());
                s.executeUpdate();
            }
            OptionalInt version = versionByDigest(c, a.model(), a.digest()).map(v -> OptionalInt.of(v.version()))
                    .orElse(OptionalInt.empty());
            append(c, new AuditRecord(a.at(), a.approver(), a.decision().action(), a.model(), a.stage(), version,
                    a.digest(), RegistryJson.decisionEvidence(a)));
            return null;
        });
    }

    @Override
    public List<Approval> approvals(String model, String digest, String stage) throws RegistryException {
        return read(c -> {
            List<Approval> approvals = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT approver, decision, reason, at FROM approvals"
                    + " WHERE model = ? AND digest = ? AND stage = ? ORDER BY id")) {
                s.setString(1, model);
                s.setString(2, digest);
                s.setString(3, stage);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        approvals.add(new Approval(model, digest, stage, rs.getString(1),
                                Approval.Decision.valueOf(rs.getString(2)), rs.getString(3),
                                Instant.parse(rs.getString(4))));
                    }
                }
            }
            return approvals;
        });
    }

    @Override
    public List<AuditEntry> auditLog() throws RegistryException {
        return read(SqliteRegistry::auditLog);
    }

    @Override
    public AuditVerification verifyAudit() throws RegistryException {
        // one read transaction, so that the log and its head are seen at the same moment
        return transaction("BEGIN DEFERRED", c -> AuditChain.verify(auditLog(c), head(c)));
    }

    @Override
    public synchronized void close() throws RegistryException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    private static List<AuditEntry> auditLog(Connection c) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, model,"
                + " stage, version, digest, evidence, previous_hash, hash FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                int version = rs.getInt(7);
                OptionalInt v = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
                entries.add(new AuditEntry(rs.getLong(1), new AuditRecord(Instant.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), v, rs.getString(8),
                        rs.getString(9)), rs.getString(10), rs.getString(11)));
            }
        }
        return entries;
    }

    private static Optional<AuditHead> head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")) {
            return rs.next() ? Optional.of(new AuditHead(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }

    /** Seals the record after the newest entry; the caller's transaction holds the write lock. */
    private static void append(Connection c, AuditRecord record) throws SQLException {
        long seq = 1;
        String previous = AuditChain.GENESIS;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        AuditEntry entry = AuditChain.seal(seq, record, previous);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, action, model, stage,"
                + " version, digest, evidence, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, record.at().toString());
            s.setString(3, record.actor());
            s.setString(4, record.action());
            s.setString(5, record.model());
            s.setString(6, record.stage());
            if (record.version().isPresent()) {
                s.setInt(7, record.version().getAsInt());
            } else {
                s.setNull(7, Types.INTEGER);
            }
            s.setString(8, record.digest());
            s.setString(9, record.evidence());
            s.setString(10, previous);
            s.setString(11, entry.hash());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")) {
            s.setLong(1, seq);
            s.setString(2, entry.hash());
            s.executeUpdate();
        }
    }

    private static OptionalInt current(Connection c, String model, String stage) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM stages WHERE model = ? AND stage = ?")) {
            s.setString(1, model);
            s.setString(2, stage);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static Optional<ModelVersion> versionByDigest(Connection c, String model, String digest)
            throws SQLException {
        return first(versions(c, "model = ? AND digest = ?", model, digest));
    }

    private static List<ModelVersion> versions(Connection c, String where, Object... arguments) throws SQLException {
        List<ModelVersion> versions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT model, version, digest, source, build_link, author,"
                + " registered_at, metrics, evidence FROM model_versions WHERE " + where + " ORDER BY version")) {
            for (int i = 0; i < arguments.length; i++) {
                s.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String link = rs.getString(5);
                    versions.add(new ModelVersion(rs.getInt(2), new Registration(rs.getString(1), rs.getString(3),
                            rs.getString(4), link.isEmpty() ? Optional.empty() : Optional.of(link), rs.getString(6),
                            Instant.parse(rs.getString(7)), RegistryJson.metrics(CanonicalJson.parse(rs.getString(8))),
                            RegistryJson.evidence(CanonicalJson.parse(rs.getString(9))))));
                }
            }
        }
        return versions;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, RegistryException;
    }

    /** Runs a change in one BEGIN IMMEDIATE transaction: all of it is committed, or none. */
    private <T> T write(Work<T> work) throws RegistryException {
        return transaction("BEGIN IMMEDIATE", work);
    }

    private synchronized <T> T transaction(String begin, Work<T> work) throws RegistryException {
        try {
            try (Statement s = connection.createStatement()) {
                s.execute(begin);
            }
            T result = work.run(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure(location, e);
        } catch (RegistryException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** Runs a read on its own (SQLite's autocommit gives it a consistent snapshot). */
    private synchronized <T> T read(Work<T> work) throws RegistryException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open: BEGIN itself failed
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the open failed already; that error is the one to report
            }
        }
    }

    private static RegistryException failure(String location, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new RegistryException(location + ": not a registry (the file is not an SQLite database)", e);
            }
            // extended codes (SQLITE_BUSY_SNAPSHOT, ...) carry the primary code in their low byte
            if ((code.code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
                return new RegistryException(location + ": the registry stayed locked by another process for more"
                        + " than " + BUSY_TIMEOUT_MILLIS / 1000 + " s", e);
            }
        }
        return new RegistryException(location + ": " + e.getMessage(), e);
    }
}
