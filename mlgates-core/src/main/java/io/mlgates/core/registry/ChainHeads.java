package io.mlgates.core.registry;

import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.gate.SeenChainHead;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Reads the newest entry of an embedded registry's audit chain without changing the file: opened read-only, never
 * created, never migrated. What a gate records as the chain head it saw.
 */
public final class ChainHeads {
    private ChainHeads() {
    }

    /**
     * @param file the registry file
     * @param shownAs how results name it, for example {@code .mlgates/registry.db}
     * @return the newest entry's place and hash, or why there is none: no registry there, no entry yet, a file that
     *     cannot be read as one
     */
    public static SeenChainHead read(Path file, String shownAs) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return SeenChainHead.none(shownAs, "no registry there");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (!rs.next()) {
                return SeenChainHead.none(shownAs, "the registry has no audit entry yet");
            }
            return SeenChainHead.of(shownAs, new AuditHead(rs.getLong(1), String.valueOf(rs.getString(2))));
        } catch (SQLException | IllegalArgumentException e) {
            // A gate judges the model, not the registry: what it could not read is recorded, audit verify names it.
            return SeenChainHead.none(shownAs, "the registry's chain head cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
