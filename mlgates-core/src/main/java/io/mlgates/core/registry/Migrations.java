package io.mlgates.core.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The embedded registry's schema, as numbered migrations. A file records each migration applied in
 * {@code schema_version}; opening a file applies the ones it lacks, in order, in the caller's transaction. A
 * migration, once released, is never changed: a change to the schema is a new migration.
 */
final class Migrations {
    /** Migration {@code i + 1} is {@code STEPS.get(i)}. */
    static final List<List<String>> STEPS = List.of(
            // 1: versions, stages, their history, approvals, and the append-only audit log
            List.of("""
                    CREATE TABLE model_versions (
                      model TEXT NOT NULL, version INTEGER NOT NULL, digest TEXT NOT NULL, source TEXT NOT NULL,
                      build_link TEXT NOT NULL, author TEXT NOT NULL, registered_at TEXT NOT NULL,
                      metrics TEXT NOT NULL, evidence TEXT NOT NULL,
                      PRIMARY KEY (model, version), UNIQUE (model, digest))""", """
                    CREATE TABLE stages (
                      model TEXT NOT NULL, stage TEXT NOT NULL, version INTEGER NOT NULL, since TEXT NOT NULL,
                      PRIMARY KEY (model, stage),
                      FOREIGN KEY (model, version) REFERENCES model_versions (model, version))""", """
                    CREATE TABLE stage_history (
                      id INTEGER PRIMARY KEY, model TEXT NOT NULL, stage TEXT NOT NULL, kind TEXT NOT NULL,
                      from_version INTEGER, to_version INTEGER NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL,
                      reason TEXT NOT NULL, emergency INTEGER NOT NULL, evidence TEXT NOT NULL,
                      FOREIGN KEY (model, to_version) REFERENCES model_versions (model, version))""", """
                    CREATE TABLE approvals (
                      id INTEGER PRIMARY KEY, model TEXT NOT NULL, digest TEXT NOT NULL, stage TEXT NOT NULL,
                      approver TEXT NOT NULL, decision TEXT NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
                      reason TEXT NOT NULL, at TEXT NOT NULL)""", """
                    CREATE TABLE audit_log (
                      seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                      model TEXT NOT NULL, stage TEXT NOT NULL, version INTEGER, digest TEXT NOT NULL,
                      evidence TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)""", """
                    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""", """
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""),
            // 2: the log's head beside it, so that deleting its newest entries is noticed; approvals by candidate
            List.of("""
                    CREATE TABLE audit_head (
                      id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL)""", """
                    INSERT INTO audit_head (id, seq, hash)
                    SELECT 1, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1""", """
                    CREATE INDEX approvals_by_candidate ON approvals (model, digest, stage)"""),
            // 3: every table append-only or moved only with the chain; decisions are read from the log by candidate
            List.of(noChange("model_versions", "UPDATE", "a version is registered once"),
                    noChange("model_versions", "DELETE", "a version is registered once"),
                    noChange("stage_history", "UPDATE", "the stage history is append-only"),
                    noChange("stage_history", "DELETE", "the stage history is append-only"),
                    noChange("approvals", "UPDATE", "approvals are append-only"),
                    noChange("approvals", "DELETE", "approvals are append-only"),
                    noChange("schema_version", "UPDATE", "the schema history is append-only"),
                    noChange("schema_version", "DELETE", "the schema history is append-only"),
                    noChange("stages", "DELETE", "a stage moves, it is never removed"),
                    noChange("audit_head", "DELETE", "the audit head is never removed"),
                    followsHistory("INSERT"), followsHistory("UPDATE"), """
                    CREATE TRIGGER audit_log_appends_at_end BEFORE INSERT ON audit_log
                    WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
                      OR NEW.previous_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
                                                           '0000000000000000000000000000000000000000000000000000000000000000')
                    BEGIN SELECT RAISE(ABORT, 'the audit log grows only at its end, each entry after the newest'); END""",
                    """
                    CREATE TRIGGER audit_head_first BEFORE INSERT ON audit_head
                    WHEN NEW.seq IS NOT 1 OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = 1 AND hash = NEW.hash)
                    BEGIN SELECT RAISE(ABORT, 'the audit head starts at the first entry'); END""", """
                    CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
                    WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq + 1
                      OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash)
                    BEGIN SELECT RAISE(ABORT, 'the audit head moves only to the entry appended after it'); END""",
                    """
                    CREATE INDEX audit_log_by_candidate ON audit_log (model, digest, stage)"""));

    private static String noChange(String table, String operation, String why) {
        return "CREATE TRIGGER " + table + "_no_" + operation.toLowerCase(java.util.Locale.ROOT) + " BEFORE "
                + operation + " ON " + table + " BEGIN SELECT RAISE(ABORT, '" + why + "'); END";
    }

    /** A stage points only where its newest history row says, so a move without its history is refused. */
    private static String followsHistory(String operation) {
        return "CREATE TRIGGER stages_follow_history_" + operation.toLowerCase(java.util.Locale.ROOT) + " BEFORE "
                + operation + " ON stages WHEN NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.id = (SELECT max(id)"
                + " FROM stage_history WHERE model = NEW.model AND stage = NEW.stage) AND h.to_version = NEW.version"
                + " AND h.at = NEW.since) BEGIN SELECT RAISE(ABORT, 'a stage points only where its newest"
                + " stage_history row says'); END";
    }

    /**
     * The schema version of a file opened for reading, without creating or changing anything.
     *
     * @throws RegistryException when the file holds no registry, or a schema newer than this engine knows
     */
    static int readVersion(Connection connection, String location) throws SQLException, RegistryException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name = 'schema_version'")) {
                if (rs.getInt(1) == 0) {
                    try (ResultSet any = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
                        throw new RegistryException(any.getInt(1) == 0 ? "no registry at " + location
                                + " (an empty database)" : location + ": not a registry (an SQLite database without"
                                + " mlgates' schema_version table)");
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT max(version), typeof(max(version)) FROM"
                    + " schema_version")) {
                if (!"integer".equals(rs.getString(2))) {
                    throw new RegistryException(rs.getObject(1) == null ? "no registry at " + location
                            + " (no schema version recorded)" : location + ": tampered with: schema_version holds "
                            + StoredRow.describe(rs.getObject(1)) + " where a version number belongs");
                }
                long found = rs.getLong(1);
                if (found > CURRENT) {
                    throw new RegistryException(location + ": the registry's schema is version " + found + ", newer"
                            + " than the " + CURRENT + " this mlgates knows; use a newer mlgates");
                }
                if (found < 1) {
                    throw new RegistryException(location + ": tampered with: schema_version holds version " + found);
                }
                return (int) found;
            }
        }
    }

    /** The schema version this engine writes. */
    static final int CURRENT = STEPS.size();

    private Migrations() {
    }

    /**
     * Brings the schema to {@code target}, inside the caller's transaction.
     *
     * @return the version the file had before
     * @throws RegistryException when the file's schema is newer than this engine knows
     */
    static int migrate(Connection connection, int target, Instant now, String location) throws SQLException,
            RegistryException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            int found;
            try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                found = rs.getInt(1);
            }
            if (found > CURRENT) {
                throw new RegistryException(location + ": the registry's schema is version " + found + ", newer than"
                        + " the " + CURRENT + " this mlgates knows; use a newer mlgates");
            }
            for (int version = found + 1; version <= target; version++) {
                for (String sql : STEPS.get(version - 1)) {
                    statement.execute(sql);
                }
                try (PreparedStatement applied = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    applied.setInt(1, version);
                    applied.setString(2, now.toString());
                    applied.executeUpdate();
                }
            }
            return found;
        }
    }
}
