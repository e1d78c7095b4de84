package io.mlgates.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.FakeMlflowServer;
import io.mlgates.core.registry.MlflowRegistry;
import io.mlgates.core.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers racing on one MLflow tracking server, each with its own client, as builds on a controller and a team's
 * laptops would: each audit entry claims its place by creating a registered model of that name, which the server
 * creates once, so no entry is lost or replaced and exactly one of the moves judged against the same state wins.
 */
class MlflowRaceTest {
    private FakeMlflowServer server;

    @BeforeEach
    void startWithTheVersionsRegistered() throws Exception {
        server = new FakeMlflowServer(Optional.empty());
        try (ModelRegistry registry = open()) {
            PromotionRace.registerVersions(registry);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MlflowRegistry open() {
        return new MlflowRegistry(server.uri(), ReleaseFixtures.MODEL, Map.of());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads and 2 processes promote different versions to one stage on MLflow, 20 rounds: exactly one"
            + " wins each round, the history is complete, the audit chain verifies")
    void exactlyOneWinsEachRound() throws Exception {
        PromotionRace.exactlyOneWinsEachRound(this::open, () -> PromotionRace.java(
                PromotionContender.class.getName(), "rounds", server.uri().toString()), 20);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads record 10 decisions each at once: all 80 are in the chain and in the version's tags, in"
            + " one unbroken chain whose head tag ends on its newest entry")
    void concurrentDecisionsAreAllKept() throws Exception {
        int threads = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String approver = "approver-" + t;
                done.add(pool.submit(() -> {
                    try (MlflowRegistry mine = open()) {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            mine.decide(new Approval(ReleaseFixtures.MODEL, ReleaseFixtures.digest(1), "production",
                                    approver, Approval.Decision.APPROVE, "review " + i,
                                    PromotionContender.NOW.plusSeconds(i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (MlflowRegistry registry = open()) {
            List<Approval> approvals = registry.approvals(ReleaseFixtures.MODEL, ReleaseFixtures.digest(1),
                    "production");
            assertThat(approvals).hasSize(threads * each);
            assertThat(approvals).extracting(a -> a.approver() + "/" + a.reason()).doesNotHaveDuplicates();
            assertThat(registry.auditLog()).hasSize(PromotionContender.VERSIONS + threads * each);
            assertThat(registry.verifyAudit().findings()).isEmpty();
            assertThat(registry.verifyAudit().intact()).isTrue();
        }
    }
}
