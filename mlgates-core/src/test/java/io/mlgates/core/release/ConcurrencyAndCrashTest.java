package io.mlgates.core.release;

import static io.mlgates.core.release.PromotionContender.NOW;
import static io.mlgates.core.release.PromotionContender.VERSIONS;
import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.registry.Registration;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.registry.StageMove;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private static final int THREADS = 8;
    private static final int PROCESSES = 2;
    private static final int ROUNDS = 100;

    @TempDir
    Path tmp;

    private Path registered() throws Exception {
        Path file = tmp.resolve("registry.db");
        try (SqliteRegistry registry = SqliteRegistry.open(file, "registry.db", CLOCK)) {
            for (int v = 1; v <= VERSIONS; v++) {
                registry.register(new Registration(MODEL, ReleaseFixtures.digest(v), "model", Optional.empty(),
                        "alice", NOW, Map.of(), List.of()), "alice");
            }
        }
        return file;
    }

    private static Process contender(String mode, Path file) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", classPath, PromotionContender.class.getName(), mode,
                file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Contender {@code c} of round {@code r}: two banks of ten versions, so no contender asks for the current one. */
    private static int version(int round, int contender) {
        return 1 + contender + (THREADS + PROCESSES) * (round % 2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads and 2 processes promote different versions to one stage, 100 rounds: exactly one wins"
            + " each round, the history is complete, the audit chain verifies")
    void exactlyOneWinsEachRound() throws Exception {
        Path file = registered();
        List<SqliteRegistry> connections = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                connections.add(SqliteRegistry.open(file, "registry.db", CLOCK));
            }
            List<PrintWriter> toProcess = new ArrayList<>();
            List<BufferedReader> fromProcess = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                Process process = contender("rounds", file);
                processes.add(process);
                toProcess.add(new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8));
                fromProcess.add(new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)));
            }
            try (SqliteRegistry observer = SqliteRegistry.open(file, "registry.db", CLOCK)) {
                for (int round = 0; round < ROUNDS; round++) {
                    OptionalInt expected = observer.current(MODEL, "staging");
                    CyclicBarrier start = new CyclicBarrier(THREADS + 1);
                    List<Future<PromotionOutcome>> threads = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        Promoter promoter = new Promoter(connections.get(t), CLOCK);
                        PromotionRequest request = PromotionContender.request(version(round, t));
                        threads.add(pool.submit(() -> {
                            start.await();
                            return promoter.promote(request, expected);
                        }));
                    }
                    for (int p = 0; p < PROCESSES; p++) {
                        toProcess.get(p).println(round + " " + (expected.isPresent() ? expected.getAsInt() : "-") + " "
                                + version(round, THREADS + p));
                    }
                    start.await();
                    int won = 0;
                    for (Future<PromotionOutcome> f : threads) {
                        PromotionOutcome outcome = f.get(30, TimeUnit.SECONDS);
                        if (outcome.result() == PromotionOutcome.Result.PROMOTED) {
                            won++;
                        } else {
                            assertThat(outcome.rules()).containsExactly("stage.conflict");
                        }
                    }
                    for (BufferedReader reader : fromProcess) {
                        String answer = reader.readLine();
                        assertThat(answer).startsWith(round + " ");
                        won += answer.endsWith(" won") ? 1 : 0;
                    }
                    assertThat(won).as("winners of round %d", round).isEqualTo(1);
                }
                List<StageMove> history = observer.history(MODEL);
                assertThat(history).hasSize(ROUNDS);
                assertConsistent(observer, history);
                assertThat(observer.auditLog()).filteredOn(e -> e.record().action().equals("promote"))
                        .hasSize(ROUNDS);
                assertThat(observer.verifyAudit().intact()).isTrue();
            }
        } finally {
            stop(processes);
            pool.shutdownNow();
            for (SqliteRegistry c : connections) {
                c.close();
            }
        }
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
                assertConsistent(registry, history);
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

    /** Every move starts where the one before ended, and the stage points where the last one ended. */
    private static void assertConsistent(SqliteRegistry registry, List<StageMove> history) throws Exception {
        OptionalInt previous = OptionalInt.empty();
        for (StageMove move : history) {
            assertThat(move.from()).as("move %d", move.id()).isEqualTo(previous);
            previous = OptionalInt.of(move.to());
        }
        assertThat(registry.current(MODEL, "staging")).isEqualTo(previous);
    }

    /** End of input ends a contender; one that does not end is killed. */
    private static void stop(List<Process> processes) throws IOException, InterruptedException {
        for (Process p : processes) {
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
