package io.mlgates.core.release;

import static io.mlgates.core.release.PromotionContender.NOW;
import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.registry.StageMove;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotions racing for one stage from threads and from other processes, and a process killed in the middle of
 * promotions: the embedded registry's transactions keep exactly one winner per round and a consistent file.
 */
class ConcurrencyAndCrashTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int ROUNDS = 100;

    @TempDir
    Path tmp;

    private Path registered() throws Exception {
        Path file = tmp.resolve("registry.db");
        try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", CLOCK)) {
            PromotionRace.registerVersions(registry);
        }
        return file;
    }

    private static Process contender(String mode, Path file) throws IOException {
        return PromotionRace.java(PromotionContender.class.getName(), mode, file.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads and 2 processes promote different versions to one stage, 100 rounds: exactly one wins"
            + " each round, the history is complete, the audit chain verifies")
    void exactlyOneWinsEachRound() throws Exception {
        Path file = registered();
        PromotionRace.exactlyOneWinsEachRound(() -> SqliteRegistry.open(file, "registry.db", CLOCK),
                () -> contender("rounds", file), ROUNDS);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("a process killed with SIGKILL in the middle of promotions leaves the registry readable, consistent"
            + " and its audit chain valid, three times over on the same file")
    void killedProcessLeavesAConsistentRegistry() throws Exception {
        Path file = registered();
        int committedBefore = 0;
        for (int kill = 1; kill <= 3; kill++) {
            Process process = contender("loop", file);
            BufferedReader from = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            // let it commit a few dozen promotions; it is then somewhere inside its next transaction
            for (int line = 0; line < 20 * kill; line++) {
                assertThat(from.readLine()).as("the contender is alive").isNotNull();
            }
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback, no close
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", CLOCK)) {
                List<StageMove> history = registry.history(MODEL);
                assertThat(history.size()).isGreaterThanOrEqualTo(committedBefore + 20 * kill);
                PromotionRace.assertConsistent(registry, history);
                List<AuditEntry> log = registry.auditLog();
                assertThat(log).filteredOn(e -> e.record().action().equals("promote")).hasSize(history.size());
                long approvals = log.stream().filter(e -> e.record().action().equals("approve")).count();
                // each kill may land between a contender's approval and its promotion: one orphan per kill at most
                assertThat(approvals).as("each committed approval audited; at most one per kill without its promotion")
                        .isBetween((long) history.size(), (long) history.size() + kill);
                assertThat(registry.verifyAudit().findings()).isEmpty();
                committedBefore = history.size();
            }
        }
    }
}
