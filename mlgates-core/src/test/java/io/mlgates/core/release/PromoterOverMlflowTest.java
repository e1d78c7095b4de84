package io.mlgates.core.release;

import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static io.mlgates.core.release.ReleaseFixtures.passed;
import static io.mlgates.core.release.ReleaseFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.FakeMlflowServer;
import io.mlgates.core.registry.MlflowRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same rules with MLflow as the registry: the promotion engine does not care which registry it moves. */
class PromoterOverMlflowTest {
    @Test
    @DisplayName("staging, two approvals, then production at a departure; the chain in MLflow's tags verifies")
    void toProductionOverMlflow() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(Optional.empty())) {
            MlflowRegistry registry = new MlflowRegistry(server.uri(), MODEL, Map.of());
            Instant built = Instant.parse("2026-11-26T10:00:00Z");
            assertThat(new Promoter(registry, Clock.fixed(built, ZoneOffset.UTC))
                    .promote(request(1, "staging", passed(1, built))).result())
                    .isEqualTo(PromotionOutcome.Result.PROMOTED);
            for (String officer : new String[] {"carol", "dave"}) {
                registry.decide(new Approval(MODEL, ReleaseFixtures.digest(1), "production", officer,
                        Approval.Decision.APPROVE, "reviewed", built.plusSeconds(3600)));
            }
            PromotionOutcome outcome = new Promoter(registry, Clock.fixed(Instant.parse("2026-12-01T13:30:00Z"),
                    ZoneOffset.UTC)).promote(request(1, "production", passed(1, built)));
            assertThat(outcome.result()).isEqualTo(PromotionOutcome.Result.PROMOTED);
            assertThat(registry.stages(MODEL)).isEqualTo(Map.of("staging", 1, "production", 1));
            assertThat(registry.auditLog()).extracting(e -> e.record().action())
                    .containsExactly("register", "promote", "approve", "approve", "promote");
            assertThat(registry.verifyAudit().intact()).isTrue();
        }
    }
}
