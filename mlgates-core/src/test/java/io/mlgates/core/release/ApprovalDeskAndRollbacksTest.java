package io.mlgates.core.release;

import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static io.mlgates.core.release.ReleaseFixtures.POLICY;
import static io.mlgates.core.release.ReleaseFixtures.passed;
import static io.mlgates.core.release.ReleaseFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.registry.StageMove;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalDeskAndRollbacksTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path tmp;
    SqliteRegistry registry;

    @BeforeEach
    void openRegistry() throws Exception {
        registry = SqliteRegistry.open(tmp.resolve("registry.db"), "registry.db", CLOCK);
    }

    @AfterEach
    void closeRegistry() throws Exception {
        registry.close();
    }

    private ModelVersion promoted(int candidate) throws Exception {
        new Promoter(registry, CLOCK).promote(request(candidate, "staging", passed(candidate, NOW)));
        return registry.versionByDigest(MODEL, ReleaseFixtures.digest(candidate)).orElseThrow();
    }

    @Test
    @DisplayName("an approval by a group member is recorded with its reason, bound to the digest, and audited")
    void recordsAnApproval() throws Exception {
        ModelVersion v = promoted(1);
        DecisionOutcome outcome = new ApprovalDesk(registry, CLOCK).decide(v, POLICY, "production", "carol",
                Approval.Decision.APPROVE, "calibration and fairness report reviewed");
        assertThat(outcome.refusals()).isEmpty();
        assertThat(registry.approvals(MODEL, v.digest(), "production")).containsExactly(outcome.recorded().get());
        assertThat(registry.auditLog().get(registry.auditLog().size() - 1).record().action()).isEqualTo("approve");
    }

    @Test
    @DisplayName("an approval that could never count is refused: the author, a non-member, a stage without approvals")
    void refusesWhatCouldNeverCount() throws Exception {
        ModelVersion v = promoted(1);
        ApprovalDesk desk = new ApprovalDesk(registry, CLOCK);
        assertThat(desk.decide(v, POLICY, "production", "alice", Approval.Decision.APPROVE, "mine").refusals())
                .extracting(Refusal::rule).containsExactly("approvals.fourEyes");
        assertThat(desk.decide(v, POLICY, "production", "mallory", Approval.Decision.APPROVE, "ok").refusals())
                .extracting(Refusal::rule).containsExactly("approvals.group");
        assertThat(desk.decide(v, POLICY, "staging", "carol", Approval.Decision.REJECT, "no").refusals())
                .extracting(Refusal::rule).containsExactly("approvals.none");
        assertThatThrownBy(() -> desk.decide(v, POLICY, "production", "carol", Approval.Decision.APPROVE, " "))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs a reason");
        assertThat(registry.approvals(MODEL, v.digest(), "production")).isEmpty();
    }

    @Test
    @DisplayName("rollbacks unwind: after 1, 2, 3 a rollback returns to 2, the next to 1, then there is none left")
    void rollbacksUnwind() throws Exception {
        promoted(1);
        promoted(2);
        promoted(3);
        Rollbacks rollbacks = new Rollbacks(registry, CLOCK);
        assertThat(rollbacks.rollback(MODEL, "staging", "bob", "latency regression").to()).hasValue(2);
        assertThat(rollbacks.rollback(MODEL, "staging", "bob", "still slow").to()).hasValue(1);
        Rollbacks.Outcome none = rollbacks.rollback(MODEL, "staging", "bob", "again");
        assertThat(none.to()).isEmpty();
        assertThat(none.refusals()).extracting(Refusal::rule).containsExactly("rollback.none");
        assertThat(registry.current(MODEL, "staging")).hasValue(1);
        assertThat(registry.history(MODEL)).extracting(m -> m.request().kind()).containsExactly(
                StageMove.Kind.PROMOTE, StageMove.Kind.PROMOTE, StageMove.Kind.PROMOTE, StageMove.Kind.ROLLBACK,
                StageMove.Kind.ROLLBACK);
        assertThat(registry.history(MODEL).get(3).from()).isEqualTo(OptionalInt.of(3));
        assertThat(registry.verifyAudit().intact()).isTrue();
    }
}
