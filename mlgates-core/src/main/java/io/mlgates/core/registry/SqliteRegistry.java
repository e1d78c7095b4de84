package io.mlgates.core.registry;

import io.mlgates.core.audit.AuditChain;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditRecord;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.audit.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded registry: one SQLite file. Every change runs in one {@code BEGIN IMMEDIATE} transaction, which
 * takes the file's write lock before reading, so that two processes that move the same stage are serialized and
 * the second sees the first's result; the write-ahead log makes a commit all or nothing, also when the process is
 * killed. The audit log is appended in the same transaction as the change it records, and a change is refused when
 * the log's head and its newest entry disagree, so that a cut-off log is never sealed over.
 *
 * <p>{@link #openForReading} opens an existing file read-only: it never creates, migrates or writes, and reads an
 * older schema as it is. Every field is read with the type and range mlgates writes ({@link StoredRow}).
 *
 * <p>An instance holds one connection; its methods may be called from several threads (they take turns). For
 * real parallelism, each thread or process opens its own instance on the same file.
 */
public final class SqliteRegistry implements ModelRegistry {
    /** How long a change waits for another process's transaction to finish before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;
    /**
     * How far a new entry's time may lie before the newest entry's: a writer that read the clock and then waited for
     * the lock behind another writer. Within it the entry takes the newest entry's time; beyond it the write is
     * refused, because timestamps in the log never run backwards.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMillis(2L * BUSY_TIMEOUT_MILLIS);

    private final Connection connection;
    private final String location;
    private final int schemaVersion;
    private final boolean readOnly;
    /** For a file read as immutable: the write-ahead log whose appearance means a writer started meanwhile. */
    private final Optional<Path> writerSign;

    private SqliteRegistry(Connection connection, String location, int schemaVersion, boolean readOnly,
                           Optional<Path> writerSign) {
        this.connection = connection;
        this.location = location;
        this.schemaVersion = schemaVersion;
        this.readOnly = readOnly;
        this.writerSign = writerSign;
    }

    /**
     * Opens the registry file for changes, creating it (and its folder) when missing, and brings its schema up to
     * date. An existing empty file is refused: a registry file is never empty, so it was truncated.
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
        boolean empty;
        try {
            empty = Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            throw new RegistryException(location + ": cannot be read: " + e.getMessage(), e);
        }
        if (empty) {
            throw new RegistryException(location + ": the registry file is empty; a registry is never empty, so"
                    + " it was truncated: restore it from a backup (and check it with mlgates audit verify"
                    + " --expect-head), or delete it to start a new registry");
        }
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
            connection = connect("jdbc:sqlite:" + file.toAbsolutePath(), config);
            try (Statement statement = connection.createStatement()) {
                // WAL: readers do not block the writer, and a killed writer leaves only an ignored log tail.
                statement.execute("PRAGMA journal_mode=WAL");
            }
            SqliteRegistry registry = new SqliteRegistry(connection, location, schemaVersion, false,
                    Optional.empty());
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

    /**
     * Opens an existing registry file read-only, for commands that only read: nothing is created, migrated or
     * written. A missing or empty file is "no registry"; a schema newer than this engine is refused with its version;
     * an older one is read as it is.
     */
    public static SqliteRegistry openForReading(Path file, String location) throws RegistryException {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            throw new RegistryException(location + ": cannot be read: " + e.getMessage(), e);
        }
        if (!Files.exists(file) || size == 0) {
            throw new RegistryException("no registry at " + location + (size == 0 ? " (the file is empty)" : ""));
        }
        if (size < 0) {
            throw new RegistryException(location + ": not a registry (not a regular file)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // Without a write-ahead log beside it no writer is at work, and the file is read as immutable: SQLite then
        // creates no -wal and -shm files (which a read-only open of a WAL file otherwise leaves behind), and a copy
        // on read-only media can be read. With a log beside it, the log is read as SQLite reads it.
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        boolean immutable = !Files.exists(wal);
        String url = immutable ? "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro&immutable=1"
                : "jdbc:sqlite:" + file.toAbsolutePath();
        Connection connection = null;
        try {
            connection = connect(url, config.toProperties());
            int version = Migrations.readVersion(connection, location);
            return new SqliteRegistry(connection, location, version, true, immutable ? Optional.of(wal)
                    : Optional.empty());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(location, e);
        } catch (RegistryException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * A connection through the SQLite driver itself, not through {@code DriverManager}: {@code DriverManager} finds
     * only drivers that the caller's class loader and the system class loader agree on, so inside a Jenkins plugin,
     * whose libraries only the plugin's class loader sees, it answers "No suitable driver".
     */
    static Connection connect(String url, Properties properties) throws SQLException {
        Connection connection = new JDBC().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not an SQLite address: " + url);
        }
        return connection;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public ModelVersion register(Registration asked, String registeredBy) throws RegistryException {
        if (registeredBy.isBlank()) {
            throw new IllegalArgumentException("a registration names who runs it");
        }
        return write(c -> {
            Optional<ModelVersion> existing = versionByDigest(c, asked.model(), asked.digest());
            if (existing.isPresent()) {
                return existing.get();
            }
            Registration r = new Registration(asked.model(), asked.digest(), asked.source(), asked.buildLink(),
                    asked.author(), stamp(c, asked.at()), asked.metrics(), asked.evidence());
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
            append(c, new AuditRecord(r.at(), registeredBy, "register", r.model(), "", OptionalInt.of(next),
                    r.digest(), RegistryJson.registrationEvidence(r)));
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
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT min(rowid) AS row_id, model"
                    + " FROM model_versions GROUP BY model ORDER BY model")) {
                while (rs.next()) {
                    StoredRow row = new StoredRow(rs, "model_versions row " + rs.getLong("row_id"));
                    models.add(strict(() -> row.text("model")));
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
            for (ChainReplay.StagePointer p : pointers(c, "WHERE model = ?", model)) {
                stages.put(p.stage(), p.version());
            }
            return stages;
        });
    }

    @Override
    public Recorded<StageMove> move(StageMoveRequest asked) throws RegistryException {
        return write(c -> {
            OptionalInt actual = current(c, asked.model(), asked.stage());
            if (!actual.equals(asked.expected())) {
                throw new StageConflictException(asked.model(), asked.stage(), asked.expected(), actual);
            }
            Optional<ModelVersion> target = first(versions(c, "model = ? AND version = ?", asked.model(), asked.to()));
            if (target.isEmpty()) {
                throw new RegistryException(location + ": " + asked.model() + " has no version " + asked.to());
            }
            StageMoveRequest m = new StageMoveRequest(asked.model(), asked.stage(), asked.expected(), asked.to(),
                    asked.kind(), asked.actor(), stamp(c, asked.at()), asked.reason(), asked.emergency(),
                    asked.evidence());
            // the history first: a trigger lets a stage point only where its newest history row says
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
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stages (model, stage, version, since)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (model, stage) DO UPDATE SET version = excluded.version,"
                    + " since = excluded.since")) {
                s.setString(1, m.model());
                s.setString(2, m.stage());
                s.setInt(3, m.to());
                s.setString(4, m.at().toString());
                s.executeUpdate();
            }
            AuditHead head = append(c, new AuditRecord(m.at(), m.actor(), m.kind().action(), m.model(), m.stage(),
                    OptionalInt.of(m.to()), target.get().digest(), RegistryJson.moveEvidence(m)));
            return new Recorded<>(new StageMove(id, m), head);
        });
    }

    @Override
    public List<StageMove> history(String model) throws RegistryException {
        return read(c -> {
            return strictRows((cc, m) -> moveRows(cc, "WHERE model = ?", m, model), c);
        });
    }

    @Override
    public Recorded<Approval> decide(Approval asked) throws RegistryException {
        return write(c -> {
            Approval a = asked.at(stamp(c, asked.at()));
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
            AuditHead head = append(c, new AuditRecord(a.at(), a.approver(), a.decision().action(), a.model(),
                    a.stage(), version, a.digest(), RegistryJson.decisionEvidence(a)));
            return new Recorded<>(a, head);
        });
    }

    @Override
    public List<Approval> approvals(String model, String digest, String stage) throws RegistryException {
        return read(c -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (Slot slot : auditRows(c, "WHERE action IN ('approve', 'reject') AND model = ? AND digest = ? AND"
                    + " stage = ?", model, digest, stage)) {
                entries.add(strict(slot));
            }
            try {
                return ChainReplay.decisions(entries, model, digest, stage);
            } catch (MalformedFieldException e) {
                throw e.tampered(location);
            }
        });
    }

    @Override
    public List<AuditEntry> auditLog() throws RegistryException {
        return read(c -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (Slot slot : auditRows(c, "")) {
                entries.add(strict(slot));
            }
            return entries;
        });
    }

    @Override
    public Optional<AuditHead> head() throws RegistryException {
        return read(c -> {
            if (schemaVersion < 2) {
                return newest(c).map(e -> new AuditHead(e.seq(), e.hash()));
            }
            HeadRow head = headRow(c);
            if (head.malformed().isPresent()) {
                throw head.malformed().get().tampered(location);
            }
            return head.head();
        });
    }

    @Override
    public AuditVerification verifyAudit(List<AuditHead> anchors) throws RegistryException {
        // one read transaction, so that the log, its head and the state tables are seen at the same moment
        return transaction("BEGIN DEFERRED", c -> {
            List<AuditFinding> malformed = new ArrayList<>();
            List<AuditEntry> entries = new ArrayList<>();
            Set<Long> unreadable = new HashSet<>();
            for (Slot slot : auditRows(c, "")) {
                if (slot.entry().isPresent()) {
                    entries.add(slot.entry().get());
                } else {
                    unreadable.add(slot.seq());
                    malformed.add(new AuditFinding(slot.seq(), AuditFinding.Kind.MALFORMED,
                            slot.problem().orElseThrow().getMessage()));
                }
            }
            AuditChain.HeadRecord headRecord = AuditChain.HeadRecord.NOT_KEPT;
            Optional<AuditHead> head = Optional.empty();
            if (schemaVersion >= 2) {
                HeadRow row = headRow(c);
                head = row.head();
                headRecord = AuditChain.HeadRecord.KEPT;
                if (row.malformed().isPresent()) {
                    // a head that cannot be read is reported as such, not again as missing
                    malformed.add(new AuditFinding(0, AuditFinding.Kind.MALFORMED, row.malformed().get().getMessage()));
                    head = Optional.empty();
                    headRecord = AuditChain.HeadRecord.UNREADABLE;
                }
            }
            AuditVerification chain = AuditChain.verify(entries, unreadable, head, headRecord);
            ChainReplay.State state = new ChainReplay.State(versionRows(c, "", malformed),
                    moveRows(c, "", malformed).stream().map(m -> new ChainReplay.Named<>(m.name(),
                            m.value().request())).toList(), pointerRows(c, "", malformed),
                    approvalRows(c, malformed), true);
            List<AuditFinding> more = new ArrayList<>(malformed);
            more.addAll(ChainReplay.compare(entries, state));
            more.addAll(AuditChain.anchors(entries, anchors));
            return chain.with(more);
        });
    }

    @Override
    public synchronized void close() throws RegistryException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    /** An audit_log row: the entry, or why it cannot be read. */
    private record Slot(long seq, Optional<AuditEntry> entry, Optional<MalformedFieldException> problem) {
    }

    private AuditEntry strict(Slot slot) throws RegistryTamperedException {
        if (slot.problem().isPresent()) {
            throw slot.problem().get().tampered(location);
        }
        return slot.entry().orElseThrow();
    }

    private <T> T strict(Reading<T> reading) throws SQLException, RegistryTamperedException {
        try {
            return reading.get();
        } catch (MalformedFieldException e) {
            throw e.tampered(location);
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T get() throws SQLException, MalformedFieldException;
    }

    private static List<Slot> auditRows(Connection c, String where, Object... arguments) throws SQLException {
        List<Slot> slots = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, model, stage, version, digest,"
                + " evidence, previous_hash, hash FROM audit_log " + where + " ORDER BY seq")) {
            bind(s, arguments);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    StoredRow row = new StoredRow(rs, "audit_log entry " + seq);
                    try {
                        AuditRecord record = new AuditRecord(row.instant("at"), nonBlank(row, "actor"),
                                nonBlank(row, "action"), nonBlank(row, "model"), row.text("stage"),
                                row.optionalVersion("version"), row.text("digest"), row.text("evidence"));
                        slots.add(new Slot(seq, Optional.of(new AuditEntry(seq, record, row.text("previous_hash"),
                                row.text("hash"))), Optional.empty()));
                    } catch (MalformedFieldException e) {
                        slots.add(new Slot(seq, Optional.empty(), Optional.of(e)));
                    }
                }
            }
        }
        return slots;
    }

    private static String nonBlank(StoredRow row, String column) throws SQLException, MalformedFieldException {
        String text = row.text(column);
        if (text.isBlank()) {
            throw new MalformedFieldException(row.where(), column, "expected a text that is not blank");
        }
        return text;
    }

    private static Optional<AuditEntry> newest(Connection c) throws SQLException {
        List<Slot> last = auditRows(c, "WHERE seq = (SELECT max(seq) FROM audit_log)");
        return last.isEmpty() ? Optional.empty() : last.get(0).entry();
    }

    /** The head row as stored, or why it cannot be read. */
    private record HeadRow(Optional<AuditHead> head, Optional<MalformedFieldException> malformed) {
    }

    private static HeadRow headRow(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) OVER () AS n, id, seq, hash FROM audit_head")) {
            if (!rs.next()) {
                return new HeadRow(Optional.empty(), Optional.empty());
            }
            StoredRow row = new StoredRow(rs, "audit_head");
            try {
                if (rs.getLong("n") != 1 || row.integer("id", 1, 1) != 1) {
                    throw new MalformedFieldException("audit_head", "id", "expected one row with id 1, found "
                            + rs.getLong("n") + " rows");
                }
                long seq = row.integer("seq", 1, Long.MAX_VALUE);
                String hash = row.text("hash");
                try {
                    return new HeadRow(Optional.of(new AuditHead(seq, hash)), Optional.empty());
                } catch (IllegalArgumentException e) {
                    throw new MalformedFieldException("audit_head", "hash", e.getMessage());
                }
            } catch (MalformedFieldException e) {
                return new HeadRow(Optional.empty(), Optional.of(e));
            }
        }
    }

    @FunctionalInterface
    private interface LenientRows<T> {
        List<ChainReplay.Named<T>> read(Connection c, List<AuditFinding> malformed) throws SQLException;
    }

    /** Reads a state table: each row mapped, or, when a field is malformed, reported into {@code malformed}. */
    private static <T> List<ChainReplay.Named<T>> rows(Connection c, String sql, String table, Object[] arguments,
                                                     RowMapper<T> mapper, List<AuditFinding> malformed)
            throws SQLException {
        List<ChainReplay.Named<T>> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, arguments);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = "row " + rs.getLong("row_id");
                    try {
                        rows.add(new ChainReplay.Named<>(name, mapper.map(new StoredRow(rs, table + " " + name))));
                    } catch (MalformedFieldException e) {
                        malformed.add(new AuditFinding(0, AuditFinding.Kind.MALFORMED, e.getMessage()));
                    }
                }
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(StoredRow row) throws SQLException, MalformedFieldException;
    }

    /** Strict reading: the first malformed field ends it as tampering. */
    private <T> List<T> strictRows(LenientRows<T> rows, Connection c) throws SQLException, RegistryTamperedException {
        List<AuditFinding> malformed = new ArrayList<>();
        List<ChainReplay.Named<T>> read = rows.read(c, malformed);
        if (!malformed.isEmpty()) {
            throw new RegistryTamperedException(location + ": tampered with: " + malformed.get(0).message()
                    + "; run mlgates audit verify for everything that disagrees");
        }
        return read.stream().map(ChainReplay.Named::value).toList();
    }

    private static List<ChainReplay.Named<ModelVersion>> versionRows(Connection c, String where,
                                                                     List<AuditFinding> malformed,
                                                                     Object... arguments) throws SQLException {
        return rows(c, "SELECT rowid AS row_id, model, version, digest, source, build_link, author, registered_at,"
                + " metrics, evidence FROM model_versions " + where + " ORDER BY model, version", "model_versions",
                arguments, row -> {
                    String link = row.text("build_link");
                    String model = row.text("model");
                    int version = row.version("version");
                    try {
                        return new ModelVersion(version, new Registration(model, row.text("digest"),
                                row.text("source"), link.isEmpty() ? Optional.empty() : Optional.of(link),
                                row.text("author"), row.instant("registered_at"),
                                RegistryJson.metrics(json(row, "metrics")), RegistryJson.evidence(json(row,
                                "evidence"))));
                    } catch (IllegalArgumentException | java.time.DateTimeException e) {
                        throw new MalformedFieldException(row.where(), "evidence", StoredRow.shorten(
                                String.valueOf(e.getMessage())));
                    }
                }, malformed);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(StoredRow row, String column) throws SQLException,
            MalformedFieldException {
        try {
            return CanonicalJson.parse(row.text(column));
        } catch (IllegalArgumentException e) {
            throw new MalformedFieldException(row.where(), column, "expected JSON");
        }
    }

    private static List<ChainReplay.Named<StageMove>> moveRows(Connection c, String where,
                                                               List<AuditFinding> malformed, Object... arguments)
            throws SQLException {
        return rows(c, "SELECT id AS row_id, model, stage, kind, from_version, to_version, actor, at, reason,"
                + " emergency, evidence FROM stage_history " + where + " ORDER BY id", "stage_history", arguments,
                row -> new StageMove(row.integer("row_id", 1, Long.MAX_VALUE), new StageMoveRequest(row.text("model"),
                        row.text("stage"), row.optionalVersion("from_version"), row.version("to_version"),
                        row.choice("kind", StageMove.Kind.class), row.text("actor"), row.instant("at"),
                        row.text("reason"), row.flag("emergency"), row.text("evidence"))), malformed);
    }

    private static List<ChainReplay.Named<ChainReplay.StagePointer>> pointerRows(Connection c, String where,
                                                                                List<AuditFinding> malformed,
                                                                                Object... arguments)
            throws SQLException {
        return rows(c, "SELECT rowid AS row_id, model, stage, version, since FROM stages " + where
                + " ORDER BY model, stage", "stages", arguments, row -> new ChainReplay.StagePointer(row.text("model"),
                row.text("stage"), row.version("version"), Optional.of(row.instant("since"))), malformed);
    }

    private List<ChainReplay.StagePointer> pointers(Connection c, String where, Object... arguments)
            throws SQLException, RegistryTamperedException {
        return strictRows((cc, m) -> pointerRows(cc, where, m, arguments), c);
    }

    private static List<ChainReplay.Named<Approval>> approvalRows(Connection c, List<AuditFinding> malformed)
            throws SQLException {
        return rows(c, "SELECT id AS row_id, model, digest, stage, approver, decision, reason, at FROM approvals"
                + " ORDER BY id", "approvals", new Object[0], row -> {
                    try {
                        return new Approval(row.text("model"), row.text("digest"), row.text("stage"),
                                row.text("approver"), row.choice("decision", Approval.Decision.class),
                                row.text("reason"), row.instant("at"));
                    } catch (IllegalArgumentException e) {
                        throw new MalformedFieldException(row.where(), "approver", e.getMessage());
                    }
                }, malformed);
    }

    /**
     * The time a new entry is dated: the time asked, or the newest entry's when that is later by no more than
     * {@link #CLOCK_TOLERANCE} (a writer that waited for the lock); later still, the write is refused.
     */
    private Instant stamp(Connection c, Instant asked) throws SQLException, RegistryException {
        Optional<AuditEntry> newest = newest(c);
        if (newest.isEmpty() || !asked.isBefore(newest.get().record().at())) {
            return asked;
        }
        Instant last = newest.get().record().at();
        if (Duration.between(asked, last).compareTo(CLOCK_TOLERANCE) > 0) {
            throw new RegistryException(location + ": the audit log's newest entry, " + newest.get().seq()
                    + ", is dated " + last + ", after this change's time " + asked + ": a clock is wrong or that"
                    + " entry was forged; nothing was written, because the log's timestamps never run backwards");
        }
        return last;
    }

    /**
     * Seals the record after the newest entry; the caller's transaction holds the write lock. Refused when the head
     * and the newest entry disagree: sealing over a cut would hide the cut for good.
     */
    private AuditHead append(Connection c, AuditRecord record) throws SQLException, RegistryException {
        List<Slot> newest = auditRows(c, "WHERE seq = (SELECT max(seq) FROM audit_log)");
        HeadRow head = headRow(c);
        if (head.malformed().isPresent()) {
            throw head.malformed().get().tampered(location);
        }
        Optional<AuditHead> tail = newest.isEmpty() ? Optional.empty()
                : Optional.of(new AuditHead(newest.get(0).seq(), strict(newest.get(0)).hash()));
        if (!head.head().equals(tail)) {
            throw new RegistryTamperedException(location + ": tampered with: the audit log's head ("
                    + head.head().map(AuditHead::toString).orElse("missing") + ") and its newest entry ("
                    + tail.map(AuditHead::toString).orElse("none") + ") disagree, so entries were cut off or"
                    + " added outside mlgates; nothing was written (run mlgates audit verify)");
        }
        long seq = tail.map(t -> t.seq() + 1).orElse(1L);
        String previous = tail.map(AuditHead::hash).orElse(AuditChain.GENESIS);
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
        // an update, or the first insert: an upsert would fire the insert trigger for every move of the head
        try (PreparedStatement s = c.prepareStatement(seq == 1 ? "INSERT INTO audit_head (seq, hash, id) VALUES"
                + " (?, ?, 1)" : "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.setString(2, entry.hash());
            s.executeUpdate();
        }
        return new AuditHead(seq, entry.hash());
    }

    private OptionalInt current(Connection c, String model, String stage) throws SQLException,
            RegistryTamperedException {
        List<ChainReplay.StagePointer> found = pointers(c, "WHERE model = ? AND stage = ?", model, stage);
        return found.isEmpty() ? OptionalInt.empty() : OptionalInt.of(found.get(0).version());
    }

    private Optional<ModelVersion> versionByDigest(Connection c, String model, String digest)
            throws SQLException, RegistryTamperedException {
        return first(versions(c, "model = ? AND digest = ?", model, digest));
    }

    private List<ModelVersion> versions(Connection c, String where, Object... arguments) throws SQLException,
            RegistryTamperedException {
        return strictRows((cc, m) -> versionRows(cc, "WHERE " + where, m, arguments), c);
    }

    private static void bind(PreparedStatement s, Object[] arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            s.setObject(i + 1, arguments[i]);
        }
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
        if (readOnly) {
            throw new IllegalStateException(location + " was opened for reading");
        }
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
            checkNoWriter();
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
            T result = work.run(connection);
            checkNoWriter();
            return result;
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    /** A file read as immutable must not have changed under the read: a writer that started meanwhile voids it. */
    private void checkNoWriter() throws RegistryException {
        if (writerSign.isPresent() && Files.exists(writerSign.get())) {
            throw new RegistryException(location + ": another process started writing the registry while it was"
                    + " read; run the command again");
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

    static RegistryException failure(String location, SQLException e) {
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
